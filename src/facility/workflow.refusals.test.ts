import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Migrator } from 'kysely/migration';
import type { Db } from '../db/database.ts';
import { MIGRATIONS } from '../db/migrations/index.ts';
import { DIALECTS, newTestStore, type TestStore } from '../../test/support/stores.ts';
import { addToAgenda, castVote, createMeeting, decide, getMeeting } from './committee.service.ts';
import {
  COMMITTEE,
  fund,
  KZ_FOCAL,
  PDF,
  person,
  proposalBeforeCommittee,
  proposalContent,
  REVIEWERS,
  RULES,
  SECRETARIAT,
  UZ_FOCAL,
} from './facility.test-support.ts';
import { addDocument } from './document.service.ts';
import { recordFundEntry } from './fund.service.ts';
import { addMilestone, disburse, markMilestoneMet } from './preparation.service.ts';
import { createDraft, endorse, updateDraft, visibleProposal } from './proposal.service.ts';
import { requireProposal } from './proposal.repository.ts';
import { facilityOutcomes } from './outcomes.service.ts';
import { screeningOf } from './screening.service.ts';
import { submitScore } from './review.service.ts';
import { transition } from './workflow.service.ts';

const TABLES = [
  'facility_proposal',
  'facility_proposal_country',
  'facility_proposal_version',
  'facility_transition',
  'facility_score',
  'facility_agenda_item',
  'facility_vote',
  'facility_milestone',
  'facility_ledger',
  'audit_log',
] as const;

/** Every row of the facility's tables and the audit log, to show a refusal changed nothing. */
async function snapshot(db: Db): Promise<unknown[]> {
  const all: unknown[] = [];
  for (const table of TABLES) all.push(await db.selectFrom(table).selectAll().execute());
  return all;
}

const SCORES = {
  climate_impact: 3,
  regional_benefit: 3,
  readiness: 3,
  financing_likelihood: 3,
  gender_inclusion: 3,
};

for (const dialect of DIALECTS) {
  describe(`illegal moves on ${dialect}`, () => {
    let store: TestStore;
    let meetingId: number;
    let inCommittee: number;
    let inPreparation: { id: number; milestone: number };

    beforeAll(async () => {
      store = await newTestStore(dialect);
      const { db } = store;
      await fund(db, '2000000');
      meetingId = (
        await createMeeting(db, SECRETARIAT, { title: 'M1', heldOn: '2025-06-01' }, RULES)
      ).id;
      inCommittee = await proposalBeforeCommittee(db);
      await addToAgenda(db, SECRETARIAT, meetingId, inCommittee);
      for (const member of COMMITTEE)
        await castVote(db, member, meetingId, inCommittee, { vote: 'approve' });

      const id = await proposalBeforeCommittee(db, '500000');
      await addToAgenda(db, SECRETARIAT, meetingId, id);
      for (const member of COMMITTEE)
        await castVote(db, member, meetingId, id, { vote: 'approve' });
      await decide(db, COMMITTEE[0]!, meetingId, id, {
        decision: 'approve',
        amountUsd: '500000',
        rationale: 'Good',
      });
      const milestone = await addMilestone(db, SECRETARIAT, id, {
        title: 'All',
        dueOn: '2026-01-01',
        amountUsd: '500000',
      });
      await transition(db, SECRETARIAT, id, 'start_preparation', undefined, RULES);
      await markMilestoneMet(db, SECRETARIAT, milestone.id, { deliverable: 'Study' });
      inPreparation = { id, milestone: milestone.id };
    });
    afterAll(() => store.dispose());

    async function refused(
      attempt: () => Promise<unknown>,
      code: string,
      message: RegExp,
    ): Promise<void> {
      const before = await snapshot(store.db);
      const error = await attempt().then(
        () => null,
        (e: unknown) => e as { code?: string; message?: string },
      );
      expect(error?.code).toBe(code);
      expect(error?.message).toMatch(message);
      expect(await snapshot(store.db)).toEqual(before);
    }

    it('refuses a reviewer approving', () =>
      refused(
        () =>
          decide(store.db, REVIEWERS[0]!, meetingId, inCommittee, {
            decision: 'approve',
            amountUsd: '1',
            rationale: 'x',
          }),
        'forbidden',
        /do not allow facility.decide/,
      ));

    it('refuses a reviewer moving the workflow, and a focal point screening', async () => {
      await refused(
        () => transition(store.db, REVIEWERS[0]!, inCommittee, 'return', 'no', RULES),
        'forbidden',
        /facility.manage/,
      );
      await refused(
        () => transition(store.db, KZ_FOCAL, inCommittee, 'start_screening', undefined, RULES),
        'forbidden',
        /facility.manage/,
      );
    });

    it('refuses a focal point scoring', () =>
      refused(
        () => submitScore(store.db, KZ_FOCAL, inCommittee, { scores: SCORES }, RULES),
        'forbidden',
        /facility.review/,
      ));

    it('refuses approving a withdrawn proposal', async () => {
      const { db } = store;
      const id = await proposalBeforeCommittee(db, '100000');
      const meeting = (
        await createMeeting(db, SECRETARIAT, { title: 'M2', heldOn: '2025-07-01' }, RULES)
      ).id;
      await addToAgenda(db, SECRETARIAT, meeting, id);
      for (const member of COMMITTEE) await castVote(db, member, meeting, id, { vote: 'approve' });
      await transition(
        db,
        KZ_FOCAL,
        id,
        'withdraw',
        'The government chose another financier',
        RULES,
      );
      await refused(
        () =>
          decide(db, COMMITTEE[1]!, meeting, id, {
            decision: 'approve',
            amountUsd: '100000',
            rationale: 'Good',
          }),
        'conflict',
        /PPF-\d+ was withdrawn before the committee decided at this meeting/,
      );
    });

    it('lets no vote cast before a return decide the resubmitted version', async () => {
      const { db } = store;
      const id = await proposalBeforeCommittee(db, '100000');
      const meeting = async (title: string) =>
        (await createMeeting(db, SECRETARIAT, { title, heldOn: '2025-08-01' }, RULES)).id;
      const first = await meeting('M3');
      await addToAgenda(db, SECRETARIAT, first, id);
      for (const member of COMMITTEE) await castVote(db, member, first, id, { vote: 'approve' });
      await transition(db, SECRETARIAT, id, 'return', 'The budget needs a second look', RULES);

      const returned = /was returned before the committee decided at this meeting/;
      await refused(
        () => castVote(db, COMMITTEE[0]!, first, id, { vote: 'reject' }),
        'conflict',
        returned,
      );
      const closed = (await getMeeting(db, SECRETARIAT, first)).agenda[0]!;
      expect(closed.votes).toHaveLength(3);
      expect(closed.decision).toMatchObject({
        decision: 'returned',
        rationale: 'The budget needs a second look',
        decidedBy: SECRETARIAT.name,
        amountCents: null,
      });

      await transition(db, KZ_FOCAL, id, 'submit', undefined, RULES);
      await transition(db, SECRETARIAT, id, 'start_screening', undefined, RULES);
      await transition(db, SECRETARIAT, id, 'pass_screening', undefined, RULES);
      for (const reviewer of REVIEWERS)
        await submitScore(db, reviewer, id, { scores: SCORES }, RULES);
      await transition(db, SECRETARIAT, id, 'send_to_committee', undefined, RULES);
      const second = await meeting('M4');
      await addToAgenda(db, SECRETARIAT, second, id);
      const approval = { decision: 'approve' as const, amountUsd: '100000', rationale: 'Good' };
      await refused(() => decide(db, COMMITTEE[0]!, first, id, approval), 'conflict', returned);
      await refused(
        () => decide(db, COMMITTEE[0]!, second, id, approval),
        'conflict',
        /0 of the 3 votes the quorum needs/,
      );
    });

    it('counts a proposal against the cap of the year it was submitted, not screened', async () => {
      const { db } = store;
      const at = (caller: typeof KZ_FOCAL, iso: string) => ({
        ...caller,
        clock: () => new Date(iso),
      });
      const { id } = await createDraft(db, KZ_FOCAL, {
        content: proposalContent(['KZ'], '250000'),
      });
      for (const kind of ['concept_note', 'terms_of_reference'] as const) {
        await addDocument(db, KZ_FOCAL, id, { kind, filename: `${kind}.pdf`, body: PDF });
      }
      const letter = {
        kind: 'endorsement_letter' as const,
        country: 'KZ',
        filename: 'kz.pdf',
        body: PDF,
      };
      await addDocument(db, KZ_FOCAL, id, letter);
      await endorse(db, KZ_FOCAL, id, 'KZ');
      await transition(db, at(KZ_FOCAL, '2031-12-20T10:00:00Z'), id, 'submit', undefined, RULES);
      await transition(
        db,
        at(SECRETARIAT, '2032-01-05T10:00:00Z'),
        id,
        'start_screening',
        undefined,
        RULES,
      );
      const cap = (await screeningOf(db, await requireProposal(db, id)))!.verdicts.find(
        (v) => v.rule === 'cap_per_country_year',
      );
      expect(cap?.detail).toMatch(/^KZ requests \$250000\.00 in 2031, this proposal included/);
    });

    it('shows a focal point only the agenda items of its own countries', async () => {
      const { db } = store;
      const seen = async (caller: typeof KZ_FOCAL) =>
        (await getMeeting(db, caller, meetingId)).agenda.map((i) => i.proposalId);
      expect(await seen(SECRETARIAT)).toContain(inCommittee);
      expect(await seen(KZ_FOCAL)).toContain(inCommittee);
      const mongolia = person('focal.mn@carec.test', 'focal_point', { country: 'MN' });
      expect(await seen(mongolia)).toEqual([]);
    });

    it('has items left open by an earlier return closed by migration 048', async () => {
      const { db } = store;
      const id = await proposalBeforeCommittee(db, '100000');
      const meeting = (
        await createMeeting(db, SECRETARIAT, { title: 'M5', heldOn: '2025-09-01' }, RULES)
      ).id;
      await addToAgenda(db, SECRETARIAT, meeting, id);
      await castVote(db, COMMITTEE[0]!, meeting, id, { vote: 'approve' });
      await transition(db, KZ_FOCAL, id, 'withdraw', 'Financed elsewhere', RULES);
      // As the code before it left them: open, with their votes.
      const reopen = { decision: null, rationale: null, decided_by: null, decided_at: null };
      await db
        .updateTable('facility_agenda_item')
        .set(reopen)
        .where('proposal_id', '=', id)
        .execute();
      expect((await getMeeting(db, SECRETARIAT, meeting)).agenda[0]!.decision).toBeNull();

      const migrator = new Migrator({
        db,
        provider: { getMigrations: () => Promise.resolve({ ...MIGRATIONS }) },
      });
      expect(
        (await migrator.migrateTo('2026_11_30_047_search_in_sort_order')).error,
      ).toBeUndefined();
      expect((await migrator.migrateToLatest()).error).toBeUndefined();
      const [item] = (await getMeeting(db, SECRETARIAT, meeting)).agenda;
      expect(item!.decision).toMatchObject({
        decision: 'withdrawn',
        rationale: 'Financed elsewhere',
        decidedBy: KZ_FOCAL.name,
      });
      expect(item!.votes).toHaveLength(1);
      const inCommitteeItem = (await getMeeting(db, SECRETARIAT, meetingId)).agenda.find(
        (i) => i.proposalId === inCommittee,
      );
      expect(inCommitteeItem!.decision).toBeNull();
    });

    it('refuses disbursing beyond the grant, and before a milestone is met', async () => {
      await refused(
        () =>
          disburse(store.db, SECRETARIAT, inPreparation.milestone, {
            amountUsd: '500000.01',
            valueDate: '2025-10-01',
          }),
        'conflict',
        /has \$500000\.00 left to disburse, less than \$500000\.01/,
      );
      await refused(
        () =>
          addMilestone(store.db, SECRETARIAT, inPreparation.id, {
            title: 'Extra',
            dueOn: '2026-01-01',
            amountUsd: '1',
          }),
        'conflict',
        /more than the \$500000\.00 grant/,
      );
    });

    it('refuses entries dated after today, and payments dated before the grant', async () => {
      const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
      const receipt = (valueDate: string) => () =>
        recordFundEntry(store.db, SECRETARIAT, {
          type: 'receipt',
          contributor: 'CN',
          amount: '1',
          currency: 'USD',
          valueDate,
        });
      await refused(
        receipt(tomorrow),
        'bad_request',
        /valueDate: .* is after today .*; record an entry once it has happened/,
      );
      await refused(receipt('2024-13-45'), 'bad_request', /^valueDate: a date YYYY-MM-DD$/);
      await refused(
        () =>
          addMilestone(store.db, SECRETARIAT, inPreparation.id, {
            title: 'Impossible',
            dueOn: '2024-02-30',
            amountUsd: '1',
          }),
        'bad_request',
        /^dueOn: a date YYYY-MM-DD$/,
      );
      await refused(
        () =>
          disburse(store.db, SECRETARIAT, inPreparation.milestone, {
            amountUsd: '1',
            valueDate: '2001-01-01',
          }),
        'bad_request',
        /valueDate: 2001-01-01 is before the grant was committed \(\d{4}-\d{2}-\d{2}\)/,
      );
    });

    it('refuses approving more than was requested, and without a rationale', async () => {
      await refused(
        () =>
          decide(store.db, COMMITTEE[0]!, meetingId, inCommittee, {
            decision: 'approve',
            amountUsd: '800000.01',
            rationale: 'Good',
          }),
        'bad_request',
        /more than the \$800000\.00 requested/,
      );
      await refused(
        () =>
          decide(store.db, COMMITTEE[0]!, meetingId, inCommittee, {
            decision: 'approve',
            amountUsd: '1',
            rationale: ' ',
          }),
        'bad_request',
        /rationale/,
      );
    });

    it('refuses a decision the votes do not support', async () => {
      await refused(
        () =>
          decide(store.db, COMMITTEE[0]!, meetingId, inCommittee, {
            decision: 'reject',
            rationale: 'No',
          }),
        'conflict',
        /do not support reject/,
      );
    });

    it('keeps a draft private to its country and uneditable by others', async () => {
      const { db } = store;
      const draft = await createDraft(db, UZ_FOCAL, { content: proposalContent(['UZ', 'KZ']) });
      await expect(visibleProposal(db, KZ_FOCAL, draft.id)).rejects.toMatchObject({
        code: 'forbidden',
      });
      await expect(visibleProposal(db, SECRETARIAT, draft.id)).rejects.toMatchObject({
        code: 'forbidden',
      });
      await refused(
        () => updateDraft(db, KZ_FOCAL, draft.id, proposalContent(['KZ'])),
        'forbidden',
        /facility.propose/,
      );
      await refused(
        () => transition(db, KZ_FOCAL, draft.id, 'submit', undefined, RULES),
        'forbidden',
        /facility.propose/,
      );
      await refused(
        () => createDraft(db, KZ_FOCAL, { content: proposalContent(['UZ']) }),
        'bad_request',
        /must include the lead country KZ/,
      );
      expect((await visibleProposal(db, UZ_FOCAL, draft.id)).state).toBe('draft');
    });

    it('refuses a meeting on a day the calendar does not have', async () => {
      for (const heldOn of ['2023-02-30', '2025-13-01', '1 June 2025']) {
        await refused(
          () => createMeeting(store.db, SECRETARIAT, { title: 'M', heldOn }, RULES),
          'bad_request',
          /^heldOn: ".*" is not a date YYYY-MM-DD$/,
        );
      }
    });

    it('keeps a draft withdrawn unsubmitted private, and one withdrawn after submission not', async () => {
      const { db } = store;
      const outcomes = await facilityOutcomes(db);
      const draft = await createDraft(db, KZ_FOCAL, { content: proposalContent(['KZ']) });
      await transition(db, KZ_FOCAL, draft.id, 'withdraw', 'Not going ahead', RULES);
      // Nor do the public outcomes count its days in draft.
      expect(await facilityOutcomes(db)).toEqual(outcomes);
      await expect(visibleProposal(db, SECRETARIAT, draft.id)).rejects.toMatchObject({
        code: 'forbidden',
      });
      expect((await visibleProposal(db, KZ_FOCAL, draft.id)).state).toBe('withdrawn');

      const submitted = await proposalBeforeCommittee(db);
      await transition(db, KZ_FOCAL, submitted, 'withdraw', 'Financed elsewhere', RULES);
      const seen = await visibleProposal(db, SECRETARIAT, submitted);
      expect(seen).toMatchObject({ state: 'withdrawn', everSubmitted: true });
    });

    it('refuses submitting an incomplete draft, naming what is missing', async () => {
      const { db } = store;
      const draft = await createDraft(db, KZ_FOCAL, {
        content: { title: { en: 'Half a proposal' }, countries: ['KZ'] },
      });
      await refused(
        () => transition(db, KZ_FOCAL, draft.id, 'submit', undefined, RULES),
        'bad_request',
        /summary\.en: a summary is required; cluster: choose a CAREC cluster/,
      );
    });

    it('refuses a reviewer from an organisation that would finance the proposal', async () => {
      const adbReviewer = person('reviewer.adb@carec.test', 'reviewer', {
        organisation: 'XM-DAC-46004',
      });
      // Put straight into technical review: the path there is tested above.
      const draft = await createDraft(store.db, KZ_FOCAL, { content: proposalContent(['KZ']) });
      await store.db
        .updateTable('facility_proposal')
        .set({ state: 'technical_review', version: 1 })
        .where('id', '=', draft.id)
        .execute();
      await refused(
        () => submitScore(store.db, adbReviewer, draft.id, { scores: SCORES }, RULES),
        'forbidden',
        /reviewer from XM-DAC-46004, which would finance or co-finance it/,
      );
    });
  });
}
