import { primaryKeyId, serialType, type AnyDb } from '../schema-helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('api_token')
    .addColumn('id', serialType(db), primaryKeyId(db))
    .addColumn('user_id', 'integer', (c) =>
      c.notNull().references('app_user.id').onDelete('cascade'),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    // Only the SHA-256 of the token is kept, as for sessions: reading this table does not
    // yield a usable token. Unique, because a request finds its token by this hash.
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('permissions', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    // Revoked tokens stay, so their owner's list and the audit trail can still name them.
    .addColumn('revoked_at', 'text')
    .addColumn('expires_at', 'text')
    .execute();
  await db.schema.createIndex('api_token_user').on('api_token').column('user_id').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('api_token').execute();
}
