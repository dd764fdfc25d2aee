import { newSecret, secretHash } from './secret.ts';
import type { Db } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { assertPasswordPolicy, hashPassword } from './password.ts';
import { deleteUserSessions } from './session.service.ts';
import { findUserRow, getUserById, setPasswordHash } from './user.repository.ts';
import { normaliseEmail, type User } from './user.model.ts';

export interface PasswordResetTable {
  token_hash: string;
  user_id: number;
  created_by: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface PasswordResetTables {
  password_reset: PasswordResetTable;
}

/** A reset link works once, for a day: long enough to pass it on, short enough to go stale. */
export const RESET_LINK_LIFETIME_MS = 24 * 60 * 60 * 1000;

/**
 * Ends every unused reset link of a user: a new link, a redeemed one, or a password set any other
 * way leaves no older link that could still set it again.
 */
export async function expireResetLinks(db: Db, userId: number, now = new Date()): Promise<void> {
  await db
    .updateTable('password_reset')
    .set({ expires_at: now.toISOString() })
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now.toISOString())
    .execute();
}

/**
 * An admin-issued reset link for a user. No mail server is assumed: the link is shown to the
 * admin, who passes it on; only its hash is stored.
 */
export async function issueResetLink(
  db: Db,
  email: string,
  issuedBy: string,
  now = new Date(),
): Promise<{ user: User; path: string; expiresAt: string }> {
  const row = await findUserRow(db, normaliseEmail(email));
  const user = row && (await getUserById(db, row.id));
  if (!user) throw new AppError('not_found', `no user with email ${normaliseEmail(email)}`);
  if (user.status === 'disabled') {
    throw new AppError(
      'conflict',
      `${user.email} is disabled: a disabled account gets no reset link`,
    );
  }
  await expireResetLinks(db, user.id, now);
  const token = newSecret();
  const expiresAt = new Date(now.getTime() + RESET_LINK_LIFETIME_MS).toISOString();
  await db
    .insertInto('password_reset')
    .values({
      token_hash: secretHash(token),
      user_id: user.id,
      created_by: issuedBy,
      created_at: now.toISOString(),
      expires_at: expiresAt,
    })
    .execute();
  return { user, path: `/reset-password?token=${token}`, expiresAt };
}

/** Sets a new password through a reset link, once; every session of the user ends. */
export async function redeemResetLink(
  db: Db,
  token: string,
  newPassword: string,
  now = new Date(),
): Promise<User> {
  const link = await db
    .selectFrom('password_reset')
    .selectAll()
    .where('token_hash', '=', secretHash(token))
    .executeTakeFirst();
  if (!link || link.used_at !== null || now.toISOString() >= link.expires_at) {
    throw new AppError(
      'bad_request',
      'This reset link is not valid: ask an administrator for a new one',
    );
  }
  const user = await getUserById(db, link.user_id);
  if (!user || user.status === 'disabled') {
    throw new AppError('bad_request', 'This reset link is not valid');
  }
  assertPasswordPolicy(newPassword, { email: user.email, name: user.name });
  const used = await db
    .updateTable('password_reset')
    .set({ used_at: now.toISOString() })
    .where('token_hash', '=', link.token_hash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  // Two redemptions racing: only the one that marked the link used goes on.
  if (Number(used.numUpdatedRows) !== 1)
    throw new AppError('bad_request', 'This reset link was already used');
  await setPasswordHash(db, user.id, await hashPassword(newPassword), now.toISOString());
  await expireResetLinks(db, user.id, now);
  await deleteUserSessions(db, user.id);
  return user;
}
