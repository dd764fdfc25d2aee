import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { isPostgres } from '../db/schema-helpers.ts';

/**
 * What other stored activities tell about an activity's money, so that a flow reported by
 * several publishers is counted once, by its original funder (the rules are in README).
 */
export interface CountingContext {
  /** Stored activities (identifier → reporting org) that this batch's flows point at. */
  reporterOf: Map<string, string>;
  /** "identifier/type": the stored activity reports transactions of that type. */
  reportsType: Set<string>;
  /** Identifier → identifiers of its stored child activities. */
  childrenOf: Map<string, string[]>;
}

const INCOMING = new Set(['1', '11']);

// Identifiers per lookup query.
const LOOKUP_CHUNK = 100;

/** 'PORTF' in ASCII. Any other advisory lock in Caravan must use another key. */
const PORTFOLIO_LOCK = 0x504f525446;

/**
 * Makes the caller's transaction the only one counting the portfolio until it ends. How one
 * activity is counted depends on others (a funder's link, a parent): two imports at once on
 * PostgreSQL, each blind to the other's uncommitted activities, counted the same money twice.
 * SQLite has one writer at a time already.
 */
export async function lockPortfolio(db: Db): Promise<void> {
  if (isPostgres(db))
    await sql`select pg_advisory_xact_lock(${sql.lit(PORTFOLIO_LOCK)})`.execute(db);
}

export function isIncoming(type: string): boolean {
  return INCOMING.has(type);
}

/** Loads what the counting rules need about the activities these refer to. */
export async function loadCountingContext(
  db: Db,
  identifiers: readonly string[],
  referenced: readonly string[],
): Promise<CountingContext> {
  const childrenOf = new Map<string, string[]>();
  const addChild = (parent: string, child: string) => {
    if (parent === child) return;
    const list = childrenOf.get(parent) ?? [];
    if (!list.includes(child)) list.push(child);
    childrenOf.set(parent, list);
  };
  if (identifiers.length > 0) {
    // Children say so with related-activity type 1 (parent); parents with type 2 (child).
    const viaChildren = await db
      .selectFrom('related_activity')
      .innerJoin('activity', 'activity.id', 'related_activity.activity_id')
      .select(['activity.iati_identifier as child', 'related_activity.ref as parent'])
      .where('related_activity.type', '=', '1')
      .where('related_activity.ref', 'in', identifiers)
      .execute();
    for (const row of viaChildren) addChild(row.parent, row.child);
    const viaParents = await db
      .selectFrom('related_activity')
      .innerJoin('activity', 'activity.id', 'related_activity.activity_id')
      .innerJoin('activity as child', 'child.iati_identifier', 'related_activity.ref')
      .select(['activity.iati_identifier as parent', 'related_activity.ref as child'])
      .where('related_activity.type', '=', '2')
      .where('activity.iati_identifier', 'in', identifiers)
      .execute();
    for (const row of viaParents) addChild(row.parent, row.child);
  }

  const others = [...new Set([...referenced, ...[...childrenOf.values()].flat()])];
  const reporterOf = new Map<string, string>();
  const reportsType = new Set<string>();
  for (let start = 0; start < others.length; start += 500) {
    const chunk = others.slice(start, start + 500);
    const rows = await db
      .selectFrom('activity')
      .leftJoin('activity_transaction', 'activity_transaction.activity_id', 'activity.id')
      .select([
        'activity.iati_identifier',
        'activity.reporting_org_ref',
        'activity_transaction.type',
      ])
      .distinct()
      .where('activity.iati_identifier', 'in', chunk)
      .execute();
    for (const row of rows) {
      reporterOf.set(row.iati_identifier, row.reporting_org_ref);
      if (row.type !== null) reportsType.add(`${row.iati_identifier}/${row.type}`);
    }
  }
  return { reporterOf, reportsType, childrenOf };
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
  for (let start = 0; start < identifiers.length; start += LOOKUP_CHUNK) {
    const chunk = identifiers.slice(start, start + LOOKUP_CHUNK);
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
