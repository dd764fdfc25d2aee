import { sql, type Selectable } from 'kysely';
import type { Db } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { isRole, type RoleGrant } from './role.model.ts';
import type { User } from './user.model.ts';
import type { AppUserTable, RoleGrantTable, UserStatus } from './user.table.ts';
import { LOCKOUT, lockDurationMs, lockedUntil } from './user.lockout.ts';

export type UserRow = Selectable<AppUserTable>;

/** A unique constraint refused the write (PostgreSQL 23505; SQLite's constraint message). */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  return code === '23505' || /UNIQUE constraint failed/.test(error.message);
}

export function findUserRow(db: Db, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('app_user').selectAll().where('email', '=', email).executeTakeFirst();
}

export async function getUserById(db: Db, id: number): Promise<User | undefined> {
  const row = await db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  return toUser(row, (await grantsByUser(db, [id])).get(id) ?? []);
}

export async function insertUser(
  db: Db,
  values: { email: string; name: string; password_hash: string; now: string },
  grants: readonly RoleGrant[],
): Promise<number> {
  const { now, ...user } = values;
  const { id } = await db
    .insertInto('app_user')
    .values({ ...user, password_changed_at: now, created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('role_grant')
    .values(grants.map((g) => ({ user_id: id, ...g })))
    .execute();
  return id;
}

export function listUserRows(db: Db): Promise<UserRow[]> {
  return db.selectFrom('app_user').selectAll().orderBy('email').execute();
}

function toGrant(row: Selectable<RoleGrantTable>): RoleGrant {
  if (!isRole(row.role)) throw new AppError('internal', `unknown role ${row.role} in role_grant`);
  return { role: row.role, country: row.country, organisation: row.organisation };
}

/** The grants of each of these users, in a stable order. */
export async function grantsByUser(
  db: Db,
  userIds: readonly number[],
): Promise<Map<number, RoleGrant[]>> {
  const byUser = new Map<number, RoleGrant[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return byUser;
  const rows = await db
    .selectFrom('role_grant')
    .selectAll()
    .where('user_id', 'in', userIds)
    .orderBy('user_id')
    .orderBy('role')
    .orderBy('country')
    .orderBy('organisation')
    .execute();
  for (const row of rows) byUser.get(row.user_id)?.push(toGrant(row));
  return byUser;
}

export function toUser(row: UserRow, grants: RoleGrant[]): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    status: row.status,
    grants,
    failedLogins: row.failed_logins,
    lockedUntil: row.locked_until,
    passwordChangedAt: row.password_changed_at,
    createdAt: row.created_at,
  };
}

export async function setStatus(db: Db, id: number, status: UserStatus): Promise<void> {
  await db.updateTable('app_user').set({ status }).where('id', '=', id).execute();
}

/** A new password also lifts any lock: an admin's reset is the way out of one. */
export async function setPasswordHash(
  db: Db,
  id: number,
  passwordHash: string,
  now: string,
): Promise<void> {
  await db
    .updateTable('app_user')
    .set({
      password_hash: passwordHash,
      password_changed_at: now,
      failed_logins: 0,
      locked_until: null,
    })
    .where('id', '=', id)
    .execute();
}

/**
 * Counts a failed sign-in in the database (so every server sees it) and locks the account
 * once the count reaches the threshold. Returns the new lock, if any.
 */
/**
 * Counts a sign-in attempt as a failure before its password is checked, in one statement, unless
 * the account is locked; a success then forgets it (recordSuccessfulLogin). So attempts made at
 * once cannot all pass a lock that none of them has set yet: the one that reaches the threshold
 * sets it, and the rest find it set. False when the account is locked.
 */
export async function reserveLoginAttempt(db: Db, id: number, now: Date): Promise<boolean> {
  const nowIso = now.toISOString();
  const next = sql<number>`failed_logins + 1`;
  // The lock each count sets, from the threshold up to where it stops growing.
  const locks = [];
  for (let count = LOCKOUT.threshold; lockDurationMs(count) < LOCKOUT.maxLockMs; count++) {
    locks.push(sql`when ${next} = ${count} then ${lockedUntil(count, now)}`);
  }
  const longest = new Date(now.getTime() + LOCKOUT.maxLockMs).toISOString();
  const reserved = await db
    .updateTable('app_user')
    .set({
      failed_logins: next,
      locked_until: sql<string | null>`case when ${next} < ${LOCKOUT.threshold} then null
        ${sql.join(locks, sql` `)} else ${longest} end`,
    })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', nowIso)]))
    .executeTakeFirst();
  return reserved.numUpdatedRows === 1n;
}

export async function recordSuccessfulLogin(db: Db, id: number): Promise<void> {
  await db
    .updateTable('app_user')
    .set({ failed_logins: 0, locked_until: null })
    .where('id', '=', id)
    .execute();
}
