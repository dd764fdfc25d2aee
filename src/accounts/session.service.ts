import { newSecret, secretHash } from './secret.ts';
import type { Db } from '../db/database.ts';
import { getUserById } from './user.repository.ts';
import type { User } from './user.model.ts';

/** A session lasts at most this long, and ends sooner after this long without a request. */
export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;
export const SESSION_IDLE_MS = 30 * 60 * 1000;
/** last_seen_at is written at most this often, not on every request. */
const TOUCH_INTERVAL_MS = 60 * 1000;

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: string;
}

export async function createSession(db: Db, userId: number, now = new Date()): Promise<NewSession> {
  const token = newSecret();
  const csrfToken = newSecret(24);
  const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS).toISOString();
  await db
    .insertInto('user_session')
    .values({
      token_hash: secretHash(token),
      user_id: userId,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: expiresAt,
    })
    .execute();
  return { token, csrfToken, expiresAt };
}

export interface ActiveSession {
  user: User;
  csrfToken: string;
}

/** The session a cookie names, if it is still valid and its user active; expired ones are removed. */
export async function resolveSession(
  db: Db,
  token: string,
  now = new Date(),
): Promise<ActiveSession | null> {
  const row = await db
    .selectFrom('user_session')
    .selectAll()
    .where('token_hash', '=', secretHash(token))
    .executeTakeFirst();
  if (!row) return null;
  const idleSince = new Date(row.last_seen_at).getTime();
  if (now.toISOString() >= row.expires_at || now.getTime() - idleSince > SESSION_IDLE_MS) {
    await db.deleteFrom('user_session').where('token_hash', '=', row.token_hash).execute();
    return null;
  }
  const user = await getUserById(db, row.user_id);
  if (!user || user.status !== 'active') return null;
  if (now.getTime() - idleSince > TOUCH_INTERVAL_MS) {
    await db
      .updateTable('user_session')
      .set({ last_seen_at: now.toISOString() })
      .where('token_hash', '=', row.token_hash)
      .execute();
  }
  return { user, csrfToken: row.csrf_token };
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.deleteFrom('user_session').where('token_hash', '=', secretHash(token)).execute();
}

/** Ends every session of a user: on a password change, a reset or when the account is disabled. */
export async function deleteUserSessions(db: Db, userId: number): Promise<void> {
  await db.deleteFrom('user_session').where('user_id', '=', userId).execute();
}
