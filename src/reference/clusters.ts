/**
 * The five operational clusters of the CAREC 2030 strategy (DESIGN.md) and how DAC sectors
 * fall into them.
 *
 * The sector mapping is Caravan's own classification, not a published one: CAREC does not
 * publish a DAC-to-cluster table. The reasoning:
 * 1 stability: public finance and macro management (151), banking and finance (240), budget
 *   support (510) and debt (600) are what economic and financial stability is made of;
 * 2 trade, tourism, corridors: trade policy (331), tourism (332), business services (250) and
 *   industry (321: the industrial and special economic zones that corridor development builds);
 * 3 infrastructure and connectivity: transport (210), communications/ICT (220), energy
 *   (230–236), exactly as the cluster is named;
 * 4 agriculture and water: agriculture, forestry, fishing (311–313), water and sanitation
 *   (140), and by code rural development and food security (430xx, which are multisector);
 * 5 human development: education (111–114), health (121–123), population (130), other
 *   social services (160), and by code the 151 gender codes, which are not about stability.
 * Everything else (conflict, environment, mining, construction, humanitarian, unallocated…)
 * has no cluster and maps to null; curators can tag such projects by hand.
 */

export interface Cluster {
  code: number;
  nameEn: string;
  nameRu: string;
  /** DAC 3-digit sector categories. */
  sectorCategories: readonly string[];
  /** DAC 5-digit codes that override the category mapping; may be empty. */
  sectorCodes: readonly string[];
}

export const CLUSTERS: readonly Cluster[] = [
  {
    code: 1,
    nameEn: 'Economic and financial stability',
    nameRu: 'Экономическая и финансовая стабильность',
    sectorCategories: ['151', '240', '510', '600'],
    sectorCodes: [],
  },
  {
    code: 2,
    nameEn: 'Trade, tourism and economic corridors',
    nameRu: 'Торговля, туризм и экономические коридоры',
    sectorCategories: ['250', '321', '331', '332'],
    sectorCodes: [],
  },
  {
    code: 3,
    nameEn: 'Infrastructure and economic connectivity',
    nameRu: 'Инфраструктура и экономическая взаимосвязанность',
    sectorCategories: ['210', '220', '230', '231', '232', '233', '234', '235', '236'],
    sectorCodes: [],
  },
  {
    code: 4,
    nameEn: 'Agriculture and water',
    nameRu: 'Сельское хозяйство и водные ресурсы',
    sectorCategories: ['140', '311', '312', '313'],
    // Rural development (43040–43042) and food security (43071–43073) sit in 430 Other
    // Multisector, which otherwise has no cluster.
    sectorCodes: ['43040', '43041', '43042', '43071', '43072', '43073'],
  },
  {
    code: 5,
    nameEn: 'Human development',
    nameRu: 'Развитие человеческого потенциала',
    sectorCategories: ['111', '112', '113', '114', '121', '122', '123', '130', '160'],
    // Gender-equality codes inside 151 (women's rights; ending violence against women).
    sectorCodes: ['15170', '15180'],
  },
];

const BY_CATEGORY = new Map<string, number>();
const BY_CODE = new Map<string, number>();
for (const c of CLUSTERS) {
  for (const cat of c.sectorCategories) BY_CATEGORY.set(cat, c.code);
  for (const code of c.sectorCodes) BY_CODE.set(code, c.code);
}

/**
 * The cluster of a DAC 5-digit purpose code or 3-digit category, or null when it has none.
 * A 5-digit code's category is its first three digits (true of every DAC code).
 */
export function clusterOfSector(code: string): number | null {
  const c = code.trim();
  if (/^\d{5}$/.test(c)) return BY_CODE.get(c) ?? BY_CATEGORY.get(c.slice(0, 3)) ?? null;
  if (/^\d{3}$/.test(c)) return BY_CATEGORY.get(c) ?? null;
  return null;
}
