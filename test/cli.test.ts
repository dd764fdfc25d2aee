import { afterAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { DIALECTS, newTestDatabase } from './support/stores.ts';
import { runCaravan, startServer } from './support/cli.ts';
import { startTestPostgres } from './support/postgres.ts';
import { MIGRATIONS } from '../src/db/migrations/index.ts';

describe('the caravan command', () => {
  it('runs on the project Node.js 24 when started by an older node', async () => {
    const older = '/usr/bin/node';
    if (!existsSync(older)) return;
    const result = await runCaravan(['--help'], {}, older);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: caravan');
  });

  it('stops with a clear message on a wrong setting', async () => {
    const result = await runCaravan(['db', 'status'], { DATABASE_URL: 'mysql://nowhere' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('DATABASE_URL="mysql://nowhere": must start with sqlite:');
  });

  it('names the flag a wrong filter came in, in one line and without a stack trace', async () => {
    const database = await newTestDatabase('sqlite');
    try {
      const env = { DATABASE_URL: database.url };
      expect((await runCaravan(['db', 'migrate'], env)).code).toBe(0);
      const cases = [
        [['export', 'csv', '--country', 'kz'], '--country: an ISO 3166-1 alpha-2 code such as KZ'],
        [['export', 'iati', '--status', '22'], '--status: an ActivityStatus code such as 2'],
        [['query', 'aggregate', '--year-from', '2020', '--year-to', '2010'], '--year-from: '],
        [['climate', 'finance', '--country', 'kz'], '--country: '],
      ] as const;
      for (const [args, message] of cases) {
        const result = await runCaravan([...args], env);
        expect(result.code, args.join(' ')).toBe(1);
        expect(result.stderr).toMatch(new RegExp(`^caravan: ${message}.*\\n$`));
        expect(result.stdout).toBe('');
      }
    } finally {
      await database.drop();
    }
  });

  for (const dialect of DIALECTS) {
    it(`migrates a ${dialect} database once and reports its status`, async () => {
      const database = await newTestDatabase(dialect);
      try {
        const env = { DATABASE_URL: database.url };
        expect((await runCaravan(['db', 'status'], env)).stdout).toContain(
          `${Object.keys(MIGRATIONS).length} pending`,
        );
        const early = await runCaravan(['query', 'aggregate', '--by', 'country'], env);
        expect(early.code).toBe(1);
        expect(early.stderr).toContain(
          `is ${Object.keys(MIGRATIONS).length} migrations behind this version of Caravan: run \`caravan db migrate\` first`,
        );
        const first = await runCaravan(['db', 'migrate'], env);
        expect(first.code).toBe(0);
        expect(first.stdout).toMatch(/applied 2026_11_28_001_reference/);
        const second = await runCaravan(['db', 'migrate'], env);
        expect(second.stdout).toMatch(/already up to date/);
        const status = JSON.parse((await runCaravan(['db', 'status', '--json'], env)).stdout) as {
          migrations: { executedAt: string | null }[];
        };
        expect(status.migrations.every((m) => m.executedAt !== null)).toBe(true);
      } finally {
        await database.drop();
      }
    });
  }
});

describe('caravan serve', () => {
  const postgres = startTestPostgres();
  afterAll(() => postgres.destroy());

  it('starts without its PostgreSQL, reports not ready, and recovers when it comes up', async () => {
    postgres.stop();
    const server = await startServer({ DATABASE_URL: postgres.url() });
    try {
      expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200);
      const down = await fetch(`${server.baseUrl}/readyz`);
      expect(down.status).toBe(503);
      expect(await down.json()).toEqual({
        error: { code: 'unavailable', message: 'The database is not answering' },
      });
      postgres.start();
      // Up, but not migrated: still not ready, until the migration has run.
      const behind = await fetch(`${server.baseUrl}/readyz`);
      expect(behind.status).toBe(503);
      expect(((await behind.json()) as { error: { message: string } }).error.message).toMatch(
        /migrations? behind/,
      );
      expect((await runCaravan(['db', 'migrate'], { DATABASE_URL: postgres.url() })).code).toBe(0);
      expect((await fetch(`${server.baseUrl}/readyz`)).status).toBe(200);
    } finally {
      await server.stop();
    }
  });

  it('shuts down cleanly on SIGTERM, and logs no reset token', async () => {
    const database = await newTestDatabase('sqlite');
    expect((await runCaravan(['db', 'migrate'], { DATABASE_URL: database.url })).code).toBe(0);
    const server = await startServer({ DATABASE_URL: database.url });
    expect((await fetch(`${server.baseUrl}/readyz`)).status).toBe(200);
    // A reset link's token stays out of the request log.
    await fetch(`${server.baseUrl}/reset-password?lang=en&token=Secret-Token-123`);
    expect(await server.stop()).toBe(0);
    expect(server.output()).toContain('shutting down');
    expect(server.output()).toContain('/reset-password?lang=en&token=[redacted]');
    expect(server.output()).not.toContain('Secret-Token-123');
    await database.drop();
  });
});
