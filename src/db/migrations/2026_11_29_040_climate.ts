import type { AnyDb } from '../schema-helpers.ts';

/** Climate shares by the banks' component method (markers live with the activity). */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('climate_share')
    .addColumn('iati_identifier', 'text', (c) => c.notNull())
    .addColumn('component', 'text', (c) => c.notNull())
    .addColumn('component_percent', 'text', (c) => c.notNull())
    .addColumn('mitigation_percent', 'text', (c) => c.notNull())
    .addColumn('adaptation_percent', 'text', (c) => c.notNull())
    .addColumn('dual_percent', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('assessed_on', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('climate_share_pk', ['iati_identifier', 'component'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('climate_share').execute();
}
