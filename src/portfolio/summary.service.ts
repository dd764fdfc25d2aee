import type { Db } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { CLUSTERS } from '../reference/clusters.ts';
import { CORRIDORS } from '../reference/corridors.ts';
import { countryByIso2 } from '../reference/countries.ts';
import { organisationByRef } from '../reference/organisations.ts';
import type { AggregateQuery, AggregateRow } from './aggregate.schema.ts';
import { aggregate } from './aggregate.service.ts';

export type SummaryFilter = Pick<AggregateQuery, 'country' | 'partner' | 'cluster' | 'corridor'>;

export interface PortfolioSummary {
  commitments: number;
  disbursements: number;
  byYear: AggregateRow[];
  bySectorCategory: AggregateRow[];
  byCountry: AggregateRow[];
  byPartner: AggregateRow[];
}

async function summarise(db: Db, filter: SummaryFilter): Promise<PortfolioSummary> {
  const ask = (measure: AggregateQuery['measure'], by: AggregateQuery['by']) =>
    aggregate(db, { measure, by, currency: 'USD', ...filter });
  const [commitments, disbursements, byYear, bySector, byCountry, byPartner] = await Promise.all([
    ask('commitments', []),
    ask('disbursements', []),
    ask('commitments', ['year']),
    ask('commitments', ['sectorCategory']),
    ask('commitments', ['country']),
    ask('commitments', ['partner']),
  ]);
  return {
    commitments: commitments.total,
    disbursements: disbursements.total,
    byYear: byYear.rows,
    bySectorCategory: bySector.rows,
    byCountry: byCountry.rows,
    byPartner: byPartner.rows,
  };
}

export async function countrySummary(db: Db, iso2: string) {
  const country = countryByIso2(iso2);
  if (!country) throw new AppError('not_found', `No country ${iso2}`);
  return { country, ...(await summarise(db, { country: [country.iso2] })) };
}

export async function partnerSummary(db: Db, ref: string) {
  const organisation = organisationByRef(ref);
  const canonical = organisation?.ref ?? ref;
  const summary = await summarise(db, { partner: [canonical] });
  if (!organisation && summary.commitments === 0 && summary.disbursements === 0) {
    throw new AppError('not_found', `No partner ${ref}`);
  }
  return { partner: organisation ?? { ref: canonical }, ...summary };
}

export async function clusterSummary(db: Db, code: string) {
  const cluster = CLUSTERS.find((c) => String(c.code) === code);
  if (!cluster) throw new AppError('not_found', `No cluster ${code}: clusters are 1–5`);
  return { cluster, ...(await summarise(db, { cluster: [code] })) };
}

export async function corridorSummary(db: Db, number: string) {
  const corridor = CORRIDORS.find((c) => String(c.number) === number);
  if (!corridor) throw new AppError('not_found', `No corridor ${number}: corridors are 1–6`);
  return { corridor, ...(await summarise(db, { corridor: [number] })) };
}
