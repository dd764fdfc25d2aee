import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Command } from 'commander';
import { sql } from 'kysely';
import { DIALECTS, type TestStore } from '../../test/support/stores.ts';
import { cliActor, registerAuditCommands } from '../cli/audit.ts';
import type { AuditRecord } from './audit.schema.ts';
import { appendAudit } from './audit.service.ts';
import { newAuditStore } from './audit.fixtures.ts';

interface Output {
  stdout: string;
  stderr: string;
  exitCode: typeof process.exitCode;
}

/** Runs `caravan audit …` in this process, as main.ts would once it registers the commands. */
async function caravanAudit(url: string, args: string[]): Promise<Output> {
  const out: string[] = [];
  const err: string[] = [];
  const program = new Command('caravan')
    .option('--database-url <url>')
    .exitOverride()
    .configureOutput({ writeErr: (text) => err.push(text.trimEnd()) });
  registerAuditCommands(program);
  const log = vi.spyOn(console, 'log').mockImplementation((line: string) => out.push(line));
  const error = vi.spyOn(console, 'error').mockImplementation((line: string) => err.push(line));
  try {
    await program.parseAsync(['--database-url', url, 'audit', ...args], { from: 'user' });
    return { stdout: out.join('\n'), stderr: err.join('\n'), exitCode: process.exitCode };
  } finally {
    log.mockRestore();
    error.mockRestore();
    process.exitCode = undefined;
  }
}

for (const dialect of DIALECTS) {
  describe(`caravan audit on ${dialect}`, () => {
    let store: TestStore;
    beforeEach(async () => {
      store = await newAuditStore(dialect);
      for (const id of ['1', '2', '3']) {
        await store.db.transaction().execute((trx) =>
          appendAudit(trx, {
            actor: cliActor(),
            action: 'fx.import',
            targetType: 'fx_rate',
            targetId: id,
            after: { rate: id },
            origin: 'cli',
          }),
        );
      }
    });
    afterEach(() => store.dispose());

    it('reports an intact chain and its head', async () => {
      const result = await caravanAudit(store.url, ['verify']);
      const { hash } = await store.db
        .selectFrom('audit_log')
        .select('hash')
        .where('id', '=', 3)
        .executeTakeFirstOrThrow();
      expect(result).toEqual({
        stdout:
          'audit chain intact: 3 entries\n' +
          `head: 3:${hash} (keep it outside the database, and give it back with --head: ` +
          'entries deleted from the end leave no other trace)',
        stderr: '',
        exitCode: undefined,
      });
    });

    it('finds entries deleted from the end with the head printed before', async () => {
      const before = await caravanAudit(store.url, ['verify']);
      const head = /^head: (\d+:[0-9a-f]{64})/m.exec(before.stdout)![1]!;
      expect((await caravanAudit(store.url, ['verify', '--head', head])).exitCode).toBeUndefined();

      await sql`delete from audit_log where id >= 2`.execute(store.db);
      expect((await caravanAudit(store.url, ['verify'])).stdout).toMatch(/intact: 1 entry/);
      const after = await caravanAudit(store.url, ['verify', '--head', head]);
      expect(after.stderr).toBe(
        'audit chain broken at entry 2: entries 2–3 are missing (deleted from the end): ' +
          'the chain ends at entry 1',
      );
      expect(after.exitCode).toBe(1);

      const rewritten = await caravanAudit(store.url, ['verify', '--head', `1:${'0'.repeat(64)}`]);
      expect(rewritten.stderr).toBe(
        'audit chain broken at entry 1: its hash is not the one given: ' +
          'the chain was rewritten from there or before',
      );
      await expect(caravanAudit(store.url, ['verify', '--head', '3'])).rejects.toThrow(
        /ID:HASH, as `caravan audit verify` prints its head/,
      );
    });

    it('names the edited row and fails', async () => {
      await sql`update audit_log set after = '{"rate":"9"}' where id = 2`.execute(store.db);
      const result = await caravanAudit(store.url, ['verify']);
      expect(result.stderr).toBe(
        'audit chain broken at entry 2: content does not match its hash (edited)',
      );
      expect(result.exitCode).toBe(1);
    });

    it('lists the latest entries as text and as JSON', async () => {
      const text = await caravanAudit(store.url, ['list', '--limit', '2']);
      const lines = text.stdout.split('\n');
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(/^3 {2}\S+ {2}cli:\S+ {2}fx\.import {2}fx_rate:3 {2}cli$/);
      const json = JSON.parse(
        (await caravanAudit(store.url, ['list', '--json'])).stdout,
      ) as AuditRecord[];
      expect(json.map((e) => e.id)).toEqual([3, 2, 1]);
      expect(json[2]).toMatchObject({ after: { rate: '1' }, origin: 'cli' });
    });

    it('refuses a limit that is not a whole number from 1 to 1000', async () => {
      await expect(caravanAudit(store.url, ['list', '--limit', '0'])).rejects.toThrow(
        /a whole number from 1 to 1000/,
      );
    });
  });
}
