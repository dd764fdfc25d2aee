import { hash } from '@node-rs/argon2';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/support/stores.ts';
import { AppError } from '../errors.ts';
import {
  addUser,
  changePassword,
  disableUser,
  listUsers,
  resetPassword,
  verifyLogin,
  type NewUser,
} from './user.service.ts';
import { issueResetLink, redeemResetLink } from './password-reset.ts';
import { verifyPassword } from './password.ts';
import { newUsersTestStore, type UsersTestStore } from './user.test-store.ts';

const PASSWORD = 'Steppe-Caravan-2026';
const WRONG = 'Wrong-Password-2026';
const MINUTE = 60_000;

const aigerim: NewUser = {
  email: 'Aigerim.N@Example.KZ',
  name: 'Aigerim Nurlanova',
  password: PASSWORD,
  grants: [
    { role: 'focal_point', country: 'KZ' },
    { role: 'reviewer', country: 'UZ' },
  ],
};

/** The error a promise rejects with, to compare whole errors. */
async function failureOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

for (const dialect of DIALECTS) {
  describe(`users on ${dialect}`, () => {
    let store: UsersTestStore;
    beforeEach(async () => {
      store = await newUsersTestStore(dialect);
    });
    afterEach(() => store.dispose());

    const storedRow = (email: string) =>
      store.users
        .selectFrom('app_user')
        .selectAll()
        .where('email', '=', email)
        .executeTakeFirstOrThrow();

    it('adds a user with scoped grants and lists it without its hash', async () => {
      const added = await addUser(store.users, aigerim);
      expect(added.password).toBeUndefined();
      expect(added.user).toMatchObject({
        email: 'aigerim.n@example.kz',
        name: 'Aigerim Nurlanova',
        status: 'active',
        failedLogins: 0,
        lockedUntil: null,
        grants: [
          { role: 'focal_point', country: 'KZ', organisation: null },
          { role: 'reviewer', country: 'UZ', organisation: null },
        ],
      });
      await addUser(store.users, {
        email: 'officer@adb.org',
        name: 'Partner Officer',
        grants: [{ role: 'partner_officer', organisation: '46004' }],
      });
      const users = await listUsers(store.users);
      expect(users.map((u) => u.email)).toEqual(['aigerim.n@example.kz', 'officer@adb.org']);
      expect(users[1]?.grants).toEqual([
        { role: 'partner_officer', country: null, organisation: 'XM-DAC-46004' },
      ]);
      expect(JSON.stringify(users)).not.toContain('argon2');
    });

    it('generates a password when none is given, and it signs in', async () => {
      const { user, password } = await addUser(store.users, { ...aigerim, password: undefined });
      expect(password).toMatch(/^[\w]{5}(-[\w]{5}){3}$/);
      expect((await verifyLogin(store.users, user.email, password ?? '')).id).toBe(user.id);
    });

    it('stores an argon2id hash, never the password', async () => {
      await addUser(store.users, aigerim);
      const row = await storedRow('aigerim.n@example.kz');
      expect(row.password_hash).toMatch(/^\$argon2id\$/);
      expect(row.password_hash).not.toContain(PASSWORD);
    });

    it('refuses a second user with the same email in another case', async () => {
      await addUser(store.users, aigerim);
      const error = await failureOf(
        addUser(store.users, { ...aigerim, email: 'AIGERIM.N@example.kz' }),
      );
      expect(error.code).toBe('conflict');
      expect(await listUsers(store.users)).toHaveLength(1);
    });

    it('refuses a focal point for a non-member country and stores nothing', async () => {
      const error = await failureOf(
        addUser(store.users, { ...aigerim, grants: [{ role: 'focal_point', country: 'JP' }] }),
      );
      expect(error).toMatchObject({ code: 'bad_request', message: /JP is not a CAREC member/ });
      expect(await listUsers(store.users)).toEqual([]);
    });

    it('refuses a weak initial password', async () => {
      const error = await failureOf(addUser(store.users, { ...aigerim, password: 'short' }));
      expect(error.code).toBe('bad_request');
    });

    it('keeps one row per grant even when the database is written directly', async () => {
      const { user } = await addUser(store.users, { ...aigerim, grants: [{ role: 'admin' }] });
      const again = store.users
        .insertInto('role_grant')
        .values({ user_id: user.id, role: 'admin', country: null, organisation: null })
        .execute();
      await expect(again).rejects.toThrow();
    });

    it('adds a user inside the caller’s transaction, and rolls back with it', async () => {
      const rolledBack = store.users.transaction().execute(async (trx) => {
        await addUser(trx, aigerim);
        throw new Error('the caller fails later');
      });
      await expect(rolledBack).rejects.toThrow('the caller fails later');
      expect(await listUsers(store.users)).toEqual([]);
    });

    it('upgrades a hash made with older settings at the next sign-in', async () => {
      const { user } = await addUser(store.users, aigerim);
      const older = await hash(PASSWORD, { memoryCost: 4096, timeCost: 3, parallelism: 1 });
      await store.users
        .updateTable('app_user')
        .set({ password_hash: older })
        .where('id', '=', user.id)
        .execute();
      await verifyLogin(store.users, aigerim.email, PASSWORD);
      const { password_hash } = await storedRow('aigerim.n@example.kz');
      expect(password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      await verifyLogin(store.users, aigerim.email, PASSWORD);
    });

    it('disables a user: the right password is then refused as disabled', async () => {
      await addUser(store.users, aigerim);
      expect((await disableUser(store.users, aigerim.email)).status).toBe('disabled');
      expect(await failureOf(verifyLogin(store.users, aigerim.email, PASSWORD))).toMatchObject({
        code: 'unauthorized',
        details: { reason: 'disabled' },
      });
      // A wrong password does not learn that the account exists and is disabled.
      expect((await failureOf(verifyLogin(store.users, aigerim.email, WRONG))).details).toEqual({
        reason: 'credentials',
      });
    });

    it('says not found when disabling or resetting an unknown user', async () => {
      expect((await failureOf(disableUser(store.users, 'nobody@example.org'))).code).toBe(
        'not_found',
      );
      expect((await failureOf(resetPassword(store.users, 'nobody@example.org'))).code).toBe(
        'not_found',
      );
    });

    it('resets a password: the new one signs in, the old one no longer does', async () => {
      await addUser(store.users, aigerim);
      const { password } = await resetPassword(store.users, aigerim.email);
      expect(password).not.toBe(PASSWORD);
      await verifyLogin(store.users, aigerim.email, password);
      expect((await failureOf(verifyLogin(store.users, aigerim.email, PASSWORD))).code).toBe(
        'unauthorized',
      );
    });

    it('changes a password only with the current one', async () => {
      await addUser(store.users, aigerim);
      const next = 'Tian-Shan-Road-2027';
      expect((await failureOf(changePassword(store.users, aigerim.email, WRONG, next))).code).toBe(
        'unauthorized',
      );
      expect(
        (await failureOf(changePassword(store.users, aigerim.email, PASSWORD, 'weak'))).code,
      ).toBe('bad_request');
      await changePassword(store.users, aigerim.email, PASSWORD, next);
      await verifyLogin(store.users, aigerim.email, next);
    });

    it('gives the same answer for an unknown email and a wrong password', async () => {
      await addUser(store.users, aigerim);
      const unknown = await failureOf(verifyLogin(store.users, 'nobody@example.kz', WRONG));
      const wrong = await failureOf(verifyLogin(store.users, aigerim.email, WRONG));
      expect(unknown.code).toBe('unauthorized');
      expect([unknown.code, unknown.message, unknown.details]).toEqual([
        wrong.code,
        wrong.message,
        wrong.details,
      ]);
    });

    it('forgets earlier failures after a successful sign-in', async () => {
      await addUser(store.users, aigerim);
      const now = new Date('2026-03-01T09:00:00Z');
      for (let i = 0; i < 4; i++)
        await failureOf(verifyLogin(store.users, aigerim.email, WRONG, now));
      expect((await verifyLogin(store.users, aigerim.email, PASSWORD, now)).failedLogins).toBe(0);
      for (let i = 0; i < 4; i++)
        await failureOf(verifyLogin(store.users, aigerim.email, WRONG, now));
      expect((await storedRow('aigerim.n@example.kz')).locked_until).toBeNull();
    });

    it('backs off over 20 wrong passwords, refuses the right one while locked, then lets it in', async () => {
      await addUser(store.users, aigerim);
      let now = new Date('2026-03-01T09:00:00Z');
      const lockMinutes: number[] = [];
      for (let attempt = 1; attempt <= 20; attempt++) {
        const error = await failureOf(verifyLogin(store.users, aigerim.email, WRONG, now));
        expect(error.details).toEqual({ reason: 'credentials' });
        const { locked_until } = await storedRow('aigerim.n@example.kz');
        if (attempt < 5) {
          expect(locked_until).toBeNull();
          continue;
        }
        const until = new Date(locked_until ?? '');
        lockMinutes.push((until.getTime() - now.getTime()) / MINUTE);
        // During the lock even the right password is refused, as an unknown email would be (the
        // answer must not tell that the account exists), and the lock does not grow.
        const during = new Date(until.getTime() - 1000);
        const refused = await failureOf(verifyLogin(store.users, aigerim.email, PASSWORD, during));
        const unknown = await failureOf(
          verifyLogin(store.users, 'nobody@example.kz', WRONG, during),
        );
        expect(refused).toMatchObject({ details: { reason: 'credentials' } });
        expect(refused.message).toBe(unknown.message);
        expect((await storedRow('aigerim.n@example.kz')).locked_until).toBe(locked_until);
        now = until;
      }
      expect(lockMinutes).toEqual([1, 2, 4, 8, 16, 32, ...Array<number>(10).fill(60)]);
      const user = await verifyLogin(store.users, aigerim.email, PASSWORD, now);
      expect(user).toMatchObject({ failedLogins: 0, lockedUntil: null });
    });

    it('checks no more passwords than the threshold allows when guesses arrive at once', async () => {
      await addUser(store.users, aigerim);
      const now = new Date('2026-03-01T09:00:00Z');
      await Promise.all(
        Array.from({ length: 10 }, () =>
          failureOf(verifyLogin(store.users, aigerim.email, WRONG, now)),
        ),
      );
      const row = await storedRow('aigerim.n@example.kz');
      expect(row.failed_logins).toBe(5);
      expect(row.locked_until).toBe(new Date(now.getTime() + MINUTE).toISOString());
    });

    it('keeps only the newest reset link, and none once the password is set', async () => {
      await addUser(store.users, aigerim);
      const now = new Date('2026-03-01T09:00:00Z');
      const token = async () =>
        new URL(
          (await issueResetLink(store.users, aigerim.email, 'admin', now)).path,
          'http://x',
        ).searchParams.get('token')!;
      const first = await token();
      const second = await token();
      const invalid = /This reset link is not valid/;
      await expect(
        redeemResetLink(store.users, first, 'Reset-Password-2026a', now),
      ).rejects.toThrow(invalid);
      const third = await token();
      await changePassword(store.users, aigerim.email, PASSWORD, 'Changed-Password-2026b', now);
      for (const stale of [second, third]) {
        await expect(
          redeemResetLink(store.users, stale, 'Reset-Password-2026c', now),
        ).rejects.toThrow(invalid);
      }
      const fourth = await token();
      await redeemResetLink(store.users, fourth, 'Reset-Password-2026d', now);
      expect(
        (await verifyLogin(store.users, aigerim.email, 'Reset-Password-2026d', now)).email,
      ).toBe('aigerim.n@example.kz');
    });

    it("ends a disabled user's reset links and issues it none", async () => {
      await addUser(store.users, aigerim);
      const now = new Date('2026-03-01T09:00:00Z');
      const { path } = await issueResetLink(store.users, aigerim.email, 'admin', now);
      const token = new URL(path, 'http://x').searchParams.get('token')!;
      await disableUser(store.users, aigerim.email, now);
      await expect(
        redeemResetLink(store.users, token, 'Reset-Password-2026a', now),
      ).rejects.toThrow(/This reset link is not valid/);
      await expect(issueResetLink(store.users, aigerim.email, 'admin', now)).rejects.toThrow(
        /aigerim.n@example.kz is disabled/,
      );
      const row = await storedRow('aigerim.n@example.kz');
      expect(await verifyPassword(row.password_hash, PASSWORD)).toBe(true);
    });

    it('lifts a lock when an admin resets the password', async () => {
      await addUser(store.users, aigerim);
      const now = new Date('2026-03-01T09:00:00Z');
      for (let i = 0; i < 5; i++)
        await failureOf(verifyLogin(store.users, aigerim.email, WRONG, now));
      const { password } = await resetPassword(store.users, aigerim.email, now);
      expect((await verifyLogin(store.users, aigerim.email, password, now)).email).toBe(
        'aigerim.n@example.kz',
      );
    });
  });
}
