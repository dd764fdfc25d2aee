import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import { DIALECTS, type TestStore } from '../../test/support/stores.ts';
import type { Database } from '../db/database.ts';
import { newAuditStore } from './audit.fixtures.ts';
import { auditHash, GENESIS_HASH, type AuditRow } from './audit.hash.ts';
import type { AuditEntry } from './audit.schema.ts';
import { appendAudit, listAuditEntries, verifyAuditChain } from './audit.service.ts';

function newEntry(n: number): AuditEntry {
  return {
    actor: 'analyst@carec.test',
    action: 'proposal.update',
    targetType: 'proposal',
    targetId: String(n),
    before: { status: 'draft', amountCents: n * 100 },
    after: { status: 'submitted', amountCents: n * 100 },
    origin: '192.0.2.1',
  };
}

async function appendEntries(db: Kysely<Database>, count: number): Promise<void> {
  for (let n = 1; n <= count; n++) {
    await db.transaction().execute((trx) => appendAudit(trx, newEntry(n)));
  }
}

async function rows(db: Kysely<Database>): Promise<AuditRow[]> {
  const result = await sql<AuditRow>`select * from audit_log order by id`.execute(db);
  return result.rows;
}

for (const dialect of DIALECTS) {
  describe(`the audit log on ${dialect}`, () => {
    let store: TestStore;
    beforeEach(async () => {
      store = await newAuditStore(dialect);
    });
    afterEach(() => store.dispose());

    it('verifies an empty log', async () => {
      expect(await verifyAuditChain(store.db)).toEqual({ ok: true, entries: 0 });
    });

    it('chains each entry to the one before, starting from 64 zeros', async () => {
      await appendEntries(store.db, 5);
      const log = await rows(store.db);
      expect(log.map((r) => r.id)).toEqual([1, 2, 3, 4, 5]);
      expect(log[0]!.prev_hash).toBe(GENESIS_HASH);
      for (const [i, row] of log.entries()) {
        if (i > 0) expect(row.prev_hash).toBe(log[i - 1]!.hash);
        expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
        expect(auditHash(row)).toBe(row.hash);
      }
      expect(await verifyAuditChain(store.db)).toEqual({ ok: true, entries: 5 });
    });

    it('stores before and after as JSON with sorted keys and returns the record', async () => {
      const record = await store.db.transaction().execute((trx) =>
        appendAudit(trx, {
          ...newEntry(1),
          before: undefined,
          after: { z: 1, a: { y: true, b: null } },
        }),
      );
      const [row] = await rows(store.db);
      expect(row!.before).toBeNull();
      expect(row!.after).toBe('{"a":{"b":null,"y":true},"z":1}');
      expect(record).toMatchObject({ id: 1, before: null, after: { z: 1, a: { y: true } } });
      expect(record.hash).toBe(row!.hash);
    });

    it('refuses to append outside a transaction', async () => {
      await expect(appendAudit(store.db, newEntry(1))).rejects.toThrow(/in the transaction/);
    });

    it('drops the entry when the transaction of its change rolls back', async () => {
      await appendEntries(store.db, 1);
      await expect(
        store.db.transaction().execute(async (trx) => {
          await appendAudit(trx, newEntry(2));
          throw new Error('the change failed');
        }),
      ).rejects.toThrow('the change failed');
      await appendEntries(store.db, 1);
      expect((await rows(store.db)).map((r) => r.id)).toEqual([1, 2]);
      expect(await verifyAuditChain(store.db)).toEqual({ ok: true, entries: 2 });
    });

    it('names the entry whose content was edited in the database', async () => {
      await appendEntries(store.db, 5);
      await sql`update audit_log set after = ${'{"amountCents":1,"status":"submitted"}'} where id = 3`.execute(
        store.db,
      );
      expect(await verifyAuditChain(store.db)).toEqual({
        ok: false,
        entries: 2,
        firstBadId: 3,
        reason: 'content does not match its hash (edited)',
      });
    });

    it('names the next entry when an edit also recomputed the edited entry’s hash', async () => {
      await appendEntries(store.db, 5);
      const third = (await rows(store.db))[2]!;
      const forged = { ...third, actor: 'someone.else@carec.test' };
      await sql`update audit_log set actor = ${forged.actor}, hash = ${auditHash(forged)} where id = 3`.execute(
        store.db,
      );
      const result = await verifyAuditChain(store.db);
      expect(result).toMatchObject({ ok: false, entries: 3, firstBadId: 4 });
      expect(result.ok || result.reason).toMatch(/does not follow entry 3/);
    });

    it('detects a deleted entry', async () => {
      await appendEntries(store.db, 5);
      await sql`delete from audit_log where id = 3`.execute(store.db);
      expect(await verifyAuditChain(store.db)).toEqual({
        ok: false,
        entries: 2,
        firstBadId: 4,
        reason: 'entry 3 is missing (deleted)',
      });
    });

    it('detects a deleted entry when the later ones were renumbered to close the gap', async () => {
      await appendEntries(store.db, 5);
      await sql`delete from audit_log where id = 3`.execute(store.db);
      await sql`update audit_log set id = id - 1 where id = 4`.execute(store.db);
      await sql`update audit_log set id = id - 1 where id = 5`.execute(store.db);
      expect(await verifyAuditChain(store.db)).toMatchObject({
        ok: false,
        entries: 2,
        firstBadId: 3,
      });
    });

    it('detects a deleted first entry', async () => {
      await appendEntries(store.db, 3);
      await sql`delete from audit_log where id = 1`.execute(store.db);
      expect(await verifyAuditChain(store.db)).toMatchObject({
        ok: false,
        entries: 0,
        firstBadId: 2,
        reason: 'entry 1 is missing (deleted)',
      });
    });

    it('detects two entries whose contents were swapped', async () => {
      await appendEntries(store.db, 5);
      await swapContents(store.db, 2, 3);
      const result = await verifyAuditChain(store.db);
      expect(result).toMatchObject({ ok: false, entries: 1, firstBadId: 2 });
      expect(result.ok || result.reason).toMatch(/does not follow entry 1/);
    });

    it('finds a break on a later page', async () => {
      await appendEntries(store.db, 7);
      await sql`update audit_log set origin = 'cli' where id = 6`.execute(store.db);
      expect(await verifyAuditChain(store.db, { pageSize: 2 })).toMatchObject({
        ok: false,
        entries: 5,
        firstBadId: 6,
      });
      await sql`update audit_log set origin = '192.0.2.1' where id = 6`.execute(store.db);
      expect(await verifyAuditChain(store.db, { pageSize: 2 })).toEqual({ ok: true, entries: 7 });
    });

    it('keeps one chain under 50 concurrent appends in separate transactions', async () => {
      const records = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          store.db.transaction().execute(async (trx) => {
            // Some work of the change itself before it is recorded, to interleave transactions.
            await sql`select count(*) from audit_log`.execute(trx);
            return appendAudit(trx, newEntry(i + 1));
          }),
        ),
      );
      expect(records).toHaveLength(50);
      expect(await verifyAuditChain(store.db)).toEqual({ ok: true, entries: 50 });
      const log = await rows(store.db);
      expect(new Set(log.map((r) => r.prev_hash)).size).toBe(50);
      expect(log.map((r) => r.id)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
      expect(new Set(log.map((r) => r.target_id)).size).toBe(50);
    });

    it('lists the latest entries, newest first', async () => {
      await appendEntries(store.db, 4);
      const latest = await listAuditEntries(store.db, { limit: 2 });
      expect(latest.map((e) => e.id)).toEqual([4, 3]);
      expect(latest[0]).toMatchObject({
        actor: 'analyst@carec.test',
        targetType: 'proposal',
        targetId: '4',
        before: { status: 'draft', amountCents: 400 },
        origin: '192.0.2.1',
      });
    });
  });
}

const CONTENT = [
  'at',
  'actor',
  'action',
  'target_type',
  'target_id',
  'before',
  'after',
  'origin',
  'prev_hash',
  'hash',
] as const;

/** Exchanges every column but the id of two entries, as someone reordering the log would. */
async function swapContents(db: Kysely<Database>, a: number, b: number): Promise<void> {
  const [rowA, rowB] = (await rows(db)).filter((r) => r.id === a || r.id === b);
  for (const [id, from] of [
    [a, rowB!],
    [b, rowA!],
  ] as const) {
    const assignments = sql.join(CONTENT.map((c) => sql`${sql.ref(c)} = ${from[c]}`));
    await sql`update audit_log set ${assignments} where id = ${id}`.execute(db);
  }
}
