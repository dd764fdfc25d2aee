import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../accounts/audit.service.ts';
import { openStore, type Store } from '../db/database.ts';
import { DIALECTS, newTestStore, type TestStore } from '../../test/support/stores.ts';
import type { Db } from '../db/database.ts';
import { addToAgenda, castVote, createMeeting, decide, type Vote } from './committee.service.ts';
import {
  COMMITTEE,
  fund,
  KZ_FOCAL,
  proposalContent,
  RULES,
  SECRETARIAT,
} from './facility.test-support.ts';
import { fundStatement } from './fund.service.ts';
import { createDraft } from './proposal.service.ts';

const PROPOSALS = 50;

/**
 * A proposal on a meeting's agenda with every member's vote. The workflow up to the committee
 * is tested elsewhere; here only the decisions race.
 */
async function votedOn(db: Db, meeting: number, vote: Vote): Promise<number> {
  const { id } = await createDraft(db, KZ_FOCAL, {
    content: proposalContent(['KZ', 'UZ'], '100000'),
  });
  await db
    .updateTable('facility_proposal')
    .set({ state: 'committee' })
    .where('id', '=', id)
    .execute();
  await addToAgenda(db, SECRETARIAT, meeting, id);
  for (const member of COMMITTEE) await castVote(db, member, meeting, id, { vote });
  return id;
}

for (const dialect of DIALECTS) {
  describe(`concurrent approvals on ${dialect}`, () => {
    let store: TestStore;
    let second: Store;

    beforeAll(async () => {
      store = await newTestStore(dialect);
      // A second connection pool on the same database, as a second server would have. Not for
      // SQLite: node:sqlite waits for a lock synchronously, so two connections in one process
      // would stall each other's event loop; one process serialises on its one connection, and
      // separate processes (a server and a CLI) wait for each other through SQLite's lock.
      second = dialect === 'postgres' ? openStore(store.url) : store;
    });
    afterAll(async () => {
      if (second !== store) await second.close();
      await store.dispose();
    });

    it(`never over-commits the fund when ${PROPOSALS} approvals race`, async () => {
      const { db } = store;
      await fund(db, '1000000');
      const meeting = await createMeeting(
        db,
        SECRETARIAT,
        { title: 'Race', heldOn: '2025-06-01' },
        RULES,
      );
      const ids: number[] = [];
      for (let i = 0; i < PROPOSALS; i++) {
        ids.push(await votedOn(db, meeting.id, 'approve'));
      }

      const results = await Promise.allSettled(
        ids.map((id, i) =>
          decide(i % 2 ? second.db : db, COMMITTEE[i % COMMITTEE.length]!, meeting.id, id, {
            decision: 'approve',
            amountUsd: '100000',
            rationale: 'Strong regional case.',
          }),
        ),
      );
      const approved = results.filter((r) => r.status === 'fulfilled').length;
      const refusals = results.flatMap((r) => (r.status === 'rejected' ? [String(r.reason)] : []));
      expect(approved).toBe(10);
      expect(refusals).toHaveLength(PROPOSALS - 10);
      for (const refusal of refusals) expect(refusal).toMatch(/the fund has \$0\.00 available/);

      const statement = await fundStatement(db);
      expect(statement.balances).toMatchObject({
        received: '1000000.00',
        committed: '1000000.00',
        available: '0.00',
      });
      const commitments = await db
        .selectFrom('facility_ledger')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('entry_type', '=', 'commitment')
        .executeTakeFirstOrThrow();
      expect(Number(commitments.n)).toBe(10);
      const states = await db.selectFrom('facility_proposal').select('state').execute();
      expect(states.filter((s) => s.state === 'approved')).toHaveLength(10);
      expect(states.filter((s) => s.state === 'committee')).toHaveLength(PROPOSALS - 10);
      expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
    });

    it('records one of two deferrals of the same item made at once', async () => {
      const { db } = store;
      const meeting = await createMeeting(
        db,
        SECRETARIAT,
        { title: 'Twice', heldOn: '2025-07-01' },
        RULES,
      );
      const id = await votedOn(db, meeting.id, 'defer');

      const results = await Promise.allSettled(
        [db, second.db].map((on, i) =>
          decide(on, COMMITTEE[i]!, meeting.id, id, { decision: 'defer', rationale: `Defer ${i}` }),
        ),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const refusal = results.find((r) => r.status === 'rejected');
      expect(String(refusal?.reason)).toMatch(/was decided at this meeting/);
      const deferrals = await db
        .selectFrom('facility_transition')
        .select('reason')
        .where('proposal_id', '=', id)
        .where('action', '=', 'defer')
        .execute();
      expect(deferrals).toHaveLength(1);
      const item = await db
        .selectFrom('facility_agenda_item')
        .select('rationale')
        .where('proposal_id', '=', id)
        .executeTakeFirstOrThrow();
      expect(item.rationale).toBe(deferrals[0]!.reason);
    });
  });
}
