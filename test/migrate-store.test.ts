import type { FastifyInstance } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../src/accounts/audit.service.ts';
import { loadConfig } from '../src/config.ts';
import { openStore } from '../src/db/database.ts';
import { fund } from '../src/facility/facility.test-support.ts';
import { buildApp } from '../src/server/app.ts';
import { runCaravan } from './support/cli.ts';
import { newTestDatabase, type TestDatabase } from './support/stores.ts';

const READS = [
  '/api/aggregate?by=country,year',
  '/api/aggregate?measure=disbursements&by=cluster',
  '/api/activities?q=road&country=KZ&limit=20',
  '/api/activities?q=%D0%B4%D0%BE%D1%80%D0%BE%D0%B3&limit=5',
  '/api/facility/statement',
  '/api/facility/pipeline',
  '/api/countries/UZ',
];

async function answers(url: string): Promise<string[]> {
  const store = openStore(url);
  const app: FastifyInstance = await buildApp({
    store,
    config: { ...loadConfig({}), logLevel: 'silent' },
  });
  try {
    const bodies = [];
    for (const read of READS) {
      const response = await app.inject(read);
      expect(response.statusCode, `${read}: ${response.body}`).toBe(200);
      bodies.push(response.body);
    }
    expect(await verifyAuditChain(store.db)).toMatchObject({ ok: true });
    return bodies;
  } finally {
    await app.close();
    await store.close();
  }
}

describe('caravan migrate-store', () => {
  const databases: TestDatabase[] = [];
  afterAll(async () => {
    for (const database of databases) await database.drop();
  });

  it('moves a whole installation from SQLite to PostgreSQL and back, answering the same', async () => {
    const [sqlite, postgres, back] = [
      await newTestDatabase('sqlite'),
      await newTestDatabase('postgres'),
      await newTestDatabase('sqlite'),
    ];
    databases.push(sqlite, postgres, back);
    const demo = await runCaravan(['demo'], {
      DATABASE_URL: sqlite.url,
      CARAVAN_DEMO_PASSWORD: 'Long caravan route 2026',
    });
    expect(demo.code, demo.stderr).toBe(0);
    const before = await answers(sqlite.url);

    const moved = await runCaravan(['migrate-store', '--from', sqlite.url, '--to', postgres.url]);
    expect(moved.stderr).toBe('');
    expect(moved.stdout).toMatch(/counts checked; rebuilt activity_search/);
    expect(await answers(postgres.url)).toEqual(before);

    // The target takes new records after the copied ones.
    const store = openStore(postgres.url);
    try {
      await fund(store.db, '100');
    } finally {
      await store.close();
    }
    const again = await runCaravan(['migrate-store', '--from', sqlite.url, '--to', postgres.url]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/the target already holds data/);

    expect(
      (await runCaravan(['migrate-store', '--from', postgres.url, '--to', back.url])).code,
    ).toBe(0);
    const after = await answers(back.url);
    expect(after.slice(0, 4)).toEqual(before.slice(0, 4));
    expect(JSON.parse(after[4]!)).toMatchObject({ balances: { received: '3000100.00' } });
  }, 180_000);
});
