/**
 * The six CAREC multimodal transport corridors and the member countries each crosses.
 *
 * Names: the CAREC Program's corridor page, https://www.carecprogram.org/?page_id=20 ("CAREC
 * Corridors: Connecting CAREC: A Corridor Network"), which also says corridors 1, 3, 4, 5 and 6
 * remain as defined by the CAREC Transport and Trade Facilitation Strategy 2020 (2013) and
 * corridor 2 was revised in 2017 to take in Georgia.
 *
 * Countries: the CCIROM-TKM series "The CAREC Programme: Corridor N" (Romanian-Turkmen chamber
 * of commerce, 2018), which describes each corridor from ADB's "CAREC Corridor Performance
 * Measurement and Monitoring: A Forward-Looking Retrospective" (2014) and, for corridor 4, from
 * the CAREC Transport and Trade Facilitation Strategy 2020:
 * - 2: https://ccirom-tkm.ro/2018/03/21/the-carec-programme-corridor-2/
 * - 3: https://ccirom-tkm.ro/2018/03/29/the-carec-programme-corridor-3/
 * - 4: https://ccirom-tkm.ro/2018/04/05/the-carec-programme-corridor-4/
 * - 5: https://ccirom-tkm.ro/2018/04/19/the-carec-programme-corridor-5/
 * - 6: https://ccirom-tkm.ro/2018/05/03/the-carec-programme-corridor-6/
 * No text of the CAREC Transport Strategy 2030 itself was found, so these are the TTFS 2020
 * alignments (with corridor 2's Georgia extension), which the corridor page says still hold.
 *
 * Corridor 1: the CAREC Program's Kazakhstan page, https://www.carecprogram.org/?page_id=6,
 * "CAREC Corridor 1, an important cargo-transit route from the PRC, through the Kyrgyz Republic
 * and Kazakhstan, to the Russian Federation and then Europe".
 * Countries are listed in the members' DESIGN.md order.
 */

export interface Corridor {
  number: number;
  nameEn: string;
  nameRu: string;
  /** ISO alpha-2 of the CAREC members it crosses. */
  countries: readonly string[];
}

export const CORRIDORS: readonly Corridor[] = [
  {
    number: 1,
    nameEn: 'Europe–East Asia',
    nameRu: 'Европа – Восточная Азия',
    countries: ['CN', 'KZ', 'KG'],
  },
  {
    number: 2,
    nameEn: 'Europe–Mediterranean–East Asia',
    nameRu: 'Европа – Средиземноморье – Восточная Азия',
    countries: ['AF', 'AZ', 'CN', 'GE', 'KZ', 'KG', 'TJ', 'TM', 'UZ'],
  },
  {
    number: 3,
    nameEn: 'Russian Federation–Middle East and South Asia',
    nameRu: 'Российская Федерация – Ближний Восток и Южная Азия',
    countries: ['AF', 'KZ', 'KG', 'TJ', 'TM', 'UZ'],
  },
  {
    number: 4,
    nameEn: 'Russian Federation–East Asia',
    nameRu: 'Российская Федерация – Восточная Азия',
    countries: ['CN', 'MN'],
  },
  {
    number: 5,
    nameEn: 'East Asia–Middle East and South Asia',
    nameRu: 'Восточная Азия – Ближний Восток и Южная Азия',
    countries: ['AF', 'CN', 'KG', 'PK', 'TJ'],
  },
  {
    number: 6,
    nameEn: 'Europe–Middle East and South Asia',
    nameRu: 'Европа – Ближний Восток и Южная Азия',
    countries: ['AF', 'KZ', 'PK', 'TJ', 'TM', 'UZ'],
  },
];
