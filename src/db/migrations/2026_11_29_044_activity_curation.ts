import type { AnyDb } from '../schema-helpers.ts';

/**
 * What the secretariat says of an activity that IATI does not: its CAREC cluster and corridors.
 * Kept by IATI identifier, apart from the activity's rows, so that it outlives the replacement
 * of an activity by a newer version of its file.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('activity_curation')
    .addColumn('iati_identifier', 'text', (c) => c.primaryKey())
    .addColumn('cluster_code', 'integer', (c) => c.references('cluster.code'))
    .addColumn('corridors', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('activity_curation').execute();
}
