import { bulkTable, updateFlatById, type SqlValue } from '../db/bulk.ts';
import type { Db } from '../db/database.ts';
import { clusterOfSector } from '../reference/clusters.ts';
import { organisationByRef } from '../reference/organisations.ts';
import type { ActivityInput } from './activity.model.ts';
import { entryFacets } from './activity-search.ts';
import { writeSearchEntries } from './activity-search.repository.ts';
import { searchSourceOf, type SearchSource } from './activity.rows.ts';
import {
  allocateTo,
  allocationInputOf,
  destinationsOf,
  type Destinations,
  type AllocationInput,
  type AllocationTransaction,
  type OwnDestination,
} from './allocation.ts';
import {
  applyRollupDelta,
  deleteAllocations,
  insertAllocations,
  rollupDelta,
  selectAllocations,
} from './allocation.repository.ts';
import {
  MEASURE_OF_TRANSACTION_TYPE,
  type AllocationTable,
  type Measure,
} from './allocation.table.ts';
import {
  isIncoming,
  loadCountingContext,
  lockPortfolio,
  type CountingContext,
} from './counting.ts';

// Activities per step: a World Bank activity can split into thousands of allocation rows.
const CHUNK = 100;

/** One organisation, however its publishers spell its reference (46004, XM-DAC-46004 …). */
export function canonicalOrg(ref: string | null | undefined): string | null {
  if (!ref?.trim()) return null;
  return organisationByRef(ref)?.ref ?? ref.trim();
}

function climate(
  activity: AllocationInput,
): Pick<AllocationTable, 'mitigation' | 'adaptation' | 'drr'> {
  const significance = (code: string) =>
    Math.max(
      0,
      ...activity.policyMarkers
        .filter((m) => m.vocabulary === '1' && m.code === code)
        .map((m) => Number(m.significance ?? 0) || 0),
    );
  return { mitigation: significance('6'), adaptation: significance('7'), drr: significance('10') };
}

function sectorCategory(vocabulary: string | null, sector: string): string {
  if (vocabulary === '1' && /^\d{5}$/.test(sector)) return sector.slice(0, 3);
  if (vocabulary === '2' && /^\d{3}$/.test(sector)) return sector;
  return '';
}

/** Why a transaction's money is counted elsewhere, or null when it is counted here. */
function countedElsewhere(
  activity: AllocationInput,
  transaction: AllocationTransaction,
  context: CountingContext,
): string | null {
  const self = activity.iatiIdentifier;
  const reports = (identifier: string) =>
    context.reportsType.has(`${identifier}/${transaction.type}`);
  const receiver = transaction.receiverOrg?.activityId;
  if (receiver && receiver !== self && reports(receiver))
    return 'passed on to a reporting activity';
  const provider = transaction.providerOrg?.activityId;
  const providerOrg = canonicalOrg(transaction.providerOrg?.ref);
  if (
    provider &&
    provider !== self &&
    providerOrg !== canonicalOrg(activity.reportingOrg.ref) &&
    canonicalOrg(context.reporterOf.get(provider)) === providerOrg &&
    reports(provider)
  ) {
    return 'reported by its provider';
  }
  if ((context.childrenOf.get(self) ?? []).some(reports)) return 'reported by child activities';
  return null;
}

/** The original funder: who funds the activity that passed the money on, else the provider. */
function originalFunder(activity: AllocationInput, context: CountingContext): string | null {
  for (const t of activity.transactions) {
    const from = t.providerOrg?.activityId;
    if (isIncoming(t.type) && from && from !== activity.iatiIdentifier) {
      const reporter = context.reporterOf.get(from);
      if (reporter) return canonicalOrg(reporter);
    }
  }
  return null;
}

/** A budget is split like a transaction that names no country or sector of its own. */
const BUDGET_AS_TRANSACTION: OwnDestination = {
  recipientCountry: null,
  recipientRegion: null,
  sectors: [],
};

/** The stored ids and US cents of an activity's transactions and budgets, by their seq. */
export interface StoredMoney {
  transactions: Map<number, { id: number; cents: number | null }>;
  budgets: Map<number, number | null>;
}

export interface KnownActivity {
  id: number;
  input: AllocationInput;
  money: StoredMoney;
  search: SearchSource;
}

export function allocationsOf(
  activityId: number,
  activity: AllocationInput,
  money: StoredMoney,
  context: CountingContext,
): AllocationTable[] {
  const { mitigation, adaptation, drr } = climate(activity);
  const status = activity.status ?? '';
  const funder = originalFunder(activity, context);
  const reporter = canonicalOrg(activity.reportingOrg.ref) ?? '';
  const rows: AllocationTable[] = [];
  // Most transactions, and every budget, go where the activity says: split that once.
  let activityDestinations: Destinations | null = null;
  const destinations = (transaction: OwnDestination): Destinations => {
    const own =
      transaction.recipientCountry || transaction.recipientRegion || transaction.sectors.length;
    if (own) return destinationsOf(activity, transaction);
    return (activityDestinations ??= destinationsOf(activity, BUDGET_AS_TRANSACTION));
  };
  const push = (
    transaction: OwnDestination,
    measure: Measure,
    year: number,
    cents: number,
    extra: { transaction_id: number | null; partner: string; counted: number },
  ) => {
    for (const part of allocateTo(destinations(transaction), cents)) {
      const category = sectorCategory(part.sectorVocabulary, part.sector);
      rows.push({
        activity_id: activityId,
        transaction_id: extra.transaction_id,
        measure,
        year,
        country: part.country,
        sector_vocabulary: part.sectorVocabulary,
        sector: part.sector,
        sector_category: category,
        cluster_code: activity.cluster ?? (category ? (clusterOfSector(part.sector) ?? 0) : 0),
        partner: extra.partner,
        status,
        mitigation,
        adaptation,
        drr,
        counted: extra.counted,
        usd_cents: part.cents,
      });
    }
  };

  activity.transactions.forEach((transaction, seq) => {
    const measure = MEASURE_OF_TRANSACTION_TYPE[transaction.type];
    const stored = money.transactions.get(seq);
    if (!measure || !stored || stored.cents === null) return;
    push(transaction, measure, Number(transaction.date.slice(0, 4)), stored.cents, {
      transaction_id: stored.id,
      partner: funder ?? canonicalOrg(transaction.providerOrg?.ref) ?? reporter,
      counted: countedElsewhere(activity, transaction, context) ? 0 : 1,
    });
  });

  // Of an original and a revised budget for the same period, the revised one stands.
  const revised = new Set(activity.budgets.filter((b) => b.type === '2').map((b) => b.periodStart));
  const hasChildren = (context.childrenOf.get(activity.iatiIdentifier) ?? []).length > 0;
  activity.budgets.forEach((budget, seq) => {
    const cents = money.budgets.get(seq);
    if (cents === null || cents === undefined) return;
    if (budget.type !== '2' && revised.has(budget.periodStart)) return;
    push(BUDGET_AS_TRANSACTION, 'budget', Number(budget.periodStart.slice(0, 4)), cents, {
      transaction_id: null,
      partner: funder ?? reporter,
      counted: hasChildren ? 0 : 1,
    });
  });
  return rows;
}

/** Removes activities' allocations and takes them out of the rollup (before a replace). */
export async function removeAllocations(db: Db, activityIds: readonly number[]): Promise<void> {
  for (let start = 0; start < activityIds.length; start += CHUNK) {
    const chunk = activityIds.slice(start, start + CHUNK);
    await applyRollupDelta(db, rollupDelta(await selectAllocations(db, chunk), -1));
    await deleteAllocations(db, chunk);
  }
}

interface Allocated {
  rows: AllocationTable[];
  /** The activities found, with what their search entries take of them. */
  activities: KnownActivity[];
}

/**
 * Activities' allocations, computed afresh from their stored transactions and budgets; those in
 * `known` (just stored, their inputs at hand) are not read back from the database.
 */
async function allocate(
  db: Db,
  activityIds: readonly number[],
  known: ReadonlyMap<number, KnownActivity>,
): Promise<Allocated> {
  const inputs = new Map<number, KnownActivity>();
  for (const id of activityIds) {
    const activity = known.get(id);
    if (activity) inputs.set(id, activity);
  }
  const unknown = activityIds.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    for (const activity of await readStoredInputs(db, unknown)) inputs.set(activity.id, activity);
  }
  const activities = [...inputs.values()];
  const referenced = activities.flatMap(({ input }) =>
    input.transactions.flatMap((t) =>
      [t.providerOrg?.activityId, t.receiverOrg?.activityId].filter((id): id is string => !!id),
    ),
  );
  const context = await loadCountingContext(
    db,
    activities.map((a) => a.input.iatiIdentifier),
    referenced,
  );
  const rows = activities.flatMap(({ id, input, money }) =>
    allocationsOf(id, input, money, context),
  );
  return { rows, activities };
}

/** Computes activities' allocations afresh from their stored transactions and budgets. */
export async function computeAllocations(
  db: Db,
  activityIds: readonly number[],
): Promise<AllocationTable[]> {
  return (await allocate(db, activityIds, new Map())).rows;
}

async function readStoredInputs(db: Db, activityIds: readonly number[]): Promise<KnownActivity[]> {
  const activities = await db
    .selectFrom('activity')
    .select(['id', 'document'])
    .where('id', 'in', activityIds)
    .execute();
  const money = new Map<number, StoredMoney>(
    activityIds.map((id) => [id, { transactions: new Map(), budgets: new Map() }]),
  );
  const transactions = await db
    .selectFrom('activity_transaction')
    .select(['id', 'activity_id', 'seq', 'usd_cents'])
    .where('activity_id', 'in', activityIds)
    .execute();
  for (const t of transactions) {
    money.get(t.activity_id)?.transactions.set(t.seq, { id: t.id, cents: t.usd_cents });
  }
  const budgets = await db
    .selectFrom('budget')
    .select(['activity_id', 'seq', 'usd_cents'])
    .where('activity_id', 'in', activityIds)
    .execute();
  for (const b of budgets) money.get(b.activity_id)?.budgets.set(b.seq, b.usd_cents);
  return activities.map((row) => {
    const activity = JSON.parse(row.document) as ActivityInput;
    return {
      id: row.id,
      input: allocationInputOf(activity),
      money: money.get(row.id)!,
      search: searchSourceOf(activity),
    };
  });
}

const TOTALS = bulkTable('activity', ['commitments_cents', 'disbursements_cents']);

/**
 * Keeps each activity's counted commitments and disbursements beside it, for lists and sorting,
 * and its entry in the search index, whose facets come from its allocations.
 */
async function updateTotalsAndSearch(
  db: Db,
  { rows, activities }: Allocated,
  fresh: ReadonlyMap<number, KnownActivity>,
): Promise<void> {
  const totals = new Map(activities.map(({ id }) => [id, { commitments: 0, disbursements: 0 }]));
  const allocationsOf = new Map<number, AllocationTable[]>();
  for (const row of rows) {
    let list = allocationsOf.get(row.activity_id);
    if (!list) allocationsOf.set(row.activity_id, (list = []));
    list.push(row);
    const total = totals.get(row.activity_id);
    if (!total || row.counted !== 1) continue;
    if (row.measure === 'commitments') total.commitments += row.usd_cents;
    if (row.measure === 'disbursements') total.disbursements += row.usd_cents;
  }
  const values: SqlValue[] = [];
  for (const [id, total] of totals) {
    // A fresh row already holds the default, 0.
    if (fresh.has(id) && total.commitments === 0 && total.disbursements === 0) continue;
    values.push(total.commitments, total.disbursements, id);
  }
  await updateFlatById(db, TOTALS, ['bigint', 'bigint'], values);
  await writeSearchEntries(
    db,
    activities.map(({ id, search }) => ({
      activityId: id,
      text: search.text,
      facets: entryFacets(search.facets, allocationsOf.get(id) ?? []),
      title: search.title,
      start: search.start,
      commitmentsCents: totals.get(id)!.commitments,
    })),
  );
}

/**
 * Recomputes activities' allocations and updates the rollup by the difference, and their totals
 * and search entries. Activities in `fresh` were inserted in this transaction (so they have no
 * allocations yet) and come with their inputs, which spares reading them back.
 */
export async function refreshAllocations(
  db: Db,
  activityIds: readonly number[],
  fresh: ReadonlyMap<number, KnownActivity> = new Map(),
): Promise<void> {
  await lockPortfolio(db);
  await removeAllocations(
    db,
    activityIds.filter((id) => !fresh.has(id)),
  );
  for (let start = 0; start < activityIds.length; start += CHUNK) {
    const allocated = await allocate(db, activityIds.slice(start, start + CHUNK), fresh);
    await insertAllocations(db, allocated.rows);
    await applyRollupDelta(db, rollupDelta(allocated.rows, 1));
    await updateTotalsAndSearch(db, allocated, fresh);
  }
}
