import type { Insertable, Selectable } from 'kysely';
import { PERMISSIONS, type Permission } from './access.ts';
import type { ApiToken } from './token.schema.ts';
import type { ApiTokenTable } from './token.table.ts';
import type { Db } from '../db/database.ts';

export type ApiTokenRow = Selectable<ApiTokenTable>;

export function insertToken(db: Db, values: Insertable<ApiTokenTable>): Promise<ApiTokenRow> {
  return db.insertInto('api_token').values(values).returningAll().executeTakeFirstOrThrow();
}

export function listTokenRows(db: Db, userId: number): Promise<ApiTokenRow[]> {
  return db
    .selectFrom('api_token')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('id', 'desc')
    .execute();
}

export function findTokenById(db: Db, id: number): Promise<ApiTokenRow | undefined> {
  return db.selectFrom('api_token').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findTokenByHash(db: Db, tokenHash: string): Promise<ApiTokenRow | undefined> {
  return db
    .selectFrom('api_token')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** Revoking twice keeps the first time. */
export async function markRevoked(db: Db, id: number, now: string): Promise<void> {
  await db
    .updateTable('api_token')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
}

/**
 * Records a use unless one was recorded since `staleBefore`. The condition is in the UPDATE so
 * that several servers answering the same client at once still write it once.
 */
export async function touchToken(
  db: Db,
  id: number,
  now: string,
  staleBefore: string,
): Promise<void> {
  await db
    .updateTable('api_token')
    .set({ last_used_at: now })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', staleBefore)]))
    .execute();
}

function isPermission(value: unknown): value is Permission {
  return (PERMISSIONS as readonly unknown[]).includes(value);
}

/** A name no longer known (a permission renamed or dropped) grants nothing: fail closed. */
export function parsePermissions(json: string): Permission[] {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed.filter(isPermission) : [];
}

export function toApiToken(row: ApiTokenRow): ApiToken {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    permissions: parsePermissions(row.permissions),
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
    expiresAt: row.expires_at,
  };
}
