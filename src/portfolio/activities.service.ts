import { sql, type SqlBool } from 'kysely';
import type { Db } from '../db/database.ts';
import { AppError } from '../errors.ts';
import type { ActivitiesPage, ActivitiesQuery } from './activities.schema.ts';
import { facetGroups } from './activity-search.ts';
import { searchPage, type SortKey } from './activity-search.repository.ts';

/** Sort keys of the whole list, when no words or filters narrow it. */
const SORT_COLUMN = {
  title: 'activity.title',
  commitments: 'activity.commitments_cents',
  start: sql<string>`coalesce(activity.actual_start, activity.planned_start, '')`,
} as const;

interface Cursor {
  key: string | number;
  id: number;
}

/**
 * A cursor as encodeCursor made it for this sort key: anything else (a forged one, or one from
 * another sort) is refused here, not left to fail as a query parameter of the wrong type.
 */
function decodeCursor(text: string, field: SortKey): Cursor {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (typeof value === 'object' && value !== null && 'id' in value && 'key' in value) {
      const { id, key } = value;
      const keyFits =
        field === 'commitments'
          ? Number.isSafeInteger(key)
          : typeof key === 'string' && !key.includes('\0');
      if (Number.isSafeInteger(id) && (id as number) > 0 && keyFits) {
        return { key: key as string | number, id: id as number };
      }
    }
  } catch {
    // reported below
  }
  throw new AppError('bad_request', 'cursor: not a cursor this API gave out');
}

const encodeCursor = (cursor: Cursor) => Buffer.from(JSON.stringify(cursor)).toString('base64url');

/** A page of the whole list (no words, no filters), walked along the sort key's index. */
async function wholeListPage(
  db: Db,
  field: SortKey,
  descending: boolean,
  cursor: Cursor | null,
  limit: number,
): Promise<{ id: number; sort_key: unknown }[]> {
  const column = SORT_COLUMN[field];
  const sortKey = typeof column === 'string' ? sql.ref(column) : column;
  const direction = descending ? sql`desc` : sql`asc`;
  let select = db
    .selectFrom('activity')
    .select(['activity.id', sortKey.as('sort_key')])
    .orderBy(sql`${sortKey} ${direction}`)
    .orderBy('activity.id', descending ? 'desc' : 'asc')
    .limit(limit);
  if (cursor) {
    select = select.where(
      descending
        ? sql<SqlBool>`(${sortKey} < ${cursor.key} or (${sortKey} = ${cursor.key} and activity.id < ${cursor.id}))`
        : sql<SqlBool>`(${sortKey} > ${cursor.key} or (${sortKey} = ${cursor.key} and activity.id > ${cursor.id}))`,
    );
  }
  return select.execute();
}

/**
 * Lists activities matching the words and filters, sorted, a page at a time (keyset
 * pagination). Words and filters are answered by the search index (see activity-search.ts).
 */
export async function listActivities(db: Db, query: ActivitiesQuery): Promise<ActivitiesPage> {
  const descending = query.sort.startsWith('-');
  const field = query.sort.replace(/^-/, '') as SortKey;
  const cursor = query.cursor ? decodeCursor(query.cursor, field) : null;
  const groups = facetGroups(query);
  const found =
    query.q || groups.length
      ? await searchPage(db, {
          words: query.q,
          groups,
          key: field,
          descending,
          after: cursor,
          limit: query.limit + 1,
        })
      : await wholeListPage(db, field, descending, cursor, query.limit + 1);

  const page = found.slice(0, query.limit);
  const ids = page.map((r) => r.id);
  const activities = ids.length
    ? await db
        .selectFrom('activity')
        .select([
          'id',
          'iati_identifier',
          'title',
          'reporting_org_ref',
          'status',
          'actual_start',
          'planned_start',
          'actual_end',
          'planned_end',
          'commitments_cents',
          'disbursements_cents',
        ])
        .where('id', 'in', ids)
        .execute()
    : [];
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
  const byId = new Map(activities.map((a) => [a.id, a]));
  const last = page.at(-1);
  return {
    items: ids.flatMap((id) => {
      const r = byId.get(id);
      if (!r) return [];
      return {
        iatiIdentifier: r.iati_identifier,
        title: r.title,
        titles: titles
          .filter((t) => t.activity_id === id)
          .map((t) => ({ lang: t.lang, text: t.text })),
        reportingOrg: r.reporting_org_ref,
        status: r.status,
        start: r.actual_start ?? r.planned_start,
        end: r.actual_end ?? r.planned_end,
        countries: countries.filter((c) => c.activity_id === id).map((c) => c.country_code),
        commitments: Number(r.commitments_cents) / 100,
        disbursements: Number(r.disbursements_cents) / 100,
      };
    }),
    nextCursor:
      found.length > query.limit && last
        ? encodeCursor({
            key: field === 'commitments' ? Number(last.sort_key) : String(last.sort_key),
            id: last.id,
          })
        : null,
  };
}
