/**
 * Which development partners lead or co-finance which kinds of project where.
 * Weights are relative numbers of projects, not dollars: calibration sets the money.
 */
import { ORGANISATIONS, type Organisation } from '../../reference/organisations.ts';

export type FunderClass = 'adb' | 'partner' | 'gov';

export interface PartnerProfile {
  org: Organisation;
  /** Relative number of projects led. */
  lead: number;
  /** Relative chance of joining another partner's project as co-financier. */
  cofinance: number;
  /** Kinds it usually finances; others get a tenth of the weight. */
  kinds: readonly string[] | 'all';
  excluded: readonly string[];
  grant: boolean;
  /** First year it approved operations (AIIB opened in 2016). */
  since: number;
}

const ALL = 'all' as const;
const NOT_MUSLIM_MAJORITY = ['CN', 'GE', 'MN'];

interface ProfileSpec {
  acronym: string;
  lead: number;
  cofinance: number;
  kinds: readonly string[] | 'all';
  excluded?: readonly string[];
  grant?: boolean;
  since?: number;
}

const SPECS: readonly ProfileSpec[] = [
  { acronym: 'ADB', lead: 95, cofinance: 6, kinds: ALL },
  { acronym: 'WB', lead: 38, cofinance: 5, kinds: ALL },
  {
    acronym: 'AIIB',
    since: 2016,
    lead: 14,
    cofinance: 6,
    kinds: ['road', 'rail', 'logistics', 'transmission', 'hydro', 'renewables'],
    excluded: ['AF', 'TM'],
  },
  {
    acronym: 'EBRD',
    lead: 16,
    cofinance: 4,
    kinds: ['road', 'rail', 'logistics', 'transmission', 'renewables', 'efficiency', 'hydro'],
    excluded: ['AF', 'PK', 'CN'],
  },
  {
    acronym: 'IsDB',
    lead: 14,
    cofinance: 4,
    kinds: ['road', 'rail', 'transmission', 'hydro', 'irrigation', 'health', 'skills'],
    excluded: NOT_MUSLIM_MAJORITY,
  },
  {
    acronym: 'JICA',
    lead: 13,
    cofinance: 4,
    kinds: ['road', 'rail', 'logistics', 'hydro', 'transmission', 'efficiency', 'irrigation'],
  },
  {
    acronym: 'EU',
    lead: 9,
    cofinance: 4,
    kinds: ['customs', 'bcp', 'efficiency', 'renewables', 'resilience', 'skills', 'stability'],
    excluded: ['CN'],
    grant: true,
  },
  {
    acronym: 'KfW',
    lead: 6,
    cofinance: 3,
    kinds: ['transmission', 'hydro', 'renewables', 'efficiency', 'health', 'skills'],
    excluded: ['CN'],
  },
  {
    acronym: 'EDCF',
    lead: 5,
    cofinance: 2,
    kinds: ['road', 'rail', 'health', 'ict', 'tourism', 'skills'],
    excluded: ['CN', 'TM', 'AF', 'PK'],
  },
  {
    acronym: 'USAID',
    lead: 5,
    cofinance: 2,
    kinds: ['transmission', 'customs', 'bcp', 'stability', 'skills', 'health'],
    excluded: ['CN', 'TM'],
    grant: true,
  },
  {
    acronym: 'OPEC Fund',
    lead: 4,
    cofinance: 3,
    kinds: ['road', 'transmission', 'hydro', 'irrigation'],
    excluded: ['CN'],
  },
  {
    acronym: 'SFD',
    lead: 3,
    cofinance: 2,
    kinds: ['road', 'hydro', 'irrigation', 'health'],
    excluded: NOT_MUSLIM_MAJORITY,
  },
  {
    acronym: 'Kuwait Fund',
    lead: 3,
    cofinance: 2,
    kinds: ['road', 'hydro', 'irrigation', 'health'],
    excluded: NOT_MUSLIM_MAJORITY,
  },
  {
    acronym: 'ADFD',
    lead: 2,
    cofinance: 2,
    kinds: ['road', 'renewables', 'irrigation'],
    excluded: NOT_MUSLIM_MAJORITY,
  },
  {
    acronym: 'KOICA',
    lead: 3,
    cofinance: 1,
    kinds: ['skills', 'ict', 'health', 'customs'],
    excluded: ['CN'],
    grant: true,
  },
  {
    acronym: 'UNDP',
    lead: 4,
    cofinance: 1,
    kinds: ['resilience', 'stability', 'skills', 'health'],
    grant: true,
  },
];

function orgByAcronym(acronym: string): Organisation {
  const org = ORGANISATIONS.find((o) => o.acronym === acronym);
  if (!org) throw new Error(`demo partner ${acronym} is missing from ORGANISATIONS`);
  return org;
}

export const PARTNERS: readonly PartnerProfile[] = SPECS.map((spec) => ({
  org: orgByAcronym(spec.acronym),
  lead: spec.lead,
  cofinance: spec.cofinance,
  kinds: spec.kinds,
  excluded: spec.excluded ?? [],
  grant: spec.grant ?? false,
  since: spec.since ?? 0,
}));

export const ADB = orgByAcronym('ADB');

export function partnerProfile(ref: string): PartnerProfile {
  const profile = PARTNERS.find((p) => p.org.ref === ref);
  if (!profile) throw new Error(`no demo partner profile for ${ref}`);
  return profile;
}

/** How much a partner fits a project of this kind, in these countries, that year (0 = never). */
export function affinity(
  profile: PartnerProfile,
  kindId: string,
  countries: readonly string[],
  year: number,
): number {
  if (year < profile.since || countries.some((c) => profile.excluded.includes(c))) return 0;
  return profile.kinds === 'all' || profile.kinds.includes(kindId) ? 1 : 0.1;
}

export function funderClass(org: Organisation): FunderClass {
  if (org.role === 'government') return 'gov';
  return org.ref === ADB.ref ? 'adb' : 'partner';
}
