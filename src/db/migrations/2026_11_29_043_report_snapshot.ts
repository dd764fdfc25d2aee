import type { AnyDb } from '../schema-helpers.ts';

/** Frozen report figures: a report re-run for the same year and day reads the same numbers. */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('report_snapshot')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('report', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('as_of', 'text', (c) => c.notNull())
    .addColumn('taken_at', 'text', (c) => c.notNull())
    .addColumn('taken_by', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('report_snapshot_lookup')
    .on('report_snapshot')
    .columns(['report', 'year', 'as_of', 'taken_at'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('report_snapshot').execute();
}
