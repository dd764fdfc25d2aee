/**
 * Real places in the CAREC members (coordinates of the town centres), used for
 * demo titles and locations. For the PRC only the CAREC provinces are listed
 * (Xinjiang Uygur and Inner Mongolia autonomous regions).
 */
export interface Place {
  en: string;
  ru: string;
  lat: number;
  lng: number;
  /** Border crossing points and ports lie on an edge: titles use them, locations do not. */
  kind: PlaceKind;
}

export type PlaceKind = 'city' | 'border' | 'port';

export interface MemberProfile {
  /** Formal name used in ministry names. */
  formalEn: string;
  formalRu: string;
  places: readonly Place[];
  /** Members reachable across a land border or by Caspian ferry. */
  neighbours: readonly string[];
}

const p = (en: string, ru: string, lat: number, lng: number, kind: PlaceKind = 'city'): Place => ({
  en,
  ru,
  lat,
  lng,
  kind,
});

export const MEMBER_PROFILES: Readonly<Record<string, MemberProfile>> = {
  AF: {
    formalEn: 'Afghanistan',
    formalRu: 'Афганистана',
    neighbours: ['CN', 'PK', 'TJ', 'TM', 'UZ'],
    places: [
      p('Kabul', 'Кабул', 34.5553, 69.2075),
      p('Herat', 'Герат', 34.3529, 62.204),
      p('Mazar-i-Sharif', 'Мазари-Шариф', 36.709, 67.1109),
      p('Kandahar', 'Кандагар', 31.6289, 65.7372),
      p('Jalalabad', 'Джелалабад', 34.4265, 70.4515),
      p('Kunduz', 'Кундуз', 36.728, 68.857),
      p('Sheberghan', 'Шибирган', 36.665, 65.752),
      p('Hairatan', 'Хайратон', 37.21, 67.42, 'border'),
      p('Islam Qala', 'Ислам-Кала', 34.665, 61.07, 'border'),
    ],
  },
  AZ: {
    formalEn: 'the Republic of Azerbaijan',
    formalRu: 'Азербайджанской Республики',
    neighbours: ['GE', 'KZ', 'TM'],
    places: [
      p('Baku', 'Баку', 40.4093, 49.8671),
      p('Alat', 'Алят', 39.95, 49.405, 'port'),
      p('Ganja', 'Гянджа', 40.6828, 46.3606),
      p('Mingachevir', 'Мингечевир', 40.764, 47.0595),
      p('Shirvan', 'Ширван', 39.9317, 48.9206),
      p('Shamakhi', 'Шемаха', 40.6314, 48.6364),
      p('Gazakh', 'Газах', 41.0971, 45.3663, 'border'),
      p('Yevlakh', 'Евлах', 40.6183, 47.15),
      p('Astara', 'Астара', 38.456, 48.875, 'border'),
    ],
  },
  CN: {
    formalEn: "the People's Republic of China",
    formalRu: 'Китайской Народной Республики',
    neighbours: ['AF', 'KG', 'KZ', 'MN', 'PK', 'TJ'],
    places: [
      p('Urumqi', 'Урумчи', 43.8256, 87.6168),
      p('Kashgar', 'Кашгар', 39.4704, 75.9898),
      p('Horgos', 'Хоргос', 44.215, 80.418, 'border'),
      p('Yining', 'Инин', 43.9091, 81.2775),
      p('Alashankou', 'Алашанькоу', 45.1697, 82.5693, 'border'),
      p('Hami', 'Хами', 42.8186, 93.515),
      p('Korla', 'Корла', 41.7259, 86.1746),
      p('Hohhot', 'Хух-Хото', 40.8414, 111.7519),
      p('Erenhot', 'Эрлянь', 43.6532, 111.977, 'border'),
      p('Baotou', 'Баотоу', 40.6574, 109.8403),
    ],
  },
  GE: {
    formalEn: 'Georgia',
    formalRu: 'Грузии',
    neighbours: ['AZ'],
    places: [
      p('Tbilisi', 'Тбилиси', 41.7151, 44.8271),
      p('Batumi', 'Батуми', 41.6168, 41.6367, 'port'),
      p('Poti', 'Поти', 42.1462, 41.672, 'port'),
      p('Kutaisi', 'Кутаиси', 42.2679, 42.6946),
      p('Rustavi', 'Рустави', 41.5495, 44.993),
      p('Zestafoni', 'Зестафони', 42.11, 43.05),
      p('Khashuri', 'Хашури', 41.9947, 43.5989),
      p('Gori', 'Гори', 41.9842, 44.1158),
      p('Samtredia', 'Самтредиа', 42.1539, 42.3347),
      p('Red Bridge', 'Красный Мост', 41.33, 45.08, 'border'),
    ],
  },
  KZ: {
    formalEn: 'the Republic of Kazakhstan',
    formalRu: 'Республики Казахстан',
    neighbours: ['AZ', 'CN', 'KG', 'TM', 'UZ'],
    places: [
      p('Almaty', 'Алматы', 43.2389, 76.8897),
      p('Astana', 'Астана', 51.1694, 71.4491),
      p('Shymkent', 'Шымкент', 42.3417, 69.5901),
      p('Aktobe', 'Актобе', 50.2839, 57.167),
      p('Aktau', 'Актау', 43.6481, 51.1722, 'port'),
      p('Karaganda', 'Караганда', 49.8047, 73.1094),
      p('Taraz', 'Тараз', 42.9, 71.3667),
      p('Kyzylorda', 'Кызылорда', 44.8488, 65.4823),
      p('Atyrau', 'Атырау', 47.1164, 51.883),
      p('Beineu', 'Бейнеу', 45.3167, 55.2),
      p('Zharkent', 'Жаркент', 44.1622, 80.0, 'border'),
      p('Khorgos', 'Хоргос', 44.21, 80.36, 'border'),
      p('Taldykorgan', 'Талдыкорган', 45.0156, 78.3739),
      p('Pavlodar', 'Павлодар', 52.2873, 76.9674),
    ],
  },
  KG: {
    formalEn: 'the Kyrgyz Republic',
    formalRu: 'Кыргызской Республики',
    neighbours: ['CN', 'KZ', 'TJ', 'UZ'],
    places: [
      p('Bishkek', 'Бишкек', 42.8746, 74.5698),
      p('Osh', 'Ош', 40.5283, 72.7985),
      p('Jalal-Abad', 'Джалал-Абад', 40.9333, 73.0),
      p('Naryn', 'Нарын', 41.4287, 75.9911),
      p('Karakol', 'Каракол', 42.4907, 78.3936),
      p('Talas', 'Талас', 42.5228, 72.2427),
      p('Balykchy', 'Балыкчы', 42.4603, 76.187),
      p('Torugart', 'Торугарт', 40.62, 75.35, 'border'),
      p('Sary-Tash', 'Сары-Таш', 39.7297, 73.2497),
    ],
  },
  MN: {
    formalEn: 'Mongolia',
    formalRu: 'Монголии',
    neighbours: ['CN'],
    places: [
      p('Ulaanbaatar', 'Улан-Батор', 47.8864, 106.9057),
      p('Darkhan', 'Дархан', 49.4867, 105.9228),
      p('Erdenet', 'Эрдэнэт', 49.0333, 104.0833),
      p('Zamyn-Uud', 'Замын-Ууд', 43.7167, 111.9, 'border'),
      p('Choibalsan', 'Чойбалсан', 48.0667, 114.5),
      p('Khovd', 'Ховд', 48.0056, 91.6419),
      p('Sainshand', 'Сайншанд', 44.8833, 110.1167),
      p('Murun', 'Мурэн', 49.6342, 100.1625),
      p('Altanbulag', 'Алтанбулаг', 50.3, 106.5, 'border'),
    ],
  },
  PK: {
    formalEn: 'the Islamic Republic of Pakistan',
    formalRu: 'Исламской Республики Пакистан',
    neighbours: ['AF', 'CN'],
    places: [
      p('Islamabad', 'Исламабад', 33.6844, 73.0479),
      p('Karachi', 'Карачи', 24.8607, 67.0011),
      p('Lahore', 'Лахор', 31.5204, 74.3587),
      p('Peshawar', 'Пешавар', 34.0151, 71.5249),
      p('Quetta', 'Кветта', 30.1798, 66.975),
      p('Gwadar', 'Гвадар', 25.1264, 62.3225, 'port'),
      p('Multan', 'Мултан', 30.1575, 71.5249),
      p('Sukkur', 'Суккур', 27.7052, 68.8574),
      p('Hyderabad', 'Хайдарабад', 25.396, 68.3578),
      p('Torkham', 'Торхам', 34.09, 71.2, 'border'),
    ],
  },
  TJ: {
    formalEn: 'the Republic of Tajikistan',
    formalRu: 'Республики Таджикистан',
    neighbours: ['AF', 'CN', 'KG', 'UZ'],
    places: [
      p('Dushanbe', 'Душанбе', 38.5598, 68.787),
      p('Khujand', 'Худжанд', 40.2833, 69.6333),
      p('Kulob', 'Куляб', 37.9146, 69.7845),
      p('Bokhtar', 'Бохтар', 37.8364, 68.7803),
      p('Khorog', 'Хорог', 37.4897, 71.5531, 'border'),
      p('Nurek', 'Нурек', 38.3833, 69.3333),
      p('Panjakent', 'Пенджикент', 39.495, 67.6094),
      p('Nizhny Panj', 'Нижний Пяндж', 37.25, 68.62, 'border'),
      p('Vahdat', 'Вахдат', 38.5564, 69.0136),
    ],
  },
  TM: {
    formalEn: 'Turkmenistan',
    formalRu: 'Туркменистана',
    neighbours: ['AF', 'AZ', 'KZ', 'UZ'],
    places: [
      p('Ashgabat', 'Ашхабад', 37.9601, 58.3261),
      p('Turkmenabat', 'Туркменабад', 39.0733, 63.5786),
      p('Mary', 'Мары', 37.5936, 61.8303),
      p('Turkmenbashi', 'Туркменбаши', 40.0222, 52.9552, 'port'),
      p('Dashoguz', 'Дашогуз', 41.8363, 59.9666),
      p('Balkanabat', 'Балканабад', 39.5108, 54.3671),
      p('Serhetabat', 'Серхетабад', 35.279, 62.344, 'border'),
      p('Tejen', 'Теджен', 37.3786, 60.5062),
    ],
  },
  UZ: {
    formalEn: 'the Republic of Uzbekistan',
    formalRu: 'Республики Узбекистан',
    neighbours: ['AF', 'KG', 'KZ', 'TJ', 'TM'],
    places: [
      p('Tashkent', 'Ташкент', 41.2995, 69.2401),
      p('Samarkand', 'Самарканд', 39.627, 66.975),
      p('Bukhara', 'Бухара', 39.7747, 64.4286),
      p('Nukus', 'Нукус', 42.4531, 59.6103),
      p('Andijan', 'Андижан', 40.7821, 72.3442),
      p('Namangan', 'Наманган', 40.9983, 71.6726),
      p('Fergana', 'Фергана', 40.3864, 71.7864),
      p('Termez', 'Термез', 37.2242, 67.2783, 'border'),
      p('Karshi', 'Карши', 38.8606, 65.7891),
      p('Navoi', 'Навои', 40.0844, 65.3792),
      p('Urgench', 'Ургенч', 41.55, 60.6333),
      p('Guzar', 'Гузар', 38.6208, 66.2481),
    ],
  },
};

export function profileOf(iso2: string): MemberProfile {
  const profile = MEMBER_PROFILES[iso2];
  if (!profile) throw new Error(`no demo profile for ${iso2}`);
  return profile;
}

/** Great-circle distance in kilometres. */
export function distanceKm(a: Place, b: Place): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}
