import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/support/stores.ts';
import { AppError } from '../errors.ts';
import { requireAccess, type Actor } from './access.ts';
import { parsePermissions } from './token.repository.ts';
import { actorForToken, createToken, listTokens, revokeToken } from './token.service.ts';
import { newTokensTestStore, type TokensTestStore } from './token.test-store.ts';
import type { GrantInput } from './role.model.ts';
import type { User } from './user.model.ts';
import { addUser, disableUser } from './user.service.ts';

const PASSWORD = 'Steppe-Caravan-2026';
const MINUTE = 60_000;
const T0 = new Date('2026-12-01T09:00:00.000Z');
const later = (ms: number) => new Date(T0.getTime() + ms);
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

async function failureOf(promise: Promise<unknown> | (() => unknown)): Promise<AppError> {
  const error = await (
    typeof promise === 'function' ? Promise.resolve().then(promise) : promise
  ).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

function sessionActor(user: User): Actor {
  return { kind: 'user', userId: user.id, email: user.email, grants: user.grants, via: 'session' };
}

for (const dialect of DIALECTS) {
  describe(`API tokens on ${dialect}`, () => {
    let store: TokensTestStore;
    let analyst: User;
    let partner: User;
    let admin: User;

    async function user(email: string, grant: GrantInput): Promise<User> {
      const added = await addUser(store.db, {
        email,
        name: email,
        password: PASSWORD,
        grants: [grant],
      });
      return added.user;
    }

    beforeAll(async () => {
      store = await newTokensTestStore(dialect);
      analyst = await user('analyst@carecprogram.org', { role: 'secretariat' });
      partner = await user('officer@adb.org', {
        role: 'partner_officer',
        organisation: 'XM-DAC-46004',
      });
      admin = await user('admin@carecprogram.org', { role: 'admin' });
    });
    afterAll(() => store.dispose());

    it('shows the token once and stores only its SHA-256', async () => {
      const created = await createToken(
        store.tokens,
        partner,
        { name: ' ADB nightly push ', permissions: ['iati.import'] },
        T0,
      );
      expect(created.token).toMatch(/^cvn_[A-Za-z0-9_-]{43}$/);
      expect(created).toMatchObject({
        name: 'ADB nightly push',
        prefix: created.token.slice(0, 8),
        permissions: ['iati.import'],
        createdAt: T0.toISOString(),
        lastUsedAt: null,
        revokedAt: null,
        expiresAt: null,
      });
      const row = await store.tokens
        .selectFrom('api_token')
        .selectAll()
        .where('id', '=', created.id)
        .executeTakeFirstOrThrow();
      expect(row.token_hash).toBe(sha256(created.token));
      expect(JSON.stringify(row)).not.toContain(created.token.slice(8));
    });

    it('lists a user’s tokens without the token or its hash', async () => {
      const created = await createToken(store.tokens, analyst, {
        name: 'reporting',
        permissions: ['audit.read'],
      });
      const listed = await listTokens(store.tokens, analyst.id);
      expect(listed.map((t) => t.id)).toContain(created.id);
      for (const token of listed) {
        expect(Object.keys(token).sort()).toEqual([
          'createdAt',
          'expiresAt',
          'id',
          'lastUsedAt',
          'name',
          'permissions',
          'prefix',
          'revokedAt',
        ]);
      }
      expect(JSON.stringify(listed)).not.toContain(created.token.slice(8));
      expect(await listTokens(store.tokens, admin.id)).toEqual([]);
    });

    it('refuses a scope beyond what the user’s roles give, and empty or token-making scopes', async () => {
      const attempt = (permissions: string[]) =>
        failureOf(createToken(store.tokens, partner, { name: 'too much', permissions }));
      expect((await attempt(['iati.import', 'audit.read'])).message).toBe(
        'your roles do not give audit.read, so a token of yours cannot have it (yours: iati.import, facility.read)',
      );
      expect((await attempt([])).message).toBe('a token needs at least one permission');
      expect((await attempt(['iati.everything'])).message).toBe(
        'unknown permission iati.everything',
      );
      expect((await attempt(['tokens.own'])).message).toBe('a token cannot be given tokens.own');
      expect((await attempt(['public'])).code).toBe('bad_request');
    });

    it('refuses an expiry in the past and a blank name', async () => {
      const past = failureOf(
        createToken(
          store.tokens,
          partner,
          {
            name: 'late',
            permissions: ['iati.import'],
            expiresAt: later(-MINUTE),
          },
          T0,
        ),
      );
      expect((await past).message).toBe('expiresAt must be in the future');
      const blank = failureOf(
        createToken(store.tokens, partner, { name: '  ', permissions: ['iati.import'] }),
      );
      expect((await blank).code).toBe('bad_request');
    });

    it('lets a token do only what it is scoped to, even when its user could do more', async () => {
      const { token } = await createToken(store.tokens, analyst, {
        name: 'importer',
        permissions: ['iati.import'],
      });
      const actor = await actorForToken(store.tokens, token);
      expect(actor).toMatchObject({ kind: 'user', userId: analyst.id, via: 'api-token' });
      expect(() => requireAccess(actor, 'iati.import')).not.toThrow();
      expect(() => requireAccess(actor, 'public')).not.toThrow();
      const refused = await failureOf(() => requireAccess(actor, 'audit.read'));
      expect([refused.code, refused.message]).toEqual([
        'forbidden',
        'This API token is not scoped to audit.read',
      ]);
      // The same user, signed in, may read the audit trail: the token is what limits it.
      expect(() => requireAccess(sessionActor(analyst), 'audit.read')).not.toThrow();
      // Nor may a token manage tokens.
      expect((await failureOf(() => requireAccess(actor, 'tokens.own'))).code).toBe('forbidden');
    });

    it('keeps a partner token to its own organisation', async () => {
      const { token } = await createToken(store.tokens, partner, {
        name: 'push',
        permissions: ['iati.import'],
      });
      const actor = await actorForToken(store.tokens, token);
      expect(() =>
        requireAccess(actor, 'iati.import', { organisation: 'XM-DAC-46004' }),
      ).not.toThrow();
      const other = await failureOf(() =>
        requireAccess(actor, 'iati.import', { organisation: 'XM-DAC-41114' }),
      );
      expect(other.code).toBe('forbidden');
    });

    it('refuses unknown, revoked, expired and disabled-user tokens, saying why', async () => {
      const reasonOf = async (token: string, now?: Date) => {
        const error = await failureOf(actorForToken(store.tokens, token, now));
        expect(error.code).toBe('unauthorized');
        return (error.details as { reason: string }).reason;
      };
      expect(await reasonOf('cvn_not-a-real-token')).toBe('unknown');
      expect(await reasonOf('Bearer whatever')).toBe('unknown');

      const revoked = await createToken(store.tokens, partner, {
        name: 'r',
        permissions: ['iati.import'],
      });
      await revokeToken(store.tokens, sessionActor(partner), revoked.id);
      expect(await reasonOf(revoked.token)).toBe('revoked');

      const expiring = await createToken(
        store.tokens,
        partner,
        { name: 'e', permissions: ['iati.import'], expiresAt: later(MINUTE) },
        T0,
      );
      await expect(
        actorForToken(store.tokens, expiring.token, later(MINUTE - 1)),
      ).resolves.toMatchObject({
        userId: partner.id,
      });
      expect(await reasonOf(expiring.token, later(MINUTE))).toBe('expired');

      const leaver = await user('leaver@adb.org', {
        role: 'partner_officer',
        organisation: 'XM-DAC-46004',
      });
      const orphan = await createToken(store.tokens, leaver, {
        name: 'o',
        permissions: ['iati.import'],
      });
      await disableUser(store.db, leaver.email);
      expect(await reasonOf(orphan.token)).toBe('disabled');
    });

    it('records the last use at most once a minute', async () => {
      const { id, token } = await createToken(
        store.tokens,
        partner,
        { name: 'touch', permissions: ['iati.import'] },
        T0,
      );
      const lastUsed = async () =>
        (await listTokens(store.tokens, partner.id)).find((t) => t.id === id)?.lastUsedAt;
      expect(await lastUsed()).toBeNull();
      await actorForToken(store.tokens, token, later(1_000));
      expect(await lastUsed()).toBe(later(1_000).toISOString());
      await actorForToken(store.tokens, token, later(30_000));
      expect(await lastUsed()).toBe(later(1_000).toISOString());
      await actorForToken(store.tokens, token, later(61_000));
      expect(await lastUsed()).toBe(later(61_000).toISOString());
    });

    it('lets the owner and an admin revoke a token, and nobody else', async () => {
      const mine = await createToken(store.tokens, partner, {
        name: 'm',
        permissions: ['iati.import'],
      });
      const other = await failureOf(revokeToken(store.tokens, sessionActor(analyst), mine.id));
      expect(other.code).toBe('forbidden');
      const viaToken = await actorForToken(store.tokens, mine.token);
      expect((await failureOf(revokeToken(store.tokens, viaToken, mine.id))).code).toBe(
        'forbidden',
      );
      expect(
        (await failureOf(revokeToken(store.tokens, { kind: 'anonymous' }, mine.id))).code,
      ).toBe('unauthorized');

      expect(await revokeToken(store.tokens, sessionActor(admin), mine.id, T0)).toBe(true);
      expect(await revokeToken(store.tokens, sessionActor(partner), mine.id, later(MINUTE))).toBe(
        false,
      );
      const listed = (await listTokens(store.tokens, partner.id)).find((t) => t.id === mine.id);
      expect(listed?.revokedAt).toBe(T0.toISOString()); // the first revocation stands
      const missing = await failureOf(revokeToken(store.tokens, sessionActor(admin), 999_999));
      expect(missing.code).toBe('not_found');
    });

    it('removes a user’s tokens with the user', async () => {
      const gone = await user('gone@adb.org', {
        role: 'partner_officer',
        organisation: 'XM-DAC-46004',
      });
      await createToken(store.tokens, gone, { name: 'g', permissions: ['iati.import'] });
      await store.db.deleteFrom('app_user').where('id', '=', gone.id).execute();
      expect(await listTokens(store.tokens, gone.id)).toEqual([]);
    });
  });
}

describe('stored token permissions', () => {
  it('drop names no longer known, so a renamed permission grants nothing', () => {
    expect(parsePermissions('["iati.import","iati.everything"]')).toEqual(['iati.import']);
    expect(parsePermissions('{"iati.import":true}')).toEqual([]);
  });
});
