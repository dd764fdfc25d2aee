/** Named sites for demo titles: hydropower plants and river basins of each member. */
export interface Site {
  en: string;
  ru: string;
}

const site = (en: string, ru: string): Site => ({ en, ru });

export const HYDRO_SITES: Readonly<Record<string, readonly Site[]>> = {
  AF: [site('Naghlu', 'Наглу'), site('Mahipar', 'Махипар'), site('Sarobi', 'Саруби')],
  AZ: [site('Mingachevir', 'Мингечевир'), site('Shamkir', 'Шамкир'), site('Varvara', 'Варвара')],
  GE: [site('Enguri', 'Ингури'), site('Zhinvali', 'Жинвали'), site('Vardnili', 'Вардниль')],
  KZ: [site('Shardara', 'Шардара'), site('Moinak', 'Мойнак'), site('Kapshagay', 'Капшагай')],
  KG: [site('Toktogul', 'Токтогул'), site('Uch-Kurgan', 'Уч-Курган'), site('At-Bashy', 'Ат-Баши')],
  PK: [site('Tarbela', 'Тарбела'), site('Mangla', 'Мангла'), site('Warsak', 'Варсак')],
  TJ: [site('Nurek', 'Нурек'), site('Kairakkum', 'Кайраккум'), site('Sarband', 'Сарбанд')],
  UZ: [site('Charvak', 'Чарвак'), site('Farhad', 'Фархад'), site('Tupolang', 'Туполанг')],
};

export const RIVER_BASINS: Readonly<Record<string, readonly Site[]>> = {
  AF: [
    site('Panj–Amu Darya', 'Пяндж–Амударья'),
    site('Kabul River', 'Кабул'),
    site('Helmand', 'Гильменд'),
  ],
  AZ: [site('Kura', 'Кура'), site('Aras', 'Аракс'), site('Samur', 'Самур')],
  CN: [site('Ili River', 'Или'), site('Tarim', 'Тарим'), site('Yellow River', 'Хуанхэ')],
  GE: [site('Alazani', 'Алазани'), site('Rioni', 'Риони'), site('Mtkvari', 'Мтквари')],
  KZ: [site('Syr Darya', 'Сырдарья'), site('Ili', 'Или'), site('Chu–Talas', 'Чу–Талас')],
  KG: [site('Chu', 'Чу'), site('Naryn', 'Нарын'), site('Talas', 'Талас')],
  MN: [site('Tuul', 'Туул'), site('Selenge', 'Селенга'), site('Orkhon', 'Орхон')],
  PK: [site('Indus', 'Инд'), site('Chenab', 'Чинаб'), site('Swat', 'Сват')],
  TJ: [site('Vakhsh', 'Вахш'), site('Zarafshan', 'Зеравшан'), site('Panj', 'Пяндж')],
  TM: [site('Amu Darya', 'Амударья'), site('Murgab', 'Мургаб'), site('Tejen', 'Теджен')],
  UZ: [site('Amu Darya', 'Амударья'), site('Syr Darya', 'Сырдарья'), site('Zarafshan', 'Зеравшан')],
};
