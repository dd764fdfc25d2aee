/**
 * The programme's countries: the 11 CAREC members (DESIGN.md) and the partner or observer
 * governments that appear as bilateral partners. English names follow the programme's usage
 * (e.g. "People's Republic of China", "Kyrgyz Republic"); Russian names are the usual official
 * short names.
 */

export interface Country {
  iso2: string;
  iso3: string;
  nameEn: string;
  nameRu: string;
  member: boolean;
}

export const COUNTRIES: readonly Country[] = [
  { iso2: 'AF', iso3: 'AFG', nameEn: 'Afghanistan', nameRu: 'Афганистан', member: true },
  { iso2: 'AZ', iso3: 'AZE', nameEn: 'Azerbaijan', nameRu: 'Азербайджан', member: true },
  {
    iso2: 'CN',
    iso3: 'CHN',
    nameEn: "People's Republic of China",
    nameRu: 'Китайская Народная Республика',
    member: true,
  },
  { iso2: 'GE', iso3: 'GEO', nameEn: 'Georgia', nameRu: 'Грузия', member: true },
  { iso2: 'KZ', iso3: 'KAZ', nameEn: 'Kazakhstan', nameRu: 'Казахстан', member: true },
  {
    iso2: 'KG',
    iso3: 'KGZ',
    nameEn: 'Kyrgyz Republic',
    nameRu: 'Кыргызская Республика',
    member: true,
  },
  { iso2: 'MN', iso3: 'MNG', nameEn: 'Mongolia', nameRu: 'Монголия', member: true },
  { iso2: 'PK', iso3: 'PAK', nameEn: 'Pakistan', nameRu: 'Пакистан', member: true },
  { iso2: 'TJ', iso3: 'TJK', nameEn: 'Tajikistan', nameRu: 'Таджикистан', member: true },
  { iso2: 'TM', iso3: 'TKM', nameEn: 'Turkmenistan', nameRu: 'Туркменистан', member: true },
  { iso2: 'UZ', iso3: 'UZB', nameEn: 'Uzbekistan', nameRu: 'Узбекистан', member: true },

  // Partners and observers. Kuwait and the United Arab Emirates are here because their
  // development funds are bilateral partners in organisations.ts.
  { iso2: 'JP', iso3: 'JPN', nameEn: 'Japan', nameRu: 'Япония', member: false },
  {
    iso2: 'KR',
    iso3: 'KOR',
    nameEn: 'Republic of Korea',
    nameRu: 'Республика Корея',
    member: false,
  },
  {
    iso2: 'US',
    iso3: 'USA',
    nameEn: 'United States',
    nameRu: 'Соединенные Штаты Америки',
    member: false,
  },
  {
    iso2: 'GB',
    iso3: 'GBR',
    nameEn: 'United Kingdom',
    nameRu: 'Соединенное Королевство',
    member: false,
  },
  { iso2: 'DE', iso3: 'DEU', nameEn: 'Germany', nameRu: 'Германия', member: false },
  { iso2: 'FR', iso3: 'FRA', nameEn: 'France', nameRu: 'Франция', member: false },
  {
    iso2: 'RU',
    iso3: 'RUS',
    nameEn: 'Russian Federation',
    nameRu: 'Российская Федерация',
    member: false,
  },
  { iso2: 'TR', iso3: 'TUR', nameEn: 'Türkiye', nameRu: 'Турция', member: false },
  { iso2: 'SA', iso3: 'SAU', nameEn: 'Saudi Arabia', nameRu: 'Саудовская Аравия', member: false },
  { iso2: 'IN', iso3: 'IND', nameEn: 'India', nameRu: 'Индия', member: false },
  { iso2: 'IR', iso3: 'IRN', nameEn: 'Iran', nameRu: 'Иран', member: false },
  { iso2: 'KW', iso3: 'KWT', nameEn: 'Kuwait', nameRu: 'Кувейт', member: false },
  {
    iso2: 'AE',
    iso3: 'ARE',
    nameEn: 'United Arab Emirates',
    nameRu: 'Объединенные Арабские Эмираты',
    member: false,
  },
];

/** ISO 3166-1 alpha-2 codes of the 11 members, in DESIGN.md order. */
export const MEMBER_CODES: readonly string[] = COUNTRIES.filter((c) => c.member).map((c) => c.iso2);

const BY_ISO2 = new Map(COUNTRIES.map((c) => [c.iso2, c]));

/** The country with this alpha-2 code (case-insensitive), if the programme knows it. */
export function countryByIso2(iso2: string): Country | undefined {
  return BY_ISO2.get(iso2.toUpperCase());
}
