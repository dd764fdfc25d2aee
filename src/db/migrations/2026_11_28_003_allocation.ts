import type { AnyDb } from '../schema-helpers.ts';

/** Dimensions a rollup row is keyed by; unknown values are '' or 0 so they can be key parts. */
const ROLLUP_KEY = [
  'measure',
  'year',
  'country',
  'sector_category',
  'cluster_code',
  'partner',
  'status',
  'mitigation',
  'adaptation',
  'drr',
] as const;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('allocation')
    .addColumn('activity_id', 'integer', (c) =>
      c.notNull().references('activity.id').onDelete('cascade'),
    )
    .addColumn('transaction_id', 'integer', (c) =>
      c.references('activity_transaction.id').onDelete('cascade'),
    )
    .addColumn('measure', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('sector_vocabulary', 'text')
    .addColumn('sector', 'text', (c) => c.notNull())
    .addColumn('sector_category', 'text', (c) => c.notNull())
    .addColumn('cluster_code', 'integer', (c) => c.notNull())
    .addColumn('partner', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('mitigation', 'integer', (c) => c.notNull())
    .addColumn('adaptation', 'integer', (c) => c.notNull())
    .addColumn('drr', 'integer', (c) => c.notNull())
    .addColumn('counted', 'integer', (c) => c.notNull())
    .addColumn('usd_cents', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('allocation_activity')
    .on('allocation')
    .column('activity_id')
    .execute();
  await db.schema
    .createIndex('allocation_transaction')
    .on('allocation')
    .column('transaction_id')
    .execute();

  await db.schema
    .createTable('portfolio_rollup')
    .addColumn('measure', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('sector_category', 'text', (c) => c.notNull())
    .addColumn('cluster_code', 'integer', (c) => c.notNull())
    .addColumn('partner', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('mitigation', 'integer', (c) => c.notNull())
    .addColumn('adaptation', 'integer', (c) => c.notNull())
    .addColumn('drr', 'integer', (c) => c.notNull())
    .addColumn('usd_cents', 'bigint', (c) => c.notNull())
    .addColumn('allocations', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('portfolio_rollup_pk', [...ROLLUP_KEY])
    .execute();

  // Transactions are looked up by the activity they point at, to tell passed-on money apart.
  await db.schema
    .createIndex('transaction_receiver_activity')
    .on('activity_transaction')
    .column('receiver_activity_id')
    .execute();
  await db.schema
    .createIndex('transaction_provider_activity')
    .on('activity_transaction')
    .column('provider_activity_id')
    .execute();
  await db.schema
    .createIndex('related_activity_ref')
    .on('related_activity')
    .column('ref')
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('related_activity_ref').execute();
  await db.schema.dropIndex('transaction_provider_activity').execute();
  await db.schema.dropIndex('transaction_receiver_activity').execute();
  await db.schema.dropTable('portfolio_rollup').execute();
  await db.schema.dropTable('allocation').execute();
}
