import type { AnyDb } from '../schema-helpers.ts';

/** Conference records: the date, theme and sources of each, its documents and decisions. */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('conference').addColumn('date', 'text').execute();
  await db.schema.alterTable('conference').addColumn('theme_en', 'text').execute();
  await db.schema.alterTable('conference').addColumn('theme_ru', 'text').execute();
  await db.schema
    .alterTable('conference')
    .addColumn('sources', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();

  await db.schema
    .createTable('conference_document')
    .addColumn('conference_number', 'integer', (c) =>
      c.notNull().references('conference.number').onDelete('cascade'),
    )
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('title_ru', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addPrimaryKeyConstraint('conference_document_pk', ['conference_number', 'seq'])
    .execute();

  await db.schema
    .createTable('conference_decision')
    .addColumn('conference_number', 'integer', (c) =>
      c.notNull().references('conference.number').onDelete('cascade'),
    )
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('text_en', 'text', (c) => c.notNull())
    .addColumn('text_ru', 'text', (c) => c.notNull())
    // What it started: facility, strategy, agreement or project; null when nothing is recorded.
    .addColumn('link_kind', 'text')
    .addColumn('link_name_en', 'text')
    .addColumn('link_name_ru', 'text')
    .addColumn('link_ref', 'text')
    .addPrimaryKeyConstraint('conference_decision_pk', ['conference_number', 'seq'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('conference_decision').execute();
  await db.schema.dropTable('conference_document').execute();
  for (const column of ['sources', 'theme_ru', 'theme_en', 'date']) {
    await db.schema.alterTable('conference').dropColumn(column).execute();
  }
}
