import { sql } from 'kysely';
import { primaryKeyId, serialType, type AnyDb } from '../schema-helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('app_user')
    .addColumn('id', serialType(db), primaryKeyId(db))
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
    .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .addColumn('password_changed_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    // Uniqueness ignores case only because every email is stored lower-cased; a row written
    // around the service must not break that.
    .addCheckConstraint('app_user_email_lower', sql`email = lower(email)`)
    .execute();

  // Scopes are checked against the reference data in code, not by foreign keys: the first
  // admin is created before `caravan db migrate` has filled the reference tables.
  await db.schema
    .createTable('role_grant')
    .addColumn('user_id', 'integer', (c) =>
      c.notNull().references('app_user.id').onDelete('cascade'),
    )
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('country', 'text')
    .addColumn('organisation', 'text')
    .execute();

  // NULLs are distinct in a plain unique index on both dialects, so an unscoped grant such as
  // admin could be stored twice; coalescing them makes "no scope" one value.
  await db.schema
    .createIndex('role_grant_unique')
    .on('role_grant')
    .unique()
    .column('user_id')
    .column('role')
    .column(sql`coalesce(country, '')`)
    .column(sql`coalesce(organisation, '')`)
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('role_grant').execute();
  await db.schema.dropTable('app_user').execute();
}
