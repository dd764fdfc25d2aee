/**
 * CAREC Ministerial Conferences whose number, year and city could be sourced, with what each
 * decided where a source says so. The chair is the country whose minister chaired (with ADB
 * co-chairing); null where no source says so (being the host is not taken as proof of
 * chairing). A date is the conference's first day, null where no source gives the day.
 * Conferences not listed (1–5, 7, 9, 13, 14, 18–21) were left out because no source at hand
 * gave their number and city together. Russian texts are Caravan's translations.
 */

export interface Bilingual {
  en: string;
  ru: string;
}

/** What a decision started or changed: the facility, a strategy or plan, an agreement, a project. */
export type DecisionLink =
  | { kind: 'facility' }
  | { kind: 'strategy'; name: Bilingual }
  | { kind: 'agreement'; name: Bilingual }
  | { kind: 'project'; iatiIdentifier: string };

export interface ConferenceDecision {
  text: Bilingual;
  starts: DecisionLink | null;
}

export interface ConferenceDocument {
  title: Bilingual;
  url: string | null;
}

export interface Conference {
  number: number;
  year: number;
  /** ISO date of the first day, when sourced. */
  date: string | null;
  cityEn: string;
  cityRu: string;
  /** ISO alpha-2 of the chairing country, when sourced. */
  chair: string | null;
  theme: Bilingual | null;
  documents: readonly ConferenceDocument[];
  decisions: readonly ConferenceDecision[];
  /** Where the facts come from. */
  sources: readonly string[];
}

const strategy = (en: string, ru: string): DecisionLink => ({ kind: 'strategy', name: { en, ru } });
const agreement = (en: string, ru: string): DecisionLink => ({
  kind: 'agreement',
  name: { en, ru },
});
const JOINT_STATEMENT: ConferenceDocument = {
  title: { en: 'Joint Ministerial Statement', ru: 'Совместное заявление министров' },
  url: null,
};

export const CONFERENCES: readonly Conference[] = [
  {
    number: 6,
    year: 2007,
    date: '2007-11-02',
    cityEn: 'Dushanbe',
    cityRu: 'Душанбе',
    chair: null,
    theme: null,
    documents: [
      JOINT_STATEMENT,
      {
        title: {
          en: 'Report of Senior Officials to the Ministerial Conference',
          ru: 'Доклад старших должностных лиц Министерской конференции',
        },
        url: null,
      },
    ],
    decisions: [
      {
        text: {
          en: 'Endorsed the CAREC Transport and Trade Facilitation Strategy',
          ru: 'Одобрена Стратегия ЦАРЭС по транспорту и упрощению процедур торговли',
        },
        starts: strategy(
          'CAREC Transport and Trade Facilitation Strategy',
          'Стратегия ЦАРЭС по транспорту и упрощению процедур торговли',
        ),
      },
      {
        text: {
          en: 'Endorsed the CAREC Institute Prospectus',
          ru: 'Одобрен проспект Института ЦАРЭС',
        },
        starts: strategy('CAREC Institute Prospectus', 'Проспект Института ЦАРЭС'),
      },
    ],
    sources: [
      // "2-3 November 2007, Dushanbe"; the decisions.
      'https://docslib.org/doc/3297293/proposed-carec-transport-sector-strategy',
      'https://test0302.carecprogram.org/?event=carec-ministerial-conference-nov-2007',
    ],
  },
  {
    number: 8,
    year: 2009,
    date: null,
    cityEn: 'Ulaanbaatar',
    cityRu: 'Улан-Батор',
    chair: null,
    theme: null,
    documents: [],
    decisions: [],
    sources: [
      'https://uzdaily.uz/en/central-asian-nations-gather-in-ulaanbaatar-for-8th-carec-ministerial-meeting',
    ],
  },
  {
    number: 10,
    year: 2011,
    date: null,
    cityEn: 'Baku',
    cityRu: 'Баку',
    chair: null,
    theme: null,
    documents: [JOINT_STATEMENT],
    decisions: [
      {
        text: {
          en: 'Endorsed CAREC 2020, the strategic framework for the next ten years',
          ru: 'Одобрена стратегическая рамка ЦАРЭС 2020 на следующие десять лет',
        },
        starts: strategy('CAREC 2020', 'ЦАРЭС 2020'),
      },
      {
        text: {
          en: 'Endorsed a set of priority regional projects supporting CAREC 2020',
          ru: 'Одобрен перечень приоритетных региональных проектов в поддержку ЦАРЭС 2020',
        },
        starts: null,
      },
      {
        text: {
          en: 'Approved the CAREC Institute’s interim action plan for 2012',
          ru: 'Утверждён временный план действий Института ЦАРЭС на 2012 год',
        },
        starts: strategy(
          'CAREC Institute interim action plan 2012',
          'Временный план действий Института ЦАРЭС на 2012 год',
        ),
      },
    ],
    sources: [
      'http://www.carecprogram.org/index.php?page=carec-program',
      'https://test0302.carecprogram.org/?event=carec-ministerial-conference-nov-2011',
    ],
  },
  {
    number: 11,
    year: 2012,
    date: null,
    cityEn: 'Wuhan',
    cityRu: 'Ухань',
    chair: null,
    theme: null,
    documents: [],
    decisions: [],
    sources: ['http://www.carecprogram.org/index.php?page=carec-program'],
  },
  {
    number: 12,
    year: 2013,
    date: '2013-10-23',
    cityEn: 'Astana',
    cityRu: 'Астана',
    chair: null,
    theme: null,
    documents: [],
    decisions: [
      {
        text: {
          en: 'Endorsed the CAREC Transport and Trade Facilitation Strategy 2020',
          ru: 'Одобрена Стратегия ЦАРЭС по транспорту и упрощению процедур торговли до 2020 года',
        },
        starts: strategy(
          'CAREC Transport and Trade Facilitation Strategy 2020',
          'Стратегия ЦАРЭС по транспорту и упрощению процедур торговли до 2020 года',
        ),
      },
    ],
    sources: [
      // "Endorsed at the 12th Ministerial Conference ... 23–24 October 2013 Astana" (ADB, 2014).
      'https://docslib.org/doc/2865130/carec-transport-and-trade-facilitation-strategy-2020',
    ],
  },
  {
    number: 15,
    year: 2016,
    date: null,
    cityEn: 'Islamabad',
    cityRu: 'Исламабад',
    chair: 'PK',
    theme: null,
    documents: [],
    decisions: [],
    // "chaired by Pakistan's Minister for Finance".
    sources: ['https://www.carecprogram.org/?event=carec-ministerial-conference-oct-2016'],
  },
  {
    number: 16,
    year: 2017,
    date: '2017-10-27',
    cityEn: 'Dushanbe',
    cityRu: 'Душанбе',
    chair: 'TJ',
    theme: null,
    documents: [],
    decisions: [],
    sources: [
      // "chaired by Minister of Economic Development and Trade Nematullo Khikmatullozoda".
      'https://kdevpolicy.blogspot.com/2017/10/adb-president-commits-more-than-5.html',
      'https://www.adb.org/news/speeches/special-address-16th-carec-ministerial-conference-takehiko-nakao',
    ],
  },
  {
    number: 17,
    year: 2018,
    date: '2018-11-15',
    cityEn: 'Ashgabat',
    cityRu: 'Ашхабад',
    chair: null,
    theme: null,
    documents: [],
    decisions: [],
    sources: [
      'https://www.indrastra.com/2018/11/17th-Ministerial-Conference-CAREC-004-11-2018-0030.html',
    ],
  },
  {
    number: 22,
    year: 2023,
    date: '2023-11-30',
    cityEn: 'Tbilisi',
    cityRu: 'Тбилиси',
    // Co-chaired by Georgia's Vice Prime Minister, Georgia being the 2023 CAREC country chair.
    chair: 'GE',
    theme: {
      en: 'Reinvigorating Regional Cooperation in Times of Change',
      ru: 'Возрождение регионального сотрудничества во времена перемен',
    },
    documents: [{ ...JOINT_STATEMENT, url: 'https://carecprogram.org/?page_id=22907' }],
    decisions: [
      {
        text: {
          en: 'Endorsed Regional Action on Climate Change: a Vision for CAREC',
          ru: 'Одобрено видение ЦАРЭС «Региональные действия по изменению климата»',
        },
        starts: strategy(
          'Regional Action on Climate Change: a Vision for CAREC',
          'Региональные действия по изменению климата: видение ЦАРЭС',
        ),
      },
      {
        text: {
          en: 'Welcomed the concept of the CAREC Climate and Sustainability Project Preparatory Fund',
          ru: 'Одобрена концепция Фонда ЦАРЭС по подготовке проектов в области климата и устойчивого развития',
        },
        starts: { kind: 'facility' },
      },
    ],
    sources: [
      'https://carecprogram.org/?page_id=22907',
      'https://www.carecprogram.org/newsletters/issues/20240101',
      'https://astanatimes.com/2023/12/kazakhstan-to-chair-central-asia-regional-economic-cooperation-program-in-2024/',
    ],
  },
  {
    number: 23,
    year: 2024,
    date: '2024-11-08',
    cityEn: 'Astana',
    cityRu: 'Астана',
    chair: 'KZ',
    theme: null,
    documents: [],
    decisions: [
      {
        text: {
          en: 'Signed the agreement establishing the facility’s trust fund (ADB with the People’s Republic of China and the Republic of Korea) and launched the CAREC Climate and Sustainability Project Preparatory Fund',
          ru: 'Подписано соглашение о создании трастового фонда (АБР с Китайской Народной Республикой и Республикой Корея) и учреждён Фонд ЦАРЭС по подготовке проектов в области климата и устойчивого развития',
        },
        starts: { kind: 'facility' },
      },
      {
        text: {
          en: 'Endorsed the CAREC Climate Change Action Plan 2025–2027: climate-risk preparedness, the water–energy–food nexus, low-carbon growth and a CAREC climate platform',
          ru: 'Одобрен План действий ЦАРЭС по изменению климата на 2025–2027 годы: готовность к климатическим рискам, взаимосвязь воды, энергии и продовольствия, низкоуглеродный рост и климатическая платформа ЦАРЭС',
        },
        starts: strategy(
          'CAREC Climate Change Action Plan 2025–2027',
          'План действий ЦАРЭС по изменению климата на 2025–2027 годы',
        ),
      },
      {
        text: {
          en: 'Endorsed the Midterm Review of the CAREC 2030 Strategy',
          ru: 'Одобрен среднесрочный обзор стратегии ЦАРЭС 2030',
        },
        starts: strategy(
          'Midterm Review of the CAREC 2030 Strategy',
          'Среднесрочный обзор стратегии ЦАРЭС 2030',
        ),
      },
    ],
    sources: [
      // 8 November 2024, Astana, "under the chairmanship of Kazakhstan"; the decisions.
      'https://newscentralasia.net/2024/11/08/carec-ministers-launched-the-regional-climate-fund-and-endorsed-climate-change-action-plan',
      'https://www.kt.kz/eng/politics/olzhas_bektenov_discusses_investment_cooperation_with_adb_1377971265.html',
      // The signing of the trust fund agreement with Korea and China.
      'https://silkwaytv.kz/ru/ministry-cares-odobrili-na-konferencii-v-astane-plan-deystviy-po-izmeneniyu-klimata_48022',
    ],
  },
  {
    number: 24,
    year: 2025,
    date: null,
    cityEn: 'Bishkek',
    cityRu: 'Бишкек',
    chair: null,
    theme: { en: 'Green and Digital CAREC', ru: 'Зелёный и цифровой ЦАРЭС' },
    documents: [
      {
        title: { en: 'Joint Ministerial Declaration', ru: 'Совместная декларация министров' },
        url: null,
      },
    ],
    decisions: [
      {
        text: {
          en: 'Adopted the Joint Ministerial Declaration',
          ru: 'Принята Совместная декларация министров',
        },
        starts: null,
      },
      {
        text: {
          en: 'Memoranda of understanding signed on the pilot phase of the Improved Transit System and Common Information Exchange (CATS/ICE), on regional tourism, and on a pilot project for electronic exchange and mutual recognition of compliance certificates',
          ru: 'Подписаны меморандумы о взаимопонимании: о пилотной фазе улучшенной транзитной системы и общего информационного обмена (CATS/ICE), о развитии регионального туризма и о пилотном проекте электронного обмена и взаимного признания сертификатов соответствия',
        },
        starts: agreement(
          'Memoranda of understanding of the 24th Ministerial Conference',
          'Меморандумы о взаимопонимании 24-й Министерской конференции',
        ),
      },
    ],
    sources: [
      'https://report.az/en/business/azerbaijan-participates-in-carec-events-in-bishkek',
      'https://www.newscentralasia.net/2025/11/21/turkmenistan-participated-in-carec-2025-business-forum-and-24th-ministerial-conference-in-bishkek/',
    ],
  },
];

/** The conference held in a year, if recorded. */
export function conferenceOfYear(year: number): Conference | undefined {
  return CONFERENCES.find((c) => c.year === year);
}
