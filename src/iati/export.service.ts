import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Database, Db } from '../db/database.ts';
import type { ActivityInput } from '../portfolio/activity.model.ts';
import { z } from 'zod';

export const ExportFilterSchema = z.object({
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code such as KZ')
    .optional(),
  reportingOrg: z.string().min(1).max(200).optional(),
  status: z.string().regex(/^\d$/, 'an ActivityStatus code such as 2').optional(),
});

export type ExportFilter = z.infer<typeof ExportFilterSchema>;

const PAGE = 500;

/** The export filter as a condition on the `activity` table, shared by every export. */
export function matchesExportFilter(filter: ExportFilter) {
  return (eb: ExpressionBuilder<Database, 'activity'>) => {
    const conditions: Expression<SqlBool>[] = [];
    if (filter.country) {
      // As the lists and aggregates count it: an activity names the country, or one of its
      // transactions does (a flow's country then comes from the transaction).
      conditions.push(
        eb.or([
          eb.exists(
            eb
              .selectFrom('recipient_country')
              .select('recipient_country.activity_id')
              .whereRef('recipient_country.activity_id', '=', 'activity.id')
              .where('recipient_country.country_code', '=', filter.country),
          ),
          eb.exists(
            eb
              .selectFrom('allocation')
              .select('allocation.activity_id')
              .whereRef('allocation.activity_id', '=', 'activity.id')
              .where('allocation.country', '=', filter.country),
          ),
        ]),
      );
    }
    if (filter.reportingOrg)
      conditions.push(eb('activity.reporting_org_ref', '=', filter.reportingOrg));
    if (filter.status) conditions.push(eb('activity.status', '=', filter.status));
    return eb.and(conditions);
  };
}

/** Stored activities matching the filter, in identifier order, read a page at a time. */
export async function* storedActivities(
  db: Db,
  filter: ExportFilter,
): AsyncGenerator<ActivityInput> {
  let after = '';
  for (;;) {
    const query = db
      .selectFrom('activity')
      .select(['iati_identifier', 'document'])
      .where('iati_identifier', '>', after)
      .where(matchesExportFilter(filter))
      .orderBy('iati_identifier')
      .limit(PAGE);
    const rows = await query.execute();
    for (const row of rows) yield JSON.parse(row.document) as ActivityInput;
    const last = rows.at(-1);
    if (!last || rows.length < PAGE) return;
    after = last.iati_identifier;
  }
}
