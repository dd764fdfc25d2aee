import type { CreateTableBuilder } from 'kysely';
import { primaryKeyId, serialType, type AnyDb } from '../schema-helpers.ts';

// Columns are named freely while the table is being built.
type TableBuilder = CreateTableBuilder<string, string>;

const CASCADE = 'cascade' as const;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('import_run')
    .addColumn('id', serialType(db), primaryKeyId(db))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('activities', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('imported', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('unchanged', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('replaced', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rejected', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('message', 'text')
    .execute();

  await db.schema
    .createTable('activity')
    .addColumn('id', serialType(db), primaryKeyId(db))
    .addColumn('iati_identifier', 'text', (c) => c.notNull().unique())
    .addColumn('reporting_org_ref', 'text', (c) => c.notNull())
    .addColumn('reporting_org_name', 'text')
    .addColumn('language', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('status', 'text')
    .addColumn('planned_start', 'text')
    .addColumn('actual_start', 'text')
    .addColumn('planned_end', 'text')
    .addColumn('actual_end', 'text')
    .addColumn('default_currency', 'text')
    .addColumn('collaboration_type', 'text')
    .addColumn('default_flow_type', 'text')
    .addColumn('default_finance_type', 'text')
    .addColumn('default_aid_type', 'text')
    .addColumn('default_tied_status', 'text')
    .addColumn('hierarchy', 'integer')
    .addColumn('humanitarian', 'integer')
    .addColumn('last_updated', 'text')
    .addColumn('cluster_code', 'integer', (c) => c.references('cluster.code'))
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('document', 'text', (c) => c.notNull())
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('import_run_id', 'integer', (c) => c.references('import_run.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('activity_reporting_org')
    .on('activity')
    .column('reporting_org_ref')
    .execute();

  const child = (table: string): TableBuilder =>
    db.schema
      .createTable(table)
      .addColumn('activity_id', 'integer', (c) =>
        c.notNull().references('activity.id').onDelete(CASCADE),
      );

  await child('activity_narrative')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('lang', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .execute();

  await child('activity_corridor')
    .addColumn('corridor_number', 'integer', (c) => c.notNull().references('corridor.number'))
    .addPrimaryKeyConstraint('activity_corridor_pk', ['activity_id', 'corridor_number'])
    .execute();

  await child('participating_org')
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('ref', 'text')
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('type', 'text')
    .addColumn('name', 'text')
    .addColumn('org_activity_id', 'text')
    .addPrimaryKeyConstraint('participating_org_pk', ['activity_id', 'seq'])
    .execute();

  await child('recipient_country')
    .addColumn('country_code', 'text', (c) => c.notNull())
    .addColumn('percentage', 'text')
    .execute();

  await child('recipient_region')
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('vocabulary', 'text', (c) => c.notNull())
    .addColumn('percentage', 'text')
    .execute();

  await child('activity_sector')
    .addColumn('vocabulary', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('percentage', 'text')
    .execute();

  await child('policy_marker')
    .addColumn('vocabulary', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('significance', 'text')
    .execute();

  const money = (table: TableBuilder): TableBuilder =>
    table
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('value_date', 'text', (c) => c.notNull())
      .addColumn('usd_cents', 'bigint')
      .addColumn('fx_source', 'text');

  await money(
    child('budget')
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('type', 'text')
      .addColumn('status', 'text')
      .addColumn('period_start', 'text', (c) => c.notNull())
      .addColumn('period_end', 'text', (c) => c.notNull()),
  )
    .addPrimaryKeyConstraint('budget_pk', ['activity_id', 'seq'])
    .execute();

  await money(
    db.schema
      .createTable('activity_transaction')
      .addColumn('id', serialType(db), primaryKeyId(db))
      .addColumn('activity_id', 'integer', (c) =>
        c.notNull().references('activity.id').onDelete(CASCADE),
      )
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('ref', 'text')
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('provider_org_ref', 'text')
      .addColumn('provider_org_name', 'text')
      .addColumn('provider_activity_id', 'text')
      .addColumn('receiver_org_ref', 'text')
      .addColumn('receiver_org_name', 'text')
      .addColumn('receiver_activity_id', 'text')
      .addColumn('flow_type', 'text')
      .addColumn('finance_type', 'text')
      .addColumn('aid_type', 'text')
      .addColumn('tied_status', 'text')
      .addColumn('sector_vocabulary', 'text')
      .addColumn('sector_code', 'text')
      .addColumn('recipient_country', 'text')
      .addColumn('recipient_region_vocabulary', 'text')
      .addColumn('recipient_region', 'text'),
  ).execute();

  await db.schema
    .createTable('result')
    .addColumn('id', serialType(db), primaryKeyId(db))
    .addColumn('activity_id', 'integer', (c) =>
      c.notNull().references('activity.id').onDelete(CASCADE),
    )
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('result_indicator')
    .addColumn('id', serialType(db), primaryKeyId(db))
    .addColumn('result_id', 'integer', (c) => c.notNull().references('result.id').onDelete(CASCADE))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('measure', 'text', (c) => c.notNull())
    .addColumn('ascending', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('baseline_year', 'integer')
    .addColumn('baseline_value', 'text')
    .execute();

  await db.schema
    .createTable('indicator_period')
    .addColumn('indicator_id', 'integer', (c) =>
      c.notNull().references('result_indicator.id').onDelete(CASCADE),
    )
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('period_start', 'text', (c) => c.notNull())
    .addColumn('period_end', 'text', (c) => c.notNull())
    .addColumn('target', 'text')
    .addColumn('actual', 'text')
    .addPrimaryKeyConstraint('indicator_period_pk', ['indicator_id', 'seq'])
    .execute();

  await child('location')
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('ref', 'text')
    .addColumn('name', 'text')
    .addColumn('latitude', 'double precision')
    .addColumn('longitude', 'double precision')
    .addColumn('country_code', 'text')
    .addPrimaryKeyConstraint('location_pk', ['activity_id', 'seq'])
    .execute();

  await child('document_link')
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('category', 'text')
    .addColumn('lang', 'text')
    .addPrimaryKeyConstraint('document_link_pk', ['activity_id', 'seq'])
    .execute();

  await child('related_activity')
    .addColumn('ref', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .execute();

  // Child rows are read and deleted by their activity; PostgreSQL does not index foreign keys itself.
  for (const table of [
    'activity_narrative',
    'recipient_country',
    'recipient_region',
    'activity_sector',
    'policy_marker',
    'activity_transaction',
    'result',
    'related_activity',
  ]) {
    await db.schema.createIndex(`${table}_activity`).on(table).column('activity_id').execute();
  }
  await db.schema
    .createIndex('result_indicator_result')
    .on('result_indicator')
    .column('result_id')
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of [
    'related_activity',
    'document_link',
    'location',
    'indicator_period',
    'result_indicator',
    'result',
    'activity_transaction',
    'budget',
    'policy_marker',
    'activity_sector',
    'recipient_region',
    'recipient_country',
    'participating_org',
    'activity_corridor',
    'activity_narrative',
    'activity',
    'import_run',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
