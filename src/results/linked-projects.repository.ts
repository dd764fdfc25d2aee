import type { Db } from '../db/database.ts';
import type { ActivityInput, ResultIndicator } from '../portfolio/activity.model.ts';
import { linkedSeries, type ProjectSeries } from './derive.ts';

const CHUNK = 200;

/** The results of every stored activity that reports any, matched to the framework. */
export async function loadLinkedSeries(
  db: Db,
  match: (i: ResultIndicator) => string | null,
): Promise<ProjectSeries[]> {
  const ids = (
    await db.selectFrom('result').select('activity_id').distinct().orderBy('activity_id').execute()
  ).map((r) => r.activity_id);
  const series: ProjectSeries[] = [];
  for (let start = 0; start < ids.length; start += CHUNK) {
    const rows = await db
      .selectFrom('activity')
      .select(['document'])
      .where('id', 'in', ids.slice(start, start + CHUNK))
      .orderBy('iati_identifier')
      .execute();
    for (const row of rows) {
      series.push(...linkedSeries(JSON.parse(row.document) as ActivityInput, match));
    }
  }
  return series;
}
