/**
 * Development partners, the programme's own bodies and the member governments.
 *
 * Where the refs come from (the shared IATI material in ../shared/data/iati):
 * - "seen": used as a ref in the real activity files (activities/), counted there;
 * - "IATI list": the IATI Secretariat's own XI-IATI list (codelists/IATIOrganisationIdentifier.xml);
 * - "XM-DAC rule": IATI's DAC-derived identifiers are "XM-DAC-" + a DAC channel code
 *   (multilaterals, codes in codelists/CRSChannelCode.xml) or + donor-agency code (bilaterals;
 *   IATI's retired codelists/OrganisationIdentifier.xml has the agency as "<ISO>-<agency>",
 *   e.g. JP-8 JICA, DE-2 KfW). The rule is IATI's "A consistent approach to OECD DAC
 *   organisation identifiers" (https://support.iatistandard.org/hc/en-us/articles/214393806).
 *
 * The ref is the one the partner publishes under where the files show it (ADB's own
 * reporting-org is XM-DAC-46004; the World Bank's is 44000). Other forms of the same
 * identifier seen in the data are aliases that organisationByRef() also resolves.
 * Where no ref could be sourced, the ref is Caravan-local ("CARAVAN-ORG-…"), never an
 * invented official-looking identifier.
 */
import { COUNTRIES, MEMBER_CODES } from './countries.ts';

export interface Organisation {
  ref: string;
  acronym: string;
  nameEn: string;
  nameRu: string;
  /** IATI OrganisationType code: 10 government, 15 other public sector, 40 multilateral, … */
  type: string;
  /** ISO alpha-2 for governments and bilateral agencies. */
  country: string | null;
  role: 'multilateral' | 'bilateral' | 'government' | 'programme';
}

interface Partner extends Organisation {
  aliases: readonly string[];
}

function org(
  ref: string,
  acronym: string,
  nameEn: string,
  nameRu: string,
  type: string,
  country: string | null,
  role: Organisation['role'],
  aliases: readonly string[] = [],
): Partner {
  return { ref, acronym, nameEn, nameRu, type, country, role, aliases };
}

const M = 'multilateral';
const B = 'bilateral';

const PARTNERS: readonly Partner[] = [
  // ADB reports as XM-DAC-46004 (37 reporting-orgs seen); DESIGN.md's "46004" is the bare
  // DAC code, also seen.
  org('XM-DAC-46004', 'ADB', 'Asian Development Bank', 'Азиатский банк развития', '40', null, M, [
    '46004',
  ]),
  // World Bank reporting-org ref as published: 44000 (161 seen). XM-DAC-44000 by the rule.
  org('44000', 'WB', 'World Bank', 'Всемирный банк', '40', null, M, ['XM-DAC-44000']),
  org(
    '44001',
    'IBRD',
    'International Bank for Reconstruction and Development',
    'Международный банк реконструкции и развития',
    '40',
    null,
    M,
    ['XM-DAC-44001'],
  ),
  // 44002 seen 900+ times; XM-DAC-44002 seen once.
  org(
    '44002',
    'IDA',
    'International Development Association',
    'Международная ассоциация развития',
    '40',
    null,
    M,
    ['XM-DAC-44002'],
  ),
  // The IMF publishes no IATI data here; 43000 is its CRS channel code (seen bare, 4 times).
  org(
    'XM-DAC-43000',
    'IMF',
    'International Monetary Fund',
    'Международный валютный фонд',
    '40',
    null,
    M,
    ['43000'],
  ),
  // No IsDB ref in the files (only a d-portal local code); 46025 is its CRS channel code.
  org(
    'XM-DAC-46025',
    'IsDB',
    'Islamic Development Bank',
    'Исламский банк развития',
    '40',
    null,
    M,
    ['46025'],
  ),
  // XI-IATI-EBRD is on the IATI list and seen; 46015 is EBRD's CRS channel code.
  org(
    'XI-IATI-EBRD',
    'EBRD',
    'European Bank for Reconstruction and Development',
    'Европейский банк реконструкции и развития',
    '40',
    null,
    M,
    ['XM-DAC-46015', '46015'],
  ),
  // UNDP reports as XM-DAC-41114 (300 reporting-orgs seen); 41114 seen too.
  org(
    'XM-DAC-41114',
    'UNDP',
    'United Nations Development Programme',
    'Программа развития Организации Объединенных Наций',
    '40',
    null,
    M,
    ['41114'],
  ),
  // AIIB appears in no file; 46026 is its CRS channel code.
  org(
    'XM-DAC-46026',
    'AIIB',
    'Asian Infrastructure Investment Bank',
    'Азиатский банк инфраструктурных инвестиций',
    '40',
    null,
    M,
    ['46026'],
  ),
  // EU institutions: XM-DAC-42000 seen; the Commission's directorates report under their own
  // XI-IATI refs (type 15 as published). INTPA is the former DEVCO.
  org(
    'XM-DAC-42000',
    'EU',
    'European Union Institutions',
    'Институты Европейского союза',
    '15',
    null,
    M,
    ['42000'],
  ),
  org(
    'XI-IATI-EC_INTPA',
    'EC-INTPA',
    'European Commission, Directorate-General for International Partnerships',
    'Европейская комиссия, Генеральный директорат по международному партнерству',
    '15',
    null,
    M,
    ['XI-IATI-EC_DEVCO'],
  ),
  org(
    'XI-IATI-EC_NEAR',
    'EC-NEAR',
    'European Commission, Directorate-General for Neighbourhood and Enlargement Negotiations',
    'Европейская комиссия, Генеральный директорат по вопросам соседства и переговоров о расширении',
    '15',
    null,
    M,
  ),
  // OPEC Fund reports as XI-IATI-OFID (seen); 47142 is its CRS channel code.
  org(
    'XI-IATI-OFID',
    'OPEC Fund',
    'OPEC Fund for International Development',
    'Фонд ОПЕК для международного развития',
    '40',
    null,
    M,
    ['XM-DAC-47142'],
  ),

  // Bilateral agencies. JICA: JP-8 seen (retired list); 701 is Japan's DAC donor code (the
  // files have XM-DAC-701-2 for Japan's foreign ministry), so XM-DAC-701-8 by the rule.
  org(
    'XM-DAC-701-8',
    'JICA',
    'Japan International Cooperation Agency',
    'Японское агентство международного сотрудничества',
    '10',
    'JP',
    B,
    ['JP-8'],
  ),
  // KfW: DE-2 on the retired list; 5 is Germany's DAC donor code (XM-DAC-5 and XM-DAC-5-52 GIZ
  // are seen), so XM-DAC-5-2 by the rule. Public development bank: type 15.
  org('XM-DAC-5-2', 'KfW', 'KfW Development Bank', 'Банк развития KfW', '15', 'DE', B, ['DE-2']),
  // Korea reports under KR-GOV-… refs (not on IATI's registration-agency list, but used by
  // Korea's own publishers): KOICA KR-GOV-051 (seen 900+ times), EDCF KR-GOV-021.
  org(
    'KR-GOV-051',
    'KOICA',
    'Korea International Cooperation Agency',
    'Корейское агентство международного сотрудничества',
    '10',
    'KR',
    B,
  ),
  org(
    'KR-GOV-021',
    'EDCF',
    'Economic Development Cooperation Fund (Export-Import Bank of Korea)',
    'Фонд сотрудничества в целях экономического развития (Экспортно-импортный банк Кореи)',
    '15',
    'KR',
    B,
  ),
  // USAID publishes as US-GOV-1 (seen); US-1 is the retired-list form, also seen.
  org(
    'US-GOV-1',
    'USAID',
    'United States Agency for International Development',
    'Агентство США по международному развитию',
    '10',
    'US',
    B,
    ['US-1'],
  ),
  // No IATI ref found for the three Arab funds in the codelists or files: Caravan-local refs.
  org(
    'CARAVAN-ORG-SFD',
    'SFD',
    'Saudi Fund for Development',
    'Саудовский фонд развития',
    '15',
    'SA',
    B,
  ),
  org(
    'CARAVAN-ORG-KFAED',
    'Kuwait Fund',
    'Kuwait Fund for Arab Economic Development',
    'Кувейтский фонд арабского экономического развития',
    '15',
    'KW',
    B,
  ),
  org(
    'CARAVAN-ORG-ADFD',
    'ADFD',
    'Abu Dhabi Fund for Development',
    'Абу-Дабийский фонд развития',
    '15',
    'AE',
    B,
  ),

  // The programme's knowledge arm, an intergovernmental organisation with no IATI ref.
  org(
    'CARAVAN-ORG-CAREC-INSTITUTE',
    'CAREC Institute',
    'CAREC Institute',
    'Институт ЦАРЭС',
    '40',
    null,
    'programme',
  ),
];

/** Government of X / Правительство X (Russian genitive), for each member. */
const GOVERNMENT_NAMES: Readonly<Record<string, readonly [string, string]>> = {
  AF: ['Government of Afghanistan', 'Правительство Афганистана'],
  AZ: ['Government of Azerbaijan', 'Правительство Азербайджана'],
  CN: [
    "Government of the People's Republic of China",
    'Правительство Китайской Народной Республики',
  ],
  GE: ['Government of Georgia', 'Правительство Грузии'],
  KZ: ['Government of Kazakhstan', 'Правительство Казахстана'],
  KG: ['Government of the Kyrgyz Republic', 'Правительство Кыргызской Республики'],
  MN: ['Government of Mongolia', 'Правительство Монголии'],
  PK: ['Government of Pakistan', 'Правительство Пакистана'],
  TJ: ['Government of Tajikistan', 'Правительство Таджикистана'],
  TM: ['Government of Turkmenistan', 'Правительство Туркменистана'],
  UZ: ['Government of Uzbekistan', 'Правительство Узбекистана'],
};

/**
 * The member government's ref. IATI has no registered identifier scheme for recipient
 * governments, so this is a Caravan-local ref, "CARAVAN-GOV-<iso2>", not an IATI identifier.
 */
export function governmentRef(iso2: string): string {
  const code = iso2.toUpperCase();
  if (!MEMBER_CODES.includes(code)) throw new Error(`not a CAREC member: ${iso2}`);
  return `CARAVAN-GOV-${code}`;
}

const GOVERNMENTS: readonly Organisation[] = COUNTRIES.filter((c) => c.member).map((c) => {
  const [nameEn, nameRu] = GOVERNMENT_NAMES[c.iso2] ?? [`Government of ${c.nameEn}`, c.nameRu];
  return {
    ref: governmentRef(c.iso2),
    acronym: `GOV-${c.iso2}`,
    nameEn,
    nameRu,
    type: '10',
    country: c.iso2,
    role: 'government',
  };
});

export const ORGANISATIONS: readonly Organisation[] = [
  ...PARTNERS.map(({ aliases: _aliases, ...o }) => o),
  ...GOVERNMENTS,
];

const BY_REF = new Map<string, Organisation>();
for (const o of ORGANISATIONS) BY_REF.set(o.ref, o);
for (const p of PARTNERS) {
  const o = BY_REF.get(p.ref);
  for (const alias of p.aliases) if (o !== undefined) BY_REF.set(alias, o);
}

/** The organisation with this ref, or with a known alias of it (e.g. "46004" → ADB). */
export function organisationByRef(ref: string): Organisation | undefined {
  return BY_REF.get(ref.trim());
}
