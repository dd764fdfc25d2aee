import { afterAll, describe, expect, it, vi } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { DIALECTS, newTestStore, type TestStore } from '../../test/support/stores.ts';
import { activityXml, iatiDocument } from '../../test/support/iati-fixtures.ts';
import { loadConfig } from '../config.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { MIGRATIONS } from '../db/migrations/index.ts';
import { buildApp } from './app.ts';

const ADMIN_TOKEN = 'operations-test-admin-token-0123456789';

for (const dialect of DIALECTS) {
  describe(`operations on ${dialect}`, () => {
    const opened: { store: TestStore; app: FastifyInstance }[] = [];
    afterAll(async () => {
      for (const { store, app } of opened) {
        await app.close();
        await store.dispose();
      }
    });

    async function open(migrate: boolean) {
      const store = await newTestStore(dialect, { migrate });
      const app = await buildApp({
        store,
        config: { ...loadConfig({}), logLevel: 'silent', adminToken: ADMIN_TOKEN },
      });
      opened.push({ store, app });
      return { store, app };
    }

    it('is not ready while the schema is behind the code, and ready once migrated', async () => {
      const { store, app } = await open(false);
      const empty = await app.inject('/readyz');
      expect(empty.statusCode).toBe(503);
      const names = Object.keys(MIGRATIONS);
      const older = Object.fromEntries(names.slice(0, -1).map((name) => [name, MIGRATIONS[name]!]));
      await migrateToLatest(store.db, older);
      const behind = await app.inject('/readyz');
      expect(behind.statusCode).toBe(503);
      expect(behind.json<{ error: { message: string } }>().error.message).toMatch(
        /1 migration behind: a migration is running or due/,
      );
      await migrateToLatest(store.db);
      expect((await app.inject('/readyz')).statusCode).toBe(200);
    });

    it('answers repeated anonymous dashboard reads from memory until the data changes', async () => {
      const { app } = await open(true);
      const url = '/api/aggregate?by=country';
      const first = await app.inject(url);
      expect(first.headers['x-cache']).toBeUndefined();
      const second = await app.inject(url);
      expect(second.headers['x-cache']).toBe('hit');
      expect(second.body).toBe(first.body);
      expect(second.headers['content-type']).toBe(first.headers['content-type']);
      const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
      expect((await app.inject({ url, headers: admin })).headers['x-cache']).toBeUndefined();

      const upload = await app.inject({
        method: 'POST',
        url: '/api/imports?name=one.xml',
        headers: { ...admin, 'content-type': 'application/xml' },
        payload: iatiDocument([activityXml({ id: 'XM-CACHE-1', country: 'UZ' })]),
      });
      expect(upload.statusCode).toBe(201);
      const after = await app.inject(url);
      expect(after.headers['x-cache']).toBeUndefined();
      expect(after.json<{ rows: { country: string }[] }>().rows.map((r) => r.country)).toContain(
        'UZ',
      );
      expect((await app.inject(url)).headers['x-cache']).toBe('hit');
    });

    it('answers a read as of today afresh once the day has changed', async () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      try {
        vi.setSystemTime(new Date('2026-05-31T23:59:00Z'));
        const { app } = await open(true);
        const url = '/api/facility/statement';
        expect((await app.inject(url)).json()).toMatchObject({ asOf: '2026-05-31' });
        expect((await app.inject(url)).headers['x-cache']).toBe('hit');
        vi.setSystemTime(new Date('2026-06-01T00:01:00Z'));
        const nextDay = await app.inject(url);
        expect(nextDay.headers['x-cache']).toBeUndefined();
        expect(nextDay.json()).toMatchObject({ asOf: '2026-06-01' });
      } finally {
        vi.useRealTimers();
      }
    });

    it('reports requests, latencies, imports and the pool to Prometheus', async () => {
      const { app } = await open(true);
      await app.inject('/api/activities?country=KZ');
      await app.inject('/api/activities?country=UZ');
      const upload = await app.inject({
        method: 'POST',
        url: '/api/imports?name=two.xml',
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/xml' },
        payload: iatiDocument([activityXml({ id: 'XM-TEST-1' }), activityXml({ id: 'XM-TEST-2' })]),
      });
      expect(upload.statusCode, upload.body).toBe(201);
      const metrics = await app.inject('/metrics');
      expect(metrics.statusCode).toBe(200);
      expect(metrics.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
      const text = metrics.body;
      expect(text).toMatch(
        /caravan_http_requests_total\{method="GET",route="\/api\/activities",status="200"\} 2/,
      );
      expect(text).toMatch(
        /caravan_http_request_duration_seconds_count\{method="GET",route="\/api\/activities"\} 2/,
      );
      expect(text).toMatch(/caravan_import_activities_total 2/);
      expect(text).toMatch(/caravan_imports_total\{outcome="stored"\} 1/);
      expect(text).toMatch(/caravan_imports_running 0/);
      if (dialect === 'postgres')
        expect(text).toMatch(/caravan_db_pool_connections\{state="total"\} \d+/);
    });
  });
}
