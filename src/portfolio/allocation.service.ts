import type { Db } from '../db/database.ts';
import { clusterOfSector } from '../reference/clusters.ts';
import { organisationByRef } from '../reference/organisations.ts';
import type { ActivityInput, TransactionInput } from './activity.model.ts';
import { activityFacets, listedStart, searchText } from './activity-search.ts';
import { writeSearchEntries } from './activity-search.repository.ts';
import { listedTitle } from './activity.repository.ts';
import { allocateTransaction, type OwnDestination } from './allocation.ts';
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
import { isIncoming, loadCountingContext, type CountingContext } from './counting.ts';

// Activities per step: a World Bank activity can split into thousands of allocation rows.
const CHUNK = 100;

/** One organisation, however its publishers spell its reference (46004, XM-DAC-46004 …). */
export function canonicalOrg(ref: string | null | undefined): string | null {
  if (!ref?.trim()) return null;
  return organisationByRef(ref)?.ref ?? ref.trim();
}

function climate(
  activity: ActivityInput,
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
  activity: ActivityInput,
  transaction: TransactionInput,
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
function originalFunder(activity: ActivityInput, context: CountingContext): string | null {
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

interface StoredMoney {
  transactions: Map<number, { id: number; cents: number | null }>;
  budgets: Map<number, number | null>;
}

export function allocationsOf(
  activityId: number,
  activity: ActivityInput,
  money: StoredMoney,
  context: CountingContext,
): AllocationTable[] {
  const base = { activity_id: activityId, status: activity.status ?? '', ...climate(activity) };
  const funder = originalFunder(activity, context);
  const reporter = canonicalOrg(activity.reportingOrg.ref) ?? '';
  const rows: AllocationTable[] = [];
  const push = (
    transaction: OwnDestination,
    measure: Measure,
    year: number,
    cents: number,
    extra: { transaction_id: number | null; partner: string; counted: number },
  ) => {
    for (const part of allocateTransaction(activity, transaction, cents)) {
      const category = sectorCategory(part.sectorVocabulary, part.sector);
      rows.push({
        ...base,
        ...extra,
        measure,
        year,
        country: part.country,
        sector_vocabulary: part.sectorVocabulary,
        sector: part.sector,
        sector_category: category,
        cluster_code: activity.cluster ?? (category ? (clusterOfSector(part.sector) ?? 0) : 0),
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
  activities: { id: number; activity: ActivityInput }[];
}

async function allocate(db: Db, activityIds: readonly number[]): Promise<Allocated> {
  const stored = await db
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

  const activities = stored.map((row) => ({
    id: row.id,
    activity: JSON.parse(row.document) as ActivityInput,
  }));
  const referenced = activities.flatMap(({ activity }) =>
    activity.transactions.flatMap((t) =>
      [t.providerOrg?.activityId, t.receiverOrg?.activityId].filter((id): id is string => !!id),
    ),
  );
  const context = await loadCountingContext(
    db,
    activities.map((p) => p.activity.iatiIdentifier),
    referenced,
  );
  const rows = activities.flatMap(({ id, activity }) =>
    allocationsOf(id, activity, money.get(id)!, context),
  );
  return { rows, activities };
}

/** Computes activities' allocations afresh from their stored transactions and budgets. */
export async function computeAllocations(
  db: Db,
  activityIds: readonly number[],
): Promise<AllocationTable[]> {
  return (await allocate(db, activityIds)).rows;
}

/**
 * Keeps each activity's counted commitments and disbursements beside it, for lists and sorting,
 * and its entry in the search index, whose facets come from its allocations.
 */
async function updateTotalsAndSearch(db: Db, { rows, activities }: Allocated): Promise<void> {
  const totals = new Map(activities.map(({ id }) => [id, { commitments: 0, disbursements: 0 }]));
  const allocationsOf = new Map<number, AllocationTable[]>();
  for (const row of rows) {
    const list = allocationsOf.get(row.activity_id) ?? [];
    list.push(row);
    allocationsOf.set(row.activity_id, list);
    const total = totals.get(row.activity_id);
    if (!total || row.counted !== 1) continue;
    if (row.measure === 'commitments') total.commitments += row.usd_cents;
    if (row.measure === 'disbursements') total.disbursements += row.usd_cents;
  }
  for (const [id, total] of totals) {
    await db
      .updateTable('activity')
      .set({ commitments_cents: total.commitments, disbursements_cents: total.disbursements })
      .where('id', '=', id)
      .execute();
  }
  await writeSearchEntries(
    db,
    activities.map(({ id, activity }) => ({
      activityId: id,
      text: searchText(activity),
      facets: activityFacets(activity, allocationsOf.get(id) ?? []),
      title: listedTitle(activity),
      start: listedStart(activity),
      commitmentsCents: totals.get(id)!.commitments,
    })),
  );
}

/** Recomputes activities' allocations and updates the rollup by the difference. */
export async function refreshAllocations(db: Db, activityIds: readonly number[]): Promise<void> {
  await removeAllocations(db, activityIds);
  for (let start = 0; start < activityIds.length; start += CHUNK) {
    const allocated = await allocate(db, activityIds.slice(start, start + CHUNK));
    await insertAllocations(db, allocated.rows);
    await applyRollupDelta(db, rollupDelta(allocated.rows, 1));
    await updateTotalsAndSearch(db, allocated);
  }
}

/**
 * The activities whose counting may change when these are stored: those they point at, and
 * those pointing at them (flows, parents and children), besides themselves.
 */
export async function affectedActivities(
  db: Db,
  identifiers: readonly string[],
): Promise<number[]> {
  const ids = new Set<number>();
  for (let start = 0; start < identifiers.length; start += CHUNK) {
    const chunk = identifiers.slice(start, start + CHUNK);
    const own = await db
      .selectFrom('activity')
      .select('id')
      .where('iati_identifier', 'in', chunk)
      .execute();
    own.forEach((r) => ids.add(r.id));
    const pointingIn = await db
      .selectFrom('activity_transaction')
      .select('activity_id as id')
      .where((eb) =>
        eb.or([eb('receiver_activity_id', 'in', chunk), eb('provider_activity_id', 'in', chunk)]),
      )
      .execute();
    pointingIn.forEach((r) => ids.add(r.id));
    const related = await db
      .selectFrom('related_activity')
      .select('activity_id as id')
      .where('ref', 'in', chunk)
      .execute();
    related.forEach((r) => ids.add(r.id));
    const pointedAt = await db
      .selectFrom('activity as a')
      .innerJoin('activity_transaction as t', 't.activity_id', 'a.id')
      .innerJoin('activity as other', (join) =>
        join.on((eb) =>
          eb.or([
            eb('other.iati_identifier', '=', eb.ref('t.receiver_activity_id')),
            eb('other.iati_identifier', '=', eb.ref('t.provider_activity_id')),
          ]),
        ),
      )
      .select('other.id')
      .where('a.iati_identifier', 'in', chunk)
      .execute();
    pointedAt.forEach((r) => ids.add(r.id));
    const relatedOut = await db
      .selectFrom('activity as a')
      .innerJoin('related_activity as r', 'r.activity_id', 'a.id')
      .innerJoin('activity as other', 'other.iati_identifier', 'r.ref')
      .select('other.id')
      .where('a.iati_identifier', 'in', chunk)
      .execute();
    relatedOut.forEach((r) => ids.add(r.id));
  }
  return [...ids].sort((a, b) => a - b);
}
