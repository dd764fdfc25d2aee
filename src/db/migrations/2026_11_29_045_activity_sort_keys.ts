import { isPostgres, type AnyDb } from '../schema-helpers.ts';

const KEYS = ['title', 'start', 'commitments_cents'] as const;

/**
 * SQLite: a B-tree per sort key of activity lists, so that a search with many matches walks the
 * sort order until its page is full instead of reading and sorting every match's key (see
 * portfolio/activity-search.repository.ts). PostgreSQL has them on its search table already.
 */
export async function up(db: AnyDb): Promise<void> {
  if (isPostgres(db)) return;
  for (const key of KEYS) {
    await db.schema
      .createIndex(`activity_sort_${key}`)
      .on('activity_sort')
      .columns([key, 'activity_id'])
      .execute();
  }
}

export async function down(db: AnyDb): Promise<void> {
  if (isPostgres(db)) return;
  for (const key of KEYS) await db.schema.dropIndex(`activity_sort_${key}`).execute();
}
