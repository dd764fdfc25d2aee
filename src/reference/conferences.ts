/**
 * CAREC Ministerial Conferences whose number, year and city could be sourced. The chair is
 * the country whose minister chaired (with ADB co-chairing); null where no source says so
 * (being the host is not taken as proof of chairing). Conferences not listed (1–5, 7, 9, 13,
 * 14, 18–21) were left out because no source at hand gave their number and city together.
 */

export interface Conference {
  number: number;
  year: number;
  cityEn: string;
  cityRu: string;
  /** ISO alpha-2 of the chairing country, when sourced. */
  chair: string | null;
}

export const CONFERENCES: readonly Conference[] = [
  // "For information at the 6th Ministerial Conference on Regional Economic Cooperation,
  // 2-3 November 2007, Dushanbe": Proposed CAREC Transport Sector Strategy,
  // https://docslib.org/doc/3297293/proposed-carec-transport-sector-strategy
  { number: 6, year: 2007, cityEn: 'Dushanbe', cityRu: 'Душанбе', chair: null },
  // "Hosted by the Government of Mongolia, the 8th Ministerial Conference", Ulaanbaatar,
  // 14-16 October 2009: https://uzdaily.uz/en/central-asian-nations-gather-in-ulaanbaatar-for-8th-carec-ministerial-meeting
  { number: 8, year: 2009, cityEn: 'Ulaanbaatar', cityRu: 'Улан-Батор', chair: null },
  // 10th in Baku, November 2011; 11th in Wuhan, October 2012:
  // http://www.carecprogram.org/index.php?page=carec-program
  { number: 10, year: 2011, cityEn: 'Baku', cityRu: 'Баку', chair: null },
  { number: 11, year: 2012, cityEn: 'Wuhan', cityRu: 'Ухань', chair: null },
  // "Endorsed at the 12th Ministerial Conference ... 23–24 October 2013 Astana": CAREC
  // Transport and Trade Facilitation Strategy 2020 (ADB, 2014),
  // https://docslib.org/doc/2865130/carec-transport-and-trade-facilitation-strategy-2020
  { number: 12, year: 2013, cityEn: 'Astana', cityRu: 'Астана', chair: null },
  // Islamabad, October 2016, "chaired by Pakistan's Minister for Finance":
  // https://www.carecprogram.org/?event=carec-ministerial-conference-oct-2016
  { number: 15, year: 2016, cityEn: 'Islamabad', cityRu: 'Исламабад', chair: 'PK' },
  // Dushanbe, 27 October 2017, "chaired by Minister of Economic Development and Trade Nematullo
  // Khikmatullozoda" (ADB news release as reprinted at
  // https://kdevpolicy.blogspot.com/2017/10/adb-president-commits-more-than-5.html; city and date
  // also https://www.adb.org/news/speeches/special-address-16th-carec-ministerial-conference-takehiko-nakao)
  { number: 16, year: 2017, cityEn: 'Dushanbe', cityRu: 'Душанбе', chair: 'TJ' },
  // Ashgabat, 15 November 2018:
  // https://www.indrastra.com/2018/11/17th-Ministerial-Conference-CAREC-004-11-2018-0030.html
  { number: 17, year: 2018, cityEn: 'Ashgabat', cityRu: 'Ашхабад', chair: null },
  // Tbilisi, 30 November 2023; co-chaired by Georgia's Vice Prime Minister, Georgia being the
  // 2023 CAREC country chair: https://carecprogram.org/?page_id=22907 and
  // https://www.carecprogram.org/newsletters/issues/20240101
  { number: 22, year: 2023, cityEn: 'Tbilisi', cityRu: 'Тбилиси', chair: 'GE' },
  // Astana, November 2024, "under the chairmanship of Kazakhstan" (DESIGN.md;
  // https://www.kt.kz/eng/politics/olzhas_bektenov_discusses_investment_cooperation_with_adb_1377971265.html)
  { number: 23, year: 2024, cityEn: 'Astana', cityRu: 'Астана', chair: 'KZ' },
];
