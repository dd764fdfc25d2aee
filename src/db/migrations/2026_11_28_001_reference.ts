import type { AnyDb } from '../schema-helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('country')
    .addColumn('iso2', 'text', (c) => c.primaryKey())
    .addColumn('iso3', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('name_ru', 'text', (c) => c.notNull())
    .addColumn('is_member', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('organisation')
    .addColumn('ref', 'text', (c) => c.primaryKey())
    .addColumn('acronym', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('name_ru', 'text', (c) => c.notNull())
    .addColumn('type', 'text')
    .addColumn('country', 'text', (c) => c.references('country.iso2'))
    .addColumn('role', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('cluster')
    .addColumn('code', 'integer', (c) => c.primaryKey())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('name_ru', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('cluster_sector')
    .addColumn('cluster_code', 'integer', (c) => c.notNull().references('cluster.code'))
    .addColumn('sector_code', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('cluster_sector_pk', ['sector_code'])
    .execute();

  await db.schema
    .createTable('corridor')
    .addColumn('number', 'integer', (c) => c.primaryKey())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('name_ru', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('corridor_country')
    .addColumn('corridor_number', 'integer', (c) => c.notNull().references('corridor.number'))
    .addColumn('country_iso2', 'text', (c) => c.notNull().references('country.iso2'))
    .addPrimaryKeyConstraint('corridor_country_pk', ['corridor_number', 'country_iso2'])
    .execute();

  await db.schema
    .createTable('conference')
    .addColumn('number', 'integer', (c) => c.primaryKey())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('city_en', 'text', (c) => c.notNull())
    .addColumn('city_ru', 'text', (c) => c.notNull())
    .addColumn('chair_iso2', 'text', (c) => c.references('country.iso2'))
    .execute();

  await db.schema
    .createTable('exchange_rate')
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('per_usd', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('exchange_rate_pk', ['currency', 'period'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of [
    'exchange_rate',
    'conference',
    'corridor_country',
    'corridor',
    'cluster_sector',
    'cluster',
    'organisation',
    'country',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
