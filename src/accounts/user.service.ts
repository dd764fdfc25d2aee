import { AppError } from '../errors.ts';
import {
  assertPasswordPolicy,
  generatePassword,
  hashPassword,
  needsRehash,
  spendVerification,
  verifyPassword,
} from './password.ts';
import { validateGrants, type GrantInput } from './role.model.ts';
import { LOCKOUT } from './user.lockout.ts';
import { normaliseEmail, validEmail, validName, type User } from './user.model.ts';
import {
  findUserRow,
  grantsByUser,
  insertUser,
  isUniqueViolation,
  listUserRows,
  reserveLoginAttempt,
  recordSuccessfulLogin,
  setPasswordHash,
  setStatus,
  toUser,
  type UserRow,
} from './user.repository.ts';
import { inTransaction, type Db } from '../db/database.ts';
import { expireResetLinks } from './password-reset.ts';

export interface NewUser {
  email: string;
  name: string;
  /** Omitted: one is generated and returned, to be shown once. */
  password?: string | undefined;
  grants: readonly GrantInput[];
}

export interface UserWithPassword {
  user: User;
  /** Set only when the password was generated here; it is stored nowhere in clear. */
  password?: string;
}

function duplicate(email: string): AppError {
  return new AppError('conflict', `a user with email ${email} already exists`);
}

async function withGrants(db: Db, row: UserRow): Promise<User> {
  const grants = await grantsByUser(db, [row.id]);
  return toUser(row, grants.get(row.id) ?? []);
}

async function requireRow(db: Db, email: string): Promise<UserRow> {
  const row = await findUserRow(db, normaliseEmail(email));
  if (!row) throw new AppError('not_found', `no user with email ${normaliseEmail(email)}`);
  return row;
}

export async function addUser(db: Db, input: NewUser, now = new Date()): Promise<UserWithPassword> {
  const email = validEmail(input.email);
  const name = validName(input.name);
  const grants = validateGrants(input.grants);
  const generated = input.password === undefined;
  const password = input.password ?? generatePassword();
  // The policy guards against human choices; a generated password is random by construction.
  if (!generated) assertPasswordPolicy(password, { email, name });
  const passwordHash = await hashPassword(password);
  try {
    await inTransaction(db, async (trx) => {
      // Checked first so that, on PostgreSQL, a caller's transaction is not aborted by the
      // constraint; the constraint still decides when two requests race.
      if (await findUserRow(trx, email)) throw duplicate(email);
      await insertUser(
        trx,
        { email, name, password_hash: passwordHash, now: now.toISOString() },
        grants,
      );
    });
  } catch (error) {
    throw isUniqueViolation(error) ? duplicate(email) : error;
  }
  const user = await getUser(db, email);
  return generated ? { user, password } : { user };
}

export async function getUser(db: Db, email: string): Promise<User> {
  return withGrants(db, await requireRow(db, email));
}

export async function listUsers(db: Db): Promise<User[]> {
  const rows = await listUserRows(db);
  const grants = await grantsByUser(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => toUser(row, grants.get(row.id) ?? []));
}

/** Disabling keeps the user and its history; sign-in is refused from now on. */
export async function disableUser(db: Db, email: string, now = new Date()): Promise<User> {
  const row = await requireRow(db, email);
  await setStatus(db, row.id, 'disabled');
  // A reset link issued before would otherwise still set a password on the account.
  await expireResetLinks(db, row.id, now);
  return getUser(db, row.email);
}

/** An admin's reset: a new random password, returned once, and any lock lifted. */
export async function resetPassword(
  db: Db,
  email: string,
  now = new Date(),
): Promise<{ user: User; password: string }> {
  const row = await requireRow(db, email);
  const password = generatePassword();
  await setPasswordHash(db, row.id, await hashPassword(password), now.toISOString());
  await expireResetLinks(db, row.id, now);
  return { user: await getUser(db, row.email), password };
}

/** The user's own change: the current password must be right, under the same back-off. */
export async function changePassword(
  db: Db,
  email: string,
  currentPassword: string,
  newPassword: string,
  now = new Date(),
): Promise<void> {
  const user = await verifyLogin(db, email, currentPassword, now);
  await replacePassword(db, user, currentPassword, newPassword, now);
}

/** Sets a new password for a user whose current one has just been verified. */
export async function replacePassword(
  db: Db,
  user: User,
  currentPassword: string,
  newPassword: string,
  now = new Date(),
): Promise<void> {
  assertPasswordPolicy(newPassword, { email: user.email, name: user.name });
  if (newPassword === currentPassword) {
    throw new AppError('bad_request', 'The new password must differ from the current one');
  }
  await setPasswordHash(db, user.id, await hashPassword(newPassword), now.toISOString());
  await expireResetLinks(db, user.id, now);
}

// One message for an unknown email, a wrong password and a locked account, so sign-in does not
// reveal who has an account; it says that a lock may be why.
const WRONG_CREDENTIALS = `Wrong email or password (after ${LOCKOUT.threshold} failed sign-ins in a row, an account waits a while before it is let in)`;

/**
 * Checks a sign-in. Refuses, as `unauthorized` with `details.reason`:
 * - `credentials`: unknown email, wrong password, or an account locked by too many consecutive
 *   failures (see user.lockout.ts), whose password is not even checked, so guessing during a
 *   lock learns nothing; the same message for all three, in similar time;
 * - `disabled`: only said after the right password, so it does not reveal the account either.
 */
export async function verifyLogin(
  db: Db,
  email: string,
  password: string,
  now = new Date(),
): Promise<User> {
  const row = await findUserRow(db, normaliseEmail(email));
  if (!row) {
    await spendVerification(password);
    throw new AppError('unauthorized', WRONG_CREDENTIALS, { reason: 'credentials' });
  }
  if (!(await reserveLoginAttempt(db, row.id, now))) {
    await spendVerification(password);
    throw new AppError('unauthorized', WRONG_CREDENTIALS, { reason: 'credentials' });
  }
  if (!(await verifyPassword(row.password_hash, password))) {
    throw new AppError('unauthorized', WRONG_CREDENTIALS, { reason: 'credentials' });
  }
  await recordSuccessfulLogin(db, row.id);
  if (row.status === 'disabled') {
    throw new AppError('unauthorized', 'This account is disabled: ask an administrator', {
      reason: 'disabled',
    });
  }
  // Raising the cost in password.ts upgrades each stored hash at its owner's next sign-in.
  if (needsRehash(row.password_hash)) {
    await setPasswordHash(db, row.id, await hashPassword(password), row.password_changed_at);
  }
  return getUser(db, row.email);
}
