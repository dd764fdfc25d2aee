import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/support/stores.ts';
import { loadConfig } from '../config.ts';
import { registerAuth } from '../server/auth.ts';
import { registerErrorHandling } from '../server/errors.ts';
import { createSession } from './session.service.ts';
import { registerTokenRoutes } from './token.routes.ts';
import type { ApiToken, NewApiToken } from './token.schema.ts';
import { newTokensTestStore, type TokensTestStore } from './token.test-store.ts';
import { addUser } from './user.service.ts';

const PASSWORD = 'Steppe-Caravan-2026';

// buildApp does not register the token routes yet, so this app is assembled from the parts
// they rely on: the one error shape and the auth hook (sessions, CSRF, declared permissions).
async function tokenApp(store: TokensTestStore): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  registerErrorHandling(app);
  await registerAuth(app, store, { ...loadConfig({}), logLevel: 'silent' });
  registerTokenRoutes(app, store);
  return app;
}

for (const dialect of DIALECTS) {
  describe(`token routes on ${dialect}`, () => {
    let store: TokensTestStore;
    let app: FastifyInstance;
    let headers: Record<string, string>;

    beforeAll(async () => {
      store = await newTokensTestStore(dialect);
      app = await tokenApp(store);
      const { user } = await addUser(store.db, {
        email: 'officer@adb.org',
        name: 'ADB officer',
        password: PASSWORD,
        grants: [{ role: 'partner_officer', organisation: 'XM-DAC-46004' }],
      });
      // Signed in as POST /api/session would; its route is not part of this app.
      const session = await createSession(store.db, user.id);
      headers = { cookie: `caravan_session=${session.token}`, 'x-csrf-token': session.csrfToken };
    });
    afterAll(async () => {
      await app.close();
      await store.dispose();
    });

    it('creates a token, shows it once, lists it without it, and revokes it', async () => {
      const created = await app.inject({
        method: 'POST',
        url: '/api/tokens',
        headers,
        payload: {
          name: 'nightly push',
          permissions: ['iati.import'],
          expiresAt: '2099-01-01T00:00:00+05:00',
        },
      });
      expect(created.statusCode, created.body).toBe(201);
      const token = created.json<NewApiToken>();
      expect(token).toMatchObject({
        name: 'nightly push',
        permissions: ['iati.import'],
        expiresAt: '2098-12-31T19:00:00.000Z',
        revokedAt: null,
      });
      expect(token.token.startsWith(token.prefix)).toBe(true);

      const listed = await app.inject({ url: '/api/tokens', headers });
      expect(listed.statusCode).toBe(200);
      expect(listed.body).not.toContain(token.token);
      const { tokens } = listed.json<{ tokens: ApiToken[] }>();
      expect(tokens.map((t) => t.id)).toEqual([token.id]);

      const revoked = await app.inject({
        method: 'DELETE',
        url: `/api/tokens/${token.id}`,
        headers,
      });
      expect(revoked.statusCode).toBe(204);
      const after = (await app.inject({ url: '/api/tokens', headers })).json<{
        tokens: ApiToken[];
      }>();
      expect(after.tokens[0]?.revokedAt).not.toBeNull();
      // Once more: still 204, and the audit trail records the revocation once.
      const again = await app.inject({ method: 'DELETE', url: `/api/tokens/${token.id}`, headers });
      expect(again.statusCode).toBe(204);
      const revocations = await store.db
        .selectFrom('audit_log')
        .select('id')
        .where('action', '=', 'token.revoke')
        .where('target_id', '=', String(token.id))
        .execute();
      expect(revocations).toHaveLength(1);
    });

    it('answers a scope beyond the user’s roles with 400 in the one error shape', async () => {
      const response = await app.inject({
        method: 'POST',
        url: '/api/tokens',
        headers,
        payload: { name: 'greedy', permissions: ['audit.read'] },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toEqual({
        error: {
          code: 'bad_request',
          message:
            'your roles do not give audit.read, so a token of yours cannot have it (yours: iati.import, facility.read)',
        },
      });
    });

    it('refuses anonymous callers on every token route', async () => {
      for (const [method, url] of [
        ['POST', '/api/tokens'],
        ['GET', '/api/tokens'],
        ['DELETE', '/api/tokens/1'],
      ] as const) {
        const response = await app.inject({
          method,
          url,
          ...(method === 'POST' ? { payload: { name: 'x', permissions: ['iati.import'] } } : {}),
        });
        expect(response.statusCode, `${method} ${url}`).toBe(401);
      }
    });

    it('refuses a token-making write without its CSRF token', async () => {
      const response = await app.inject({
        method: 'POST',
        url: '/api/tokens',
        headers: { cookie: headers['cookie']! },
        payload: { name: 'forged', permissions: ['iati.import'] },
      });
      expect(response.statusCode).toBe(403);
    });

    it('answers an unknown token id with 404 and a malformed one with 400', async () => {
      const missing = await app.inject({ method: 'DELETE', url: '/api/tokens/999999', headers });
      expect(missing.statusCode).toBe(404);
      const malformed = await app.inject({ method: 'DELETE', url: '/api/tokens/abc', headers });
      expect(malformed.statusCode).toBe(400);
    });
  });
}
