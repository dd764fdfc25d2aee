import type { AnyDb } from '../schema-helpers.ts';

/** The results framework: indicators, their mapping to IATI results, recorded values. */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('results_indicator')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('name_ru', 'text', (c) => c.notNull())
    .addColumn('unit_en', 'text', (c) => c.notNull())
    .addColumn('unit_ru', 'text', (c) => c.notNull())
    .addColumn('cluster_code', 'integer')
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('aggregation', 'text', (c) => c.notNull())
    .addColumn('baseline_year', 'integer', (c) => c.notNull())
    .addColumn('decimals', 'integer', (c) => c.notNull())
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('results_mapping')
    .addColumn('indicator_code', 'text', (c) =>
      c.notNull().references('results_indicator.code').onDelete('cascade'),
    )
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('vocabulary', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    // An IATI indicator counts towards one framework indicator at most.
    .addPrimaryKeyConstraint('results_mapping_pk', ['kind', 'vocabulary', 'code'])
    .execute();

  await db.schema
    .createTable('results_value')
    .addColumn('indicator_code', 'text', (c) =>
      c.notNull().references('results_indicator.code').onDelete('cascade'),
    )
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('results_value_pk', ['indicator_code', 'country', 'year', 'kind'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('results_value').execute();
  await db.schema.dropTable('results_mapping').execute();
  await db.schema.dropTable('results_indicator').execute();
}
