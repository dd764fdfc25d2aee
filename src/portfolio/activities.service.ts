import { sql, type ExpressionBuilder, type SqlBool, type Expression } from 'kysely';
import type { Database, Db } from '../db/database.ts';
import { AppError } from '../errors.ts';
import type { ActivitiesPage, ActivitiesQuery } from './activities.schema.ts';

type ActivityBuilder = ExpressionBuilder<Database, 'activity'>;

/** A search phrase as FTS5 syntax: every word must match, as a prefix, quoted so nothing is an operator. */
function ftsQuery(text: string): string {
  return text
    .split(/\s+/)
    .filter((word) => word !== '')
    .map((word) => `"${word.replace(/"/g, '""')}"*`)
    .join(' ');
}

function conditions(
  eb: ActivityBuilder,
  query: ActivitiesQuery,
  postgres: boolean,
): Expression<SqlBool>[] {
  const where: Expression<SqlBool>[] = [];
  const allocationWhere = (
    build: (a: ExpressionBuilder<Database, 'allocation'>) => Expression<SqlBool>,
  ) =>
    eb.exists(
      eb
        .selectFrom('allocation')
        .select('allocation.activity_id')
        .whereRef('allocation.activity_id', '=', 'activity.id')
        .where((a) => build(a)),
    );
  if (query.country?.length) {
    const countries = query.country;
    where.push(allocationWhere((a) => a('allocation.country', 'in', countries)));
  }
  if (query.sector?.length) {
    const sectors = query.sector;
    where.push(allocationWhere((a) => a('allocation.sector', 'in', sectors)));
  }
  if (query.sectorCategory?.length) {
    const categories = query.sectorCategory;
    where.push(allocationWhere((a) => a('allocation.sector_category', 'in', categories)));
  }
  if (query.cluster?.length) {
    const clusters = query.cluster.map(Number);
    where.push(allocationWhere((a) => a('allocation.cluster_code', 'in', clusters)));
  }
  if (query.partner?.length) {
    const partners = query.partner;
    where.push(allocationWhere((a) => a('allocation.partner', 'in', partners)));
  }
  if (query.yearFrom !== undefined || query.yearTo !== undefined) {
    const from = query.yearFrom ?? 0;
    const to = query.yearTo ?? 9999;
    where.push(
      allocationWhere((a) =>
        a.and([a('allocation.year', '>=', from), a('allocation.year', '<=', to)]),
      ),
    );
  }
  if (query.climate) {
    const climate = query.climate;
    where.push(
      allocationWhere((a) =>
        climate === 'any'
          ? a.or([
              a('allocation.mitigation', '>', 0),
              a('allocation.adaptation', '>', 0),
              a('allocation.drr', '>', 0),
            ])
          : a(`allocation.${climate}` as const, '>', 0),
      ),
    );
  }
  if (query.corridor?.length) {
    const corridors = query.corridor.map(Number);
    where.push(
      eb.exists(
        eb
          .selectFrom('activity_corridor')
          .select('activity_corridor.activity_id')
          .whereRef('activity_corridor.activity_id', '=', 'activity.id')
          .where('activity_corridor.corridor_number', 'in', corridors),
      ),
    );
  }
  if (query.status?.length) where.push(eb('activity.status', 'in', query.status));
  if (query.region?.length) {
    const regions = query.region;
    where.push(
      eb.exists(
        eb
          .selectFrom('recipient_region')
          .select('recipient_region.activity_id')
          .whereRef('recipient_region.activity_id', '=', 'activity.id')
          .where('recipient_region.region_code', 'in', regions),
      ),
    );
  }
  if (query.q) {
    where.push(
      postgres
        ? sql<SqlBool>`exists (select 1 from activity_search s where s.activity_id = activity.id
            and s.document @@ plainto_tsquery('simple', ${query.q}))`
        : sql<SqlBool>`activity.id in (select activity_id from activity_search
            where activity_search match ${ftsQuery(query.q)})`,
    );
  }
  return where;
}

const SORT_COLUMN = {
  title: 'activity.title',
  commitments: 'activity.commitments_cents',
  start: sql<string>`coalesce(activity.actual_start, activity.planned_start, '')`,
} as const;

interface Cursor {
  key: string | number;
  id: number;
}

function decodeCursor(text: string): Cursor {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (
      typeof value === 'object' &&
      value !== null &&
      'id' in value &&
      'key' in value &&
      typeof value.id === 'number' &&
      (typeof value.key === 'string' || typeof value.key === 'number')
    ) {
      return { key: value.key, id: value.id };
    }
  } catch {
    // reported below
  }
  throw new AppError('bad_request', 'cursor: not a cursor this API gave out');
}

const encodeCursor = (cursor: Cursor) => Buffer.from(JSON.stringify(cursor)).toString('base64url');

/** Lists activities matching the filters, sorted, a page at a time (keyset pagination). */
export async function listActivities(
  db: Db,
  query: ActivitiesQuery,
  postgres: boolean,
): Promise<ActivitiesPage> {
  const descending = query.sort.startsWith('-');
  const field = query.sort.replace(/^-/, '') as keyof typeof SORT_COLUMN;
  const column = SORT_COLUMN[field];
  const sortKey = typeof column === 'string' ? sql.ref(column) : column;
  const direction = descending ? sql`desc` : sql`asc`;

  let select = db
    .selectFrom('activity')
    .select([
      'activity.id',
      'activity.iati_identifier',
      'activity.title',
      'activity.reporting_org_ref',
      'activity.status',
      'activity.actual_start',
      'activity.planned_start',
      'activity.actual_end',
      'activity.planned_end',
      'activity.commitments_cents',
      'activity.disbursements_cents',
      sortKey.as('sort_key'),
    ])
    .where((eb) => eb.and(conditions(eb, query, postgres)))
    .orderBy(sql`${sortKey} ${direction}`)
    .orderBy('activity.id', descending ? 'desc' : 'asc')
    .limit(query.limit + 1);
  if (query.cursor) {
    const cursor = decodeCursor(query.cursor);
    select = select.where(
      descending
        ? sql<SqlBool>`(${sortKey} < ${cursor.key} or (${sortKey} = ${cursor.key} and activity.id < ${cursor.id}))`
        : sql<SqlBool>`(${sortKey} > ${cursor.key} or (${sortKey} = ${cursor.key} and activity.id > ${cursor.id}))`,
    );
  }
  const rows = await select.execute();
  const page = rows.slice(0, query.limit);
  const ids = page.map((r) => r.id);
  const [countries, titles] = ids.length
    ? await Promise.all([
        db
          .selectFrom('recipient_country')
          .select(['activity_id', 'country_code'])
          .where('activity_id', 'in', ids)
          // The stored order is the engine's to choose: name countries the same way on both.
          .orderBy('country_code')
          .execute(),
        db
          .selectFrom('activity_narrative')
          .select(['activity_id', 'lang', 'text'])
          .where('activity_id', 'in', ids)
          .where('kind', '=', 'title')
          .execute(),
      ])
    : [[], []];
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      iatiIdentifier: r.iati_identifier,
      title: r.title,
      titles: titles
        .filter((t) => t.activity_id === r.id)
        .map((t) => ({ lang: t.lang, text: t.text })),
      reportingOrg: r.reporting_org_ref,
      status: r.status,
      start: r.actual_start ?? r.planned_start,
      end: r.actual_end ?? r.planned_end,
      countries: countries.filter((c) => c.activity_id === r.id).map((c) => c.country_code),
      commitments: Number(r.commitments_cents) / 100,
      disbursements: Number(r.disbursements_cents) / 100,
    })),
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor({
            key: field === 'commitments' ? Number(last.sort_key) : String(last.sort_key),
            id: last.id,
          })
        : null,
  };
}
