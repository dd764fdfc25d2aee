import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { addUser } from '../src/accounts/user.service.ts';
import type { GrantInput } from '../src/accounts/role.model.ts';
import { loadConfig } from '../src/config.ts';
import { buildApp } from '../src/server/app.ts';
import { PERMISSION_TABLE, type Caller } from './permission-table.ts';
import { activityXml, iatiDocument } from './support/iati-fixtures.ts';
import { DIALECTS, newTestStore, type TestStore } from './support/stores.ts';

const PASSWORD = 'Correct horse 42 battery';
const GRANTS: Record<Exclude<Caller, 'anonymous'>, GrantInput> = {
  admin: { role: 'admin' },
  secretariat: { role: 'secretariat' },
  focal_point: { role: 'focal_point', country: 'KZ' },
  partner_officer: { role: 'partner_officer', organisation: 'XM-DAC-46004' },
  reviewer: { role: 'reviewer', country: 'UZ' },
  committee: { role: 'committee' },
};

interface Credentials {
  cookie: string;
  csrfToken: string;
}

async function signIn(app: FastifyInstance, email: string): Promise<Credentials> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/session',
    payload: { email, password: PASSWORD },
  });
  expect(response.statusCode, response.body).toBe(200);
  const cookie = response.cookies.find((c) => c.name === 'caravan_session');
  expect(cookie?.httpOnly).toBe(true);
  expect(cookie?.sameSite).toBe('Lax');
  return {
    cookie: `caravan_session=${cookie!.value}`,
    csrfToken: response.json<{ csrfToken: string }>().csrfToken,
  };
}

for (const dialect of DIALECTS) {
  describe(`permissions on ${dialect}`, () => {
    let store: TestStore;
    let app: FastifyInstance;
    const callers = new Map<Caller, Credentials | null>();

    beforeAll(async () => {
      store = await newTestStore(dialect);
      app = await buildApp({
        store,
        config: { ...loadConfig({}), logLevel: 'silent', signInRateLimit: 1000 },
      });
      callers.set('anonymous', null);
      for (const [role, grant] of Object.entries(GRANTS)) {
        const email = `${role}@example.org`;
        await addUser(store.db, { email, name: role, password: PASSWORD, grants: [grant] });
        callers.set(role as Caller, await signIn(app, email));
      }
    });
    afterAll(async () => {
      await app.close();
      await store.dispose();
    });

    function call(key: string, credentials: Credentials | null): Promise<LightMyRequestResponse> {
      const route = PERMISSION_TABLE[key]!;
      const method = key.split(' ')[0] as 'GET' | 'POST' | 'PUT' | 'DELETE';
      const headers: Record<string, string> = {};
      if (route.contentType) headers['content-type'] = route.contentType;
      if (credentials) {
        headers['cookie'] = credentials.cookie;
        headers['x-csrf-token'] = credentials.csrfToken;
      }
      return app.inject({
        method,
        url: route.url,
        headers,
        ...(route.body ? { payload: route.body } : {}),
      });
    }

    it('has a row in the table for every route, and every route declares a permission', () => {
      const routes = app.registeredRoutes.map((r) => `${r.method} ${r.url}`).sort();
      expect(routes).toEqual(Object.keys(PERMISSION_TABLE).sort());
      for (const route of app.registeredRoutes)
        expect(route.permission, `${route.method} ${route.url}`).toBeDefined();
    });

    it('answers every route as the table says, for every caller', async () => {
      for (const key of Object.keys(PERMISSION_TABLE)) {
        const { allowed } = PERMISSION_TABLE[key]!;
        for (const [caller, credentials] of callers) {
          if (key === 'DELETE /api/session') continue; // signing out is checked below, once
          const response = await call(key, credentials);
          const expectAllowed = allowed === 'everyone' || allowed.includes(caller);
          const denied = response.statusCode === 401 || response.statusCode === 403;
          if (key === 'POST /api/session') {
            expect(response.statusCode, `${key} as ${caller}`).toBe(401); // wrong credentials
            continue;
          }
          expect(
            denied,
            `${key} as ${caller}: ${response.statusCode} ${response.body.slice(0, 200)}`,
          ).toBe(!expectAllowed);
          if (!expectAllowed) expect(response.statusCode).toBe(caller === 'anonymous' ? 401 : 403);
        }
      }
    });

    it('refuses a signed-in write without its CSRF token', async () => {
      const admin = callers.get('admin')!;
      const response = await app.inject({
        method: 'POST',
        url: '/api/imports?dryRun=true',
        headers: { cookie: admin.cookie, 'content-type': 'application/xml' },
        payload: PERMISSION_TABLE['POST /api/imports']!.body!,
      });
      expect(response.statusCode).toBe(403);
      const body = response.json<{ error: { code: string; message: string } }>();
      expect(body.error.code).toBe('forbidden');
      expect(body.error.message).toMatch(/x-csrf-token/);
    });

    async function newToken(caller: Caller, permissions: string[]): Promise<string> {
      const { cookie, csrfToken } = callers.get(caller)!;
      const response = await app.inject({
        method: 'POST',
        url: '/api/tokens',
        headers: { cookie, 'x-csrf-token': csrfToken },
        payload: { name: `${caller} client`, permissions },
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json<{ token: string }>().token;
    }

    it('lets an API token do only what it is scoped to, and no token manage tokens', async () => {
      const partner = {
        authorization: `Bearer ${await newToken('partner_officer', ['iati.import'])}`,
      };
      const upload = PERMISSION_TABLE['POST /api/imports']!;
      const imported = await app.inject({
        method: 'POST',
        url: upload.url,
        headers: { ...partner, 'content-type': upload.contentType! },
        payload: upload.body!,
      });
      expect([401, 403], imported.body).not.toContain(imported.statusCode);
      expect((await app.inject({ url: '/api/audit', headers: partner })).statusCode).toBe(403);
      expect((await app.inject({ url: '/api/tokens', headers: partner })).statusCode).toBe(403);
      // A secretariat token for imports cannot read the audit trail its user can read.
      const analyst = { authorization: `Bearer ${await newToken('secretariat', ['iati.import'])}` };
      const audit = await app.inject({ url: '/api/audit', headers: analyst });
      expect(audit.json()).toEqual({
        error: { code: 'forbidden', message: 'This API token is not scoped to audit.read' },
      });
    });

    it('lets a partner officer import only its own organisation’s activities', async () => {
      const other = activityXml({ id: '44000-OTHER-1' }).replace(
        'ref="XM-DAC-46004" type="40"><narrative>Asian Development Bank',
        'ref="44000" type="40"><narrative>World Bank',
      );
      const file = iatiDocument([activityXml({ id: 'XM-DAC-46004-OWN-1' }), other]);
      const { cookie, csrfToken } = callers.get('partner_officer')!;
      const response = await app.inject({
        method: 'POST',
        url: '/api/imports?name=mixed.xml',
        headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/xml' },
        payload: file,
      });
      expect(response.statusCode, response.body).toBe(201);
      const [summary] = response.json<{
        files: { imported: number; rejected: number; errors: string[] }[];
      }>().files;
      expect(summary).toMatchObject({ imported: 1, rejected: 1 });
      expect(summary!.errors).toEqual([
        "44000-OTHER-1 (line 19): line 19: reporting-org/@ref: 44000 is not your organisation's; a partner officer imports its own organisation's activities",
      ]);
    });

    it('does not let a partner officer replace another organisation’s stored activity', async () => {
      const upload = async (caller: Caller, xml: string) => {
        const { cookie, csrfToken } = callers.get(caller)!;
        const response = await app.inject({
          method: 'POST',
          url: '/api/imports?name=held.xml',
          headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/xml' },
          payload: iatiDocument([xml]),
        });
        expect(response.statusCode, response.body).toBe(201);
        return response.json<{
          files: { imported: number; rejected: number; errors: string[] }[];
        }>().files[0]!;
      };
      const worldBanks = activityXml({
        id: '44000-HELD-1',
        title: 'Held by the World Bank',
      }).replace(
        'ref="XM-DAC-46004" type="40"><narrative>Asian Development Bank',
        'ref="44000" type="40"><narrative>World Bank',
      );
      expect(await upload('secretariat', worldBanks)).toMatchObject({ imported: 1 });

      // The same identifier, now saying the partner's own organisation reports it.
      const claimed = activityXml({ id: '44000-HELD-1', title: 'Taken over' });
      const summary = await upload('partner_officer', claimed);
      expect(summary).toMatchObject({ imported: 0, rejected: 1 });
      expect(summary.errors).toEqual([
        "44000-HELD-1 (line 3): line 3: iati-identifier: 44000-HELD-1 is stored as reported by 44000; a partner officer cannot replace another organisation's activity",
      ]);
      const stored = await app.inject({ url: '/api/activities/44000-HELD-1' });
      const { titles } = stored.json<{ activity: { titles: { text: string }[] } }>().activity;
      expect(titles.map((t) => t.text)).toEqual(['Held by the World Bank']);

      // Its own organisation's activity it may still replace.
      const own = activityXml({ id: 'XM-DAC-46004-HELD-2' });
      expect(await upload('partner_officer', own)).toMatchObject({ imported: 1 });
      const changed = activityXml({ id: 'XM-DAC-46004-HELD-2', title: 'Renamed' });
      expect(await upload('partner_officer', changed)).toMatchObject({ rejected: 0 });
    });

    it('refuses a JSON body holding a NUL character, naming the field, and stores nothing', async () => {
      const signIn = await app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { email: 'a\u0000@example.org', password: 'x' },
      });
      expect(signIn.statusCode, signIn.body).toBe(400);
      expect(signIn.json()).toEqual({
        error: {
          code: 'bad_request',
          message: 'email: holds a NUL character, which no field accepts',
        },
      });

      // Found at any depth, and a body nested as deep as its size allows is still only refused.
      const json = { 'content-type': 'application/json' };
      const post = (payload: string) =>
        app.inject({ method: 'POST', url: '/api/session', headers: json, payload });
      const deepNul = await post('{"email":{"q":[1,{"w":[["a\\u0000"]]}]},"password":"x"}');
      expect(deepNul.json()).toMatchObject({
        error: { message: 'email.q[1].w[0][0]: holds a NUL character, which no field accepts' },
      });
      const depth = 200_000;
      const deep = await post(`{"email":${'['.repeat(depth)}${']'.repeat(depth)},"password":"x"}`);
      expect(deep.statusCode, deep.body).toBe(400);

      const { cookie, csrfToken } = callers.get('admin')!;
      const headers = { cookie, 'x-csrf-token': csrfToken };
      const grants = [{ role: 'secretariat' }];
      const named = { email: 'nul@example.org', name: 'x\u0000y', grants };
      const added = await app.inject({
        method: 'POST',
        url: '/api/users',
        headers,
        payload: named,
      });
      expect(added.json()).toMatchObject({ error: { message: /^name: holds a NUL/ } });
      const nested = {
        ...named,
        name: 'Fine',
        grants: [{ role: 'country_focal', country: 'K\u0000' }],
      };
      const deeper = await app.inject({
        method: 'POST',
        url: '/api/users',
        headers,
        payload: nested,
      });
      expect(deeper.json()).toMatchObject({ error: { message: /^grants\[0\]\.country: holds/ } });
      const users = await app.inject({ url: '/api/users', headers });
      expect(users.body).not.toContain('nul@example.org');
    });

    it('refuses a revoked API token', async () => {
      const token = await newToken('secretariat', ['audit.read']);
      const headers = { authorization: `Bearer ${token}` };
      expect((await app.inject({ url: '/api/audit', headers })).statusCode).toBe(200);
      const { cookie, csrfToken } = callers.get('secretariat')!;
      const session = { cookie, 'x-csrf-token': csrfToken };
      const { tokens } = (await app.inject({ url: '/api/tokens', headers: session })).json<{
        tokens: { id: number; prefix: string }[];
      }>();
      const id = tokens.find((t) => token.startsWith(t.prefix))!.id;
      const revoked = await app.inject({
        method: 'DELETE',
        url: `/api/tokens/${id}`,
        headers: session,
      });
      expect(revoked.statusCode).toBe(204);
      expect((await app.inject({ url: '/api/audit', headers })).statusCode).toBe(401);
    });

    it('marks the session cookie Secure and sends HSTS behind a trusted TLS proxy only', async () => {
      const behind = await buildApp({
        store,
        config: { ...loadConfig({}), logLevel: 'silent', trustProxy: '127.0.0.1' },
      });
      try {
        const signInVia = (server: FastifyInstance) =>
          server.inject({
            method: 'POST',
            url: '/api/session',
            headers: { 'x-forwarded-proto': 'https' },
            payload: { email: 'admin@example.org', password: PASSWORD },
          });
        const proxied = await signInVia(behind);
        expect(proxied.cookies.find((c) => c.name === 'caravan_session')?.secure).toBe(true);
        expect(proxied.headers['strict-transport-security']).toMatch(/max-age=31536000/);
        // Without TRUST_PROXY the header is anyone's to send, and is not believed.
        const direct = await signInVia(app);
        expect(direct.cookies.find((c) => c.name === 'caravan_session')?.secure).toBeUndefined();
        expect(direct.headers['strict-transport-security']).toBeUndefined();
      } finally {
        await behind.close();
      }
    });

    it('counts wrong current passwords towards the lock, as wrong sign-ins', async () => {
      const email = 'guessed@example.org';
      await addUser(store.db, {
        email,
        name: 'Guessed',
        password: PASSWORD,
        grants: [{ role: 'secretariat' }],
      });
      const { cookie, csrfToken } = await signIn(app, email);
      for (let guess = 0; guess < 5; guess++) {
        const wrong = await app.inject({
          method: 'POST',
          url: '/api/session/password',
          headers: { cookie, 'x-csrf-token': csrfToken },
          payload: { current: `guess ${guess}`, next: 'Another long password 9' },
        });
        expect(wrong.statusCode).toBe(400);
      }
      const locked = await app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { email, password: PASSWORD },
      });
      expect(locked.statusCode).toBe(401);
    });

    it('changes a password and ends the other sessions; resets one through an admin link', async () => {
      const email = 'changing@example.org';
      await addUser(store.db, {
        email,
        name: 'Changing',
        password: PASSWORD,
        grants: [{ role: 'secretariat' }],
      });
      const first = await signIn(app, email);
      const second = await signIn(app, email);
      const next = 'Brand new password 77';
      const changed = await app.inject({
        method: 'POST',
        url: '/api/session/password',
        headers: { cookie: first.cookie, 'x-csrf-token': first.csrfToken },
        payload: { current: PASSWORD, next },
      });
      expect(changed.statusCode, changed.body).toBe(200);
      expect(
        (await app.inject({ url: '/api/audit', headers: { cookie: second.cookie } })).statusCode,
      ).toBe(401);
      const renewed = changed.cookies.find((c) => c.name === 'caravan_session')!;
      expect(
        (
          await app.inject({
            url: '/api/audit',
            headers: { cookie: `caravan_session=${renewed.value}` },
          })
        ).statusCode,
      ).toBe(200);

      const admin = callers.get('admin')!;
      const link = await app.inject({
        method: 'POST',
        url: `/api/users/${encodeURIComponent(email)}/reset-link`,
        headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken },
      });
      expect(link.statusCode, link.body).toBe(201);
      const token = new URL(link.json<{ path: string }>().path, 'http://x').searchParams.get(
        'token',
      )!;
      const reset = (password: string) =>
        app.inject({ method: 'POST', url: '/api/password-reset', payload: { token, password } });
      expect((await reset('Reset password 2026 ok')).statusCode).toBe(204);
      expect((await reset('Second try 2026 again')).statusCode).toBe(400);
      const signedIn = await app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { email, password: 'Reset password 2026 ok' },
      });
      expect(signedIn.statusCode).toBe(200);
    });

    it('lets an admin add and disable users over HTTP, each change in the audit trail', async () => {
      const admin = callers.get('admin')!;
      const headers = { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken };
      const added = await app.inject({
        method: 'POST',
        url: '/api/users',
        headers,
        payload: {
          email: 'new.analyst@example.org',
          name: 'New Analyst',
          grants: [{ role: 'secretariat' }],
        },
      });
      expect(added.statusCode, added.body).toBe(201);
      const { password } = added.json<{ password: string }>();
      const session = await app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { email: 'new.analyst@example.org', password },
      });
      expect(session.statusCode).toBe(200);
      const disabled = await app.inject({
        method: 'POST',
        url: '/api/users/new.analyst%40example.org/disable',
        headers,
      });
      expect(disabled.json()).toMatchObject({ status: 'disabled' });
      const cookie = session.cookies.find((c) => c.name === 'caravan_session')!;
      const after = await app.inject({
        url: '/api/session',
        headers: { cookie: `caravan_session=${cookie.value}` },
      });
      expect(after.json()).toEqual({ user: null, csrfToken: null });
      const audit = await app.inject({ url: '/api/audit?limit=5', headers });
      const actions = audit
        .json<{ action: string; targetId: string }[]>()
        .map((e) => `${e.action} ${e.targetId}`);
      expect(actions).toContain('user.add new.analyst@example.org');
      expect(actions).toContain('user.disable new.analyst@example.org');
    });

    it('refuses a session cookie once its user has signed out', async () => {
      const email = 'leaving@example.org';
      await addUser(store.db, {
        email,
        name: 'Leaving',
        password: PASSWORD,
        grants: [{ role: 'secretariat' }],
      });
      const stolen = await signIn(app, email);
      const headers = { cookie: stolen.cookie, 'x-csrf-token': stolen.csrfToken };
      expect((await app.inject({ url: '/api/audit', headers })).statusCode).toBe(200);
      const out = await app.inject({ method: 'DELETE', url: '/api/session', headers });
      expect(out.statusCode).toBe(204);
      expect((await app.inject({ url: '/api/audit', headers })).statusCode).toBe(401);
    });

    it("keeps a country's draft from another country's focal point, on every proposal route", async () => {
      await addUser(store.db, {
        email: 'focal.uz@example.org',
        name: 'UZ',
        password: PASSWORD,
        grants: [{ role: 'focal_point', country: 'UZ' }],
      });
      const uz = await signIn(app, 'focal.uz@example.org');
      const kz = callers.get('focal_point')!; // scoped to KZ
      const as = (
        who: Credentials,
        method: 'GET' | 'POST' | 'PUT',
        url: string,
        payload?: unknown,
      ) =>
        app.inject({
          method,
          url,
          headers: { cookie: who.cookie, 'x-csrf-token': who.csrfToken },
          ...(payload === undefined ? {} : { payload: payload as string }),
        });
      const content = { title: { en: 'Uzbek draft' }, countries: ['UZ', 'KZ'] };
      const created = await as(uz, 'POST', '/api/facility/proposals', { content });
      expect(created.statusCode, created.body).toBe(201);
      const url = `/api/facility/proposals/${created.json<{ id: number }>().id}`;
      const pdf = { 'content-type': 'application/pdf' };
      const attempts = [
        () => as(kz, 'GET', url),
        () => as(kz, 'PUT', url, { ...content, title: { en: 'Taken over' } }),
        () => as(kz, 'POST', `${url}/transitions`, { action: 'submit' }),
        () => as(kz, 'POST', `${url}/transitions`, { action: 'withdraw', reason: 'not ours' }),
        () => as(kz, 'POST', `${url}/endorsements`, { country: 'KZ' }),
        () =>
          app.inject({
            method: 'POST',
            url: `${url}/documents?kind=concept_note&filename=a.pdf`,
            headers: { cookie: kz.cookie, 'x-csrf-token': kz.csrfToken, ...pdf },
            payload: '%PDF-1.4 x',
          }),
      ];
      for (const attempt of attempts) {
        const response = await attempt();
        expect(response.statusCode, response.body).toBe(403);
      }
      const list = await as(kz, 'GET', '/api/facility/proposals');
      expect(list.json<{ proposals: unknown[] }>().proposals).toEqual([]);
      // Nor does the audit trail show the secretariat what the draft says.
      const trail = await as(callers.get('secretariat')!, 'GET', '/api/audit?limit=1000');
      expect(trail.body).not.toContain('Uzbek draft');
      expect(trail.json()).toContainEqual(
        expect.objectContaining({
          action: 'proposal.create',
          withheld: 'proposal',
        }),
      );
      const own = await as(uz, 'GET', url);
      expect(own.json<{ title: string; state: string }>()).toMatchObject({
        title: 'Uzbek draft',
        state: 'draft',
      });

      // Withdrawn before it was ever submitted, it stays its country's.
      const reason = 'Not going ahead';
      const withdrawn = await as(uz, 'POST', `${url}/transitions`, { action: 'withdraw', reason });
      expect(withdrawn.statusCode, withdrawn.body).toBe(200);
      const others = (['secretariat', 'committee', 'reviewer'] as const).map((c) =>
        callers.get(c)!,
      );
      for (const who of [kz, ...others]) {
        expect((await as(who, 'GET', url)).statusCode).toBe(403);
        const listed = await as(who, 'GET', '/api/facility/proposals');
        expect(listed.body).not.toContain('Uzbek draft');
      }
      expect((await as(uz, 'GET', url)).json()).toMatchObject({ state: 'withdrawn' });
    });

    it('treats SQL-injection strings in every filter as data', async () => {
      const hostile = encodeURIComponent("KZ' OR '1'='1'; DROP TABLE activity; --");
      for (const param of ['country', 'partner', 'sector', 'status', 'region', 'q', 'cursor']) {
        const response = await app.inject(`/api/activities?${param}=${hostile}`);
        expect([200, 400], `${param}: ${response.body}`).toContain(response.statusCode);
        const aggregate = await app.inject(
          `/api/aggregate?${param === 'q' ? 'partner' : param}=${hostile}`,
        );
        expect([200, 400]).toContain(aggregate.statusCode);
      }
      const tables = await store.db.introspection.getTables();
      expect(tables.map((t) => t.name)).toContain('activity');
    });
  });
}
