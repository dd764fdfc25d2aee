/**
 * The portfolio's skeleton: which projects, where, in what sector, led and co-financed by
 * whom, with raw amounts that calibration then scales.
 */
import { CORRIDORS, type Corridor } from '../../reference/corridors.ts';
import {
  governmentRef,
  organisationByRef,
  type Organisation,
} from '../../reference/organisations.ts';
import { KINDS, type Kind, type SectorSplit } from './kinds.ts';
import {
  affinity,
  ADB,
  funderClass,
  PARTNERS,
  type FunderClass,
  type PartnerProfile,
} from './partners.ts';
import { profileOf } from './places.ts';
import type { Rng } from './prng.ts';
import { canHost, chooseSubject, sectorOptions, type Subject } from './subject.ts';
import {
  FIRST_YEAR,
  LAST_APPROVAL_YEAR,
  PROJECTS_PER_COUNTRY,
  REGIONAL_PROJECTS,
} from './targets.ts';

export interface Funding {
  org: Organisation;
  cls: FunderClass;
  /** US dollars; raw until calibrated. */
  amount: number;
}

export interface CountryShare {
  iso2: string;
  percentage: number;
}

export interface Relation {
  to: PlannedProject;
  type: '3' | '4';
}

export interface PlannedProject {
  kind: Kind;
  countries: CountryShare[];
  sectors: readonly SectorSplit[];
  corridors: number[];
  lead: Organisation;
  fundings: Funding[];
  approvalYear: number;
  subject: Subject;
  relations: Relation[];
  suffix: { en: string; ru: string } | null;
}

const TRANSPORT_TAGGED = ['road', 'rail', 'logistics', 'bcp'];
const YEARS = Array.from({ length: LAST_APPROVAL_YEAR - FIRST_YEAR + 1 }, (_, i) => FIRST_YEAR + i);

/** Integer percentages summing to exactly 100, none below 10. */
export function splitPercent(rng: Rng, n: number): number[] {
  const weights = Array.from({ length: n }, () => rng.range(1, 3));
  const sum = weights.reduce((a, b) => a + b, 0);
  const parts = weights.map((w) => 10 + Math.floor(((100 - 10 * n) * w) / sum));
  let rest = 100 - parts.reduce((a, b) => a + b, 0);
  for (let i = 0; rest > 0; i = (i + 1) % n, rest--) parts[i] = (parts[i] ?? 0) + 1;
  return parts;
}

function pickLead(
  rng: Rng,
  kindId: string,
  countries: readonly string[],
  year: number,
  not: Organisation | null = null,
): Organisation {
  return rng.weighted(PARTNERS, (p) =>
    p.org === not ? 0 : p.lead * affinity(p, kindId, countries, year),
  ).org;
}

function fund(
  rng: Rng,
  kind: Kind,
  lead: Organisation,
  countries: CountryShare[],
  year: number,
): Funding[] {
  const isos = countries.map((c) => c.iso2);
  const total = kind.size * Math.min(3, Math.max(0.3, rng.logNormal(0.6)));
  const afghan = isos.includes('AF');
  const govShare = rng.chance(afghan ? 0.4 : 0.88)
    ? rng.range(afghan ? 0.03 : 0.1, afghan ? 0.1 : 0.32)
    : 0;
  const cofinanced = rng.chance(kind.group === 'transport' || kind.group === 'energy' ? 0.4 : 0.2);
  const cofinanciers: Organisation[] = [];
  if (cofinanced) {
    const wanted = rng.chance(0.7) ? 1 : 2;
    for (let i = 0; i < wanted; i++) {
      const pool = PARTNERS.filter((p) => p.org !== lead && !cofinanciers.includes(p.org));
      const weight = (p: PartnerProfile) =>
        (p.org === ADB ? 12 : p.cofinance) * (affinity(p, kind.id, isos, year) === 1 ? 1 : 0);
      if (pool.some((p) => weight(p) > 0)) cofinanciers.push(rng.weighted(pool, weight).org);
    }
  }
  const partnerMoney = total * (1 - govShare);
  const leadShare = cofinanciers.length > 0 ? rng.range(0.45, 0.75) : 1;
  const fundings: Funding[] = [
    { org: lead, cls: funderClass(lead), amount: partnerMoney * leadShare },
  ];
  for (const org of cofinanciers) {
    const amount = (partnerMoney * (1 - leadShare)) / cofinanciers.length;
    fundings.push({ org, cls: funderClass(org), amount });
  }
  if (govShare > 0) {
    for (const c of countries) {
      const org = organisationByRef(governmentRef(c.iso2));
      if (!org) throw new Error(`no government organisation for ${c.iso2}`);
      fundings.push({ org, cls: 'gov', amount: (total * govShare * c.percentage) / 100 });
    }
  }
  return fundings;
}

function corridorsFor(
  rng: Rng,
  kind: Kind,
  isos: readonly string[],
  chosen: Corridor | null,
): number[] {
  if (!TRANSPORT_TAGGED.includes(kind.id)) return [];
  const fitting = CORRIDORS.filter((c) => isos.every((iso) => c.countries.includes(iso)));
  const picked = new Set<number>();
  if (chosen) picked.add(chosen.number);
  else if (fitting.length > 0) picked.add(rng.pick(fitting).number);
  for (const c of fitting) if (!picked.has(c.number) && rng.chance(0.2)) picked.add(c.number);
  return [...picked].sort((a, b) => a - b);
}

function approvalYear(rng: Rng): number {
  return rng.weighted(YEARS, (y) => 1 + 0.3 * (y - FIRST_YEAR));
}

function project(
  rng: Rng,
  kind: Kind,
  countries: CountryShare[],
  corridor: Corridor | null,
): PlannedProject {
  const isos = countries.map((c) => c.iso2);
  const sectors = rng.pick(sectorOptions(kind, isos));
  const year = approvalYear(rng);
  const lead = pickLead(rng, kind.id, isos, year);
  return {
    kind,
    countries,
    sectors,
    corridors: corridorsFor(rng, kind, isos, corridor),
    lead,
    fundings: fund(rng, kind, lead, countries, year),
    approvalYear: year,
    subject: chooseSubject(rng, kind, isos, sectors),
    relations: [],
    suffix: null,
  };
}

/**
 * A follow-on tranche or a parallel co-financed twin of a big project. Tranches are siblings
 * (RelatedActivityType 3), not parent and child: each reports its own money, and a parent's
 * transactions would be taken to repeat its children's.
 */
function followOn(rng: Rng, first: PlannedProject): PlannedProject | null {
  if (!['road', 'rail', 'transmission', 'hydro'].includes(first.kind.id)) return null;
  const isos = first.countries.map((c) => c.iso2);
  const tranche = first.lead === ADB && first.approvalYear <= LAST_APPROVAL_YEAR - 3;
  if (tranche ? !rng.chance(0.14) : !rng.chance(0.05)) return null;
  const year = tranche ? first.approvalYear + rng.int(2, 3) : first.approvalYear;
  const lead = tranche ? ADB : pickLead(rng, first.kind.id, isos, year, first.lead);
  const second: PlannedProject = {
    ...first,
    lead,
    fundings: fund(rng, first.kind, lead, first.countries, year),
    approvalYear: year,
    relations: [{ to: first, type: tranche ? '3' : '4' }],
    suffix: tranche
      ? { en: ' – Tranche 2', ru: ' – транш 2' }
      : { en: ' (Parallel Co-financing)', ru: ' (параллельное софинансирование)' },
  };
  first.relations.push({ to: second, type: tranche ? '3' : '4' });
  if (tranche) first.suffix = { en: ' – Tranche 1', ru: ' – транш 1' };
  return second;
}

/** 2–4 members along a corridor, each next to the one before (by land or Caspian ferry). */
function chain(rng: Rng, corridor: Corridor): string[] {
  const length = rng.weighted([2, 3, 4], (n) => [6, 3, 1][n - 2] ?? 0);
  for (let attempt = 0; attempt < 20; attempt++) {
    const path = [rng.pick(corridor.countries)];
    while (path.length < length) {
      const last = path[path.length - 1] ?? '';
      const next = profileOf(last).neighbours.filter(
        (n) => corridor.countries.includes(n) && !path.includes(n),
      );
      if (next.length === 0) break;
      path.push(rng.pick(next));
    }
    if (path.length >= 2) return path;
  }
  throw new Error(`no chain of members along corridor ${corridor.number}`);
}

export function planPortfolio(rng: Rng): PlannedProject[] {
  const projects: PlannedProject[] = [];
  for (const [iso2, quota] of Object.entries(PROJECTS_PER_COUNTRY)) {
    let made = 0;
    while (made < quota) {
      const kind = rng.weighted(KINDS, (k) => (canHost(k, iso2) ? k.count : 0));
      const first = project(rng, kind, [{ iso2, percentage: 100 }], null);
      projects.push(first);
      made++;
      const second = made < quota ? followOn(rng, first) : null;
      if (second) {
        projects.push(second);
        made++;
      }
    }
  }
  const regionalKinds = KINDS.filter((k) => k.regional);
  const corridors = CORRIDORS.filter((c) => c.countries.length >= 2);
  for (let i = 0; i < REGIONAL_PROJECTS; i++) {
    const kind = rng.weighted(regionalKinds, (k) => k.count);
    const corridor = rng.pick(corridors);
    const isos = chain(rng, corridor);
    const shares = splitPercent(rng, isos.length);
    const countries = isos.map((iso2, j) => ({ iso2, percentage: shares[j] ?? 0 }));
    projects.push(project(rng, kind, countries, corridor));
  }
  return projects;
}
