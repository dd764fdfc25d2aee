import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../src/accounts/audit.service.ts';
import { addUser } from '../src/accounts/user.service.ts';
import { openStore, type Store } from '../src/db/database.ts';
import { addToAgenda, castVote, createMeeting } from '../src/facility/committee.service.ts';
import {
  COMMITTEE,
  fund,
  KZ_FOCAL,
  proposalContent,
  RULES,
  SECRETARIAT,
} from '../src/facility/facility.test-support.ts';
import { createDraft } from '../src/facility/proposal.service.ts';
import { CARAVAN, runCaravan, startServer } from './support/cli.ts';
import { activityXml, iatiDocument } from './support/iati-fixtures.ts';
import { startTestPostgres } from './support/postgres.ts';
import { DIALECTS, newTestDatabase } from './support/stores.ts';

const PASSWORD = 'Correct horse 42 battery';
const dir = mkdtempSync(join(tmpdir(), 'caravan-faults-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function signIn(baseUrl: string, email: string) {
  const response = await fetch(`${baseUrl}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  expect(response.status).toBe(200);
  const cookie = response.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
}

/** Every commitment has its approved proposal and decision, and the reverse; money adds up. */
async function expectLedgerConsistent(store: Store): Promise<number> {
  const commitments = await store.db
    .selectFrom('facility_ledger')
    .select('proposal_id')
    .where('entry_type', '=', 'commitment')
    .execute();
  const approved = await store.db
    .selectFrom('facility_proposal')
    .select('id')
    .where('state', '=', 'approved')
    .execute();
  const decided = await store.db
    .selectFrom('facility_agenda_item')
    .select('proposal_id')
    .where('decision', '=', 'approve')
    .execute();
  const ids = (rows: { id?: number; proposal_id?: number | null }[]) =>
    rows.map((r) => r.id ?? r.proposal_id).sort((a, b) => a! - b!);
  expect(ids(commitments)).toEqual(ids(approved));
  expect(ids(decided)).toEqual(ids(approved));
  expect(await verifyAuditChain(store.db)).toMatchObject({ ok: true });
  return approved.length;
}

for (const dialect of DIALECTS) {
  describe(`a server killed with -9 on ${dialect}`, () => {
    it('leaves no ledger entry without its grant during approvals, and resumes', async () => {
      const database = await newTestDatabase(dialect);
      const env = { DATABASE_URL: database.url };
      expect((await runCaravan(['db', 'migrate'], env)).code).toBe(0);
      const store = openStore(database.url);
      try {
        await addUser(store.db, {
          email: 'member@carec.test',
          name: 'Member',
          password: PASSWORD,
          grants: [{ role: 'committee' }],
        });
        await fund(store.db, '1500000');
        const meeting = await createMeeting(
          store.db,
          SECRETARIAT,
          { title: 'Crash', heldOn: '2025-06-01' },
          RULES,
        );
        const ids: number[] = [];
        for (let i = 0; i < 30; i++) {
          const { id } = await createDraft(store.db, KZ_FOCAL, {
            content: proposalContent(['KZ', 'UZ'], '100000'),
          });
          await store.db
            .updateTable('facility_proposal')
            .set({ state: 'committee' })
            .where('id', '=', id)
            .execute();
          await addToAgenda(store.db, SECRETARIAT, meeting.id, id);
          for (const member of COMMITTEE)
            await castVote(store.db, member, meeting.id, id, { vote: 'approve' });
          ids.push(id);
        }

        let server = await startServer(env);
        const headers = await signIn(server.baseUrl, 'member@carec.test');
        const decide = (id: number, baseUrl: string) =>
          fetch(`${baseUrl}/api/facility/meetings/${meeting.id}/decisions`, {
            method: 'POST',
            headers,
            body: JSON.stringify({
              proposal: String(id),
              decision: 'approve',
              amountUsd: '100000',
              rationale: 'Sound',
            }),
          }).then(
            (r) => r.status,
            () => 0,
          );
        const requests = ids.map((id) => decide(id, server.baseUrl));
        await Promise.race(requests);
        server.process.kill('SIGKILL');
        await Promise.all(requests);
        const before = await expectLedgerConsistent(store);
        expect(before).toBeLessThan(15);

        server = await startServer(env);
        try {
          const statuses = [];
          for (const id of ids) statuses.push(await decide(id, server.baseUrl));
          // The fund covers 15 grants: the rest are refused, the decided ones are conflicts.
          expect(statuses.filter((s) => s === 200)).toHaveLength(15 - before);
          expect(await expectLedgerConsistent(store)).toBe(15);
        } finally {
          await server.stop();
        }
      } finally {
        await store.close();
        await database.drop();
      }
    }, 120_000);

    it('stores an uploaded file whole or not at all when killed mid-import', async () => {
      const database = await newTestDatabase(dialect);
      const token = 'faults-admin-token-0123456789abcdef';
      const env = { DATABASE_URL: database.url, ADMIN_TOKEN: token };
      expect((await runCaravan(['db', 'migrate'], env)).code).toBe(0);
      const store = openStore(database.url);
      const file = iatiDocument(
        Array.from({ length: 1500 }, (_, i) => activityXml({ id: `KILL-${i}` })),
      );
      const upload = (baseUrl: string) =>
        fetch(`${baseUrl}/api/imports?name=big.xml`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/xml' },
          body: file,
        }).then(
          (r) => r.status,
          () => 0,
        );
      try {
        let server = await startServer(env);
        const pending = upload(server.baseUrl);
        for (let i = 0; i < 200; i++) {
          if (await store.db.selectFrom('import_run').select('id').executeTakeFirst()) break;
          await sleep(20);
        }
        await sleep(150);
        server.process.kill('SIGKILL');
        await pending;
        const stored = (await store.db.selectFrom('activity').select('id').execute()).length;
        expect([0, 1500]).toContain(stored);
        expect(await verifyAuditChain(store.db)).toMatchObject({ ok: true });

        server = await startServer(env);
        try {
          expect(await upload(server.baseUrl)).toBe(201);
          expect((await store.db.selectFrom('activity').select('id').execute()).length).toBe(1500);
        } finally {
          await server.stop();
        }
      } finally {
        await store.close();
        await database.drop();
      }
    }, 120_000);
  });
}

describe('the database going away', () => {
  const postgres = startTestPostgres();
  afterAll(() => postgres.destroy());

  it('gives 503s, not crashes, and service resumes when it is back', async () => {
    const env = { DATABASE_URL: postgres.url() };
    expect((await runCaravan(['db', 'migrate'], env)).code).toBe(0);
    const server = await startServer(env);
    try {
      expect((await fetch(`${server.baseUrl}/api/activities`)).status).toBe(200);
      postgres.stop();
      const down = await fetch(`${server.baseUrl}/api/activities`);
      expect(down.status).toBe(503);
      expect(await down.json()).toEqual({
        error: { code: 'unavailable', message: 'The database is not answering; try again shortly' },
      });
      expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200);
      postgres.start();
      expect((await fetch(`${server.baseUrl}/api/activities`)).status).toBe(200);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });
});

describe('a full disk during import', () => {
  it('is reported clearly, and the database stays consistent', async () => {
    const database = await newTestDatabase('sqlite');
    const env = { DATABASE_URL: database.url };
    expect((await runCaravan(['db', 'migrate'], env)).code).toBe(0);
    const file = join(dir, 'full.xml');
    writeFileSync(
      file,
      iatiDocument(Array.from({ length: 3000 }, (_, i) => activityXml({ id: `FULL-${i}` }))),
    );
    // Files may not grow past 4 MB: the kernel refuses the write (SIGXFSZ ignored gives EFBIG),
    // as a full disk would.
    const child = spawn(
      'sh',
      [
        '-c',
        `trap '' XFSZ; ulimit -f 8192; exec "$0" "$@"`,
        process.execPath,
        CARAVAN,
        'import',
        'iati',
        file,
      ],
      {
        env: { ...process.env, ...env, LOG_LEVEL: 'warn' },
      },
    );
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(stdout + stderr).toMatch(
      /the database could not store it \((database or disk is full|disk I\/O error)\); nothing of this file was stored: check free disk space/,
    );
    const store = openStore(database.url);
    try {
      const stored = (await store.db.selectFrom('activity').select('id').execute()).length;
      expect([0, 3000]).toContain(stored);
      expect(await verifyAuditChain(store.db)).toMatchObject({ ok: true });
    } finally {
      await store.close();
      await database.drop();
    }
  }, 120_000);
});
