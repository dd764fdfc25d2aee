import type { Db } from '../db/database.ts';
import type { ActivityInput } from './activity.model.ts';
import type { Column } from '../reports/tabular/index.ts';
import type { ActivitiesExportQuery, ActivitySummary } from './activities.schema.ts';
import { listActivities } from './activities.service.ts';

export { ActivitiesExportQuerySchema } from './activities.schema.ts';

const dollars = (value: number) => value.toFixed(2);

export const ACTIVITY_COLUMNS: readonly Column<ActivitySummary>[] = [
  { header: 'iati_identifier', value: (r) => r.iatiIdentifier },
  { header: 'title', value: (r) => r.title },
  { header: 'reporting_org', value: (r) => r.reportingOrg },
  { header: 'status', value: (r) => r.status },
  { header: 'start', value: (r) => r.start, kind: 'date' },
  { header: 'end', value: (r) => r.end, kind: 'date' },
  { header: 'countries', value: (r) => r.countries.join(' ') },
  { header: 'commitments_usd', value: (r) => dollars(r.commitments), kind: 'number' },
  { header: 'disbursements_usd', value: (r) => dollars(r.disbursements), kind: 'number' },
];

const PAGE = 500;

/** Every matching activity, in the list's order, read a page at a time: the Explore list whole. */
export async function* activityRows(
  db: Db,
  query: ActivitiesExportQuery,
): AsyncGenerator<ActivitySummary> {
  let cursor: string | undefined;
  do {
    const page = await listActivities(db, { ...query, limit: PAGE, ...(cursor ? { cursor } : {}) });
    yield* page.items;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

/** The stored documents of every matching activity, in the list's order: for the IATI export. */
export async function* activityDocuments(
  db: Db,
  query: ActivitiesExportQuery,
): AsyncGenerator<ActivityInput> {
  let cursor: string | undefined;
  do {
    const page = await listActivities(db, { ...query, limit: PAGE, ...(cursor ? { cursor } : {}) });
    const ids = page.items.map((a) => a.iatiIdentifier);
    const rows = ids.length
      ? await db
          .selectFrom('activity')
          .select(['iati_identifier', 'document'])
          .where('iati_identifier', 'in', ids)
          .execute()
      : [];
    const documents = new Map(rows.map((r) => [r.iati_identifier, r.document]));
    for (const id of ids) {
      const document = documents.get(id);
      if (document) yield JSON.parse(document) as ActivityInput;
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}
