import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../src/accounts/audit.service.ts';
import { loadConfig } from '../src/config.ts';
import type { FundStatement } from '../src/facility/fund.service.ts';
import type { ProposalDetail } from '../src/facility/proposal-detail.service.ts';
import { PDF, proposalContent } from '../src/facility/facility.test-support.ts';
import { buildApp } from '../src/server/app.ts';
import { signedIn, type Session } from './support/http.ts';
import { DIALECTS, newTestStore, type TestStore } from './support/stores.ts';

const cents = (usd: string) => Math.round(Number(usd) * 100);
const sum = (values: string[]) => values.reduce((s, v) => s + cents(v), 0);

/** The statement's identities, to the cent: each balance is what the ledger's entries make it. */
function expectBalanced(s: FundStatement): void {
  const b = s.balances;
  expect(cents(b.available)).toBe(cents(b.received) + cents(b.repaid) - cents(b.committed));
  expect(cents(b.cash)).toBe(cents(b.received) + cents(b.repaid) - cents(b.disbursed));
  expect(sum(s.byContributor.map((c) => c.pledgedUsd))).toBe(cents(b.pledged));
  expect(sum(s.byContributor.map((c) => c.receivedUsd))).toBe(cents(b.received));
  expect(sum(s.byCountry.map((c) => c.committed))).toBe(cents(b.committed));
  expect(sum(s.byCountry.map((c) => c.disbursed))).toBe(cents(b.disbursed));
}

const SCORES = {
  climate_impact: 5,
  regional_benefit: 4,
  readiness: 3,
  financing_likelihood: 4,
  gender_inclusion: 3,
};

for (const dialect of DIALECTS) {
  describe(`the facility end to end on ${dialect}`, () => {
    let store: TestStore;
    let app: FastifyInstance;
    let secretariat: Session;
    let kz: Session;
    let uz: Session;
    let reviewers: Session[];
    let kzReviewer: Session;
    let committee: Session[];

    beforeAll(async () => {
      store = await newTestStore(dialect);
      app = await buildApp({
        store,
        config: { ...loadConfig({}), logLevel: 'silent', signInRateLimit: 1000 },
      });
      const user = (
        email: string,
        role: string,
        scope: { country?: string; organisation?: string } = {},
      ) => signedIn(app, store.db, email, [{ role, ...scope }]);
      secretariat = await user('analyst@carec.test', 'secretariat');
      kz = await user('focal.kz@carec.test', 'focal_point', { country: 'KZ' });
      uz = await user('focal.uz@carec.test', 'focal_point', { country: 'UZ' });
      reviewers = [
        await user('reviewer.mn@carec.test', 'reviewer', { country: 'MN' }),
        await user('reviewer.ge@carec.test', 'reviewer', { country: 'GE' }),
        await user('reviewer.wb@carec.test', 'reviewer', { organisation: '44000' }),
      ];
      kzReviewer = await user('reviewer.kz@carec.test', 'reviewer', { country: 'KZ' });
      committee = [
        await user('member.1@carec.test', 'committee'),
        await user('member.2@carec.test', 'committee'),
        await user('member.3@carec.test', 'committee'),
      ];
    });
    afterAll(async () => {
      await app.close();
      await store.dispose();
    });

    async function statement(): Promise<FundStatement> {
      const s = (await app.inject({ url: '/api/facility/statement' })).json<FundStatement>();
      expectBalanced(s);
      return s;
    }

    it('runs a regional proposal from contribution to financed investment, balanced at every step', async () => {
      // Two partners contribute: Korea in won, China in yuan, each with the dollar value at receipt.
      const ledger = '/api/facility/ledger';
      const entry = (body: Record<string, string>) => secretariat.expect(201, 'POST', ledger, body);
      await entry({
        type: 'pledge',
        contributor: 'KR',
        amount: '4000000000',
        currency: 'KRW',
        usd: '3000000',
        valueDate: '2024-11-06',
      });
      await entry({
        type: 'receipt',
        contributor: 'KR',
        amount: '1333333333',
        currency: 'KRW',
        usd: '1000000.33',
        valueDate: '2025-02-10',
      });
      await entry({
        type: 'pledge',
        contributor: 'CN',
        amount: '14400000.00',
        currency: 'CNY',
        usd: '2000000',
        valueDate: '2024-11-06',
      });
      const recorded = await entry({
        type: 'receipt',
        contributor: 'CN',
        amount: '14400000.00',
        currency: 'CNY',
        usd: '1995012.47',
        valueDate: '2025-03-03',
      });
      // An entry as just recorded reads as it does in the ledger's list.
      const { entries } = await secretariat.expect<{ entries: unknown[] }>(200, 'GET', ledger);
      expect(entries.at(-1)).toEqual((recorded as { entry: unknown }).entry);
      let s = await statement();
      expect(s.balances).toMatchObject({
        pledged: '5000000.00',
        received: '2995012.80',
        available: '2995012.80',
      });
      expect(s.byContributor.find((c) => c.currency === 'KRW')).toMatchObject({
        contributor: 'CARAVAN-GOV-KR',
        pledged: '4000000000',
        received: '1333333333',
        outstanding: '2666666667',
      });

      // A Kazakhstan focal point drafts a regional proposal with Uzbekistan.
      const draft = await kz.expect<ProposalDetail>(201, 'POST', '/api/facility/proposals', {
        content: proposalContent(['KZ', 'UZ'], '800000'),
      });
      const url = `/api/facility/proposals/${draft.id}`;
      expect(draft).toMatchObject({
        state: 'draft',
        leadCountry: 'KZ',
        requestedUsd: '800000.00',
        allowedActions: ['submit', 'withdraw'],
      });
      // Drafts are private to their country.
      await uz.expect(403, 'GET', url);
      await secretariat.expect(403, 'GET', url);
      const attach = (who: Session, query: string) =>
        who.expect(201, 'POST', `${url}/documents?${query}`, PDF, {
          'content-type': 'application/pdf',
        });
      await attach(kz, 'kind=concept_note&filename=Concept%20note.pdf');
      await attach(kz, 'kind=terms_of_reference&filename=ToR.pdf');
      await attach(kz, 'kind=endorsement_letter&country=KZ&filename=letter.pdf');
      await kz.expect(200, 'POST', `${url}/endorsements`, { country: 'KZ' });
      const submitted = await kz.expect<ProposalDetail>(200, 'POST', `${url}/transitions`, {
        action: 'submit',
      });
      expect(submitted).toMatchObject({ state: 'submitted', version: 1 });
      // Submission froze the content: the focal point can no longer edit it.
      await kz.expect(409, 'PUT', url, proposalContent(['KZ', 'UZ'], '900000'));

      // Uzbekistan sees it now, and endorses it with its letter.
      await attach(uz, 'kind=endorsement_letter&country=UZ&filename=uz.pdf');
      await uz.expect(200, 'POST', `${url}/endorsements`, {});

      // Eligibility screening passes on every rule.
      const screened = await secretariat.expect<ProposalDetail>(200, 'POST', `${url}/transitions`, {
        action: 'start_screening',
      });
      expect(screened.screening?.verdicts.map((v) => [v.rule, v.passed])).toEqual([
        ['member_countries', true],
        ['relevance', true],
        ['regional', true],
        ['cap_per_proposal', true],
        ['cap_per_country_year', true],
        ['required_documents', true],
        ['endorsements', true],
        ['cofinancing', true],
      ]);
      await secretariat.expect(200, 'POST', `${url}/transitions`, { action: 'pass_screening' });

      // Three reviewers, none from KZ or UZ, score; one from KZ may not.
      const refused = await kzReviewer.expect<{ error: { message: string } }>(
        403,
        'POST',
        `${url}/scores`,
        { scores: SCORES },
      );
      expect(refused.error.message).toMatch(/reviewer from KZ/);
      const first = await reviewers[0]!.expect<{ complete: boolean; scores: unknown[] }>(
        201,
        'POST',
        `${url}/scores`,
        { scores: SCORES },
      );
      expect(first).toMatchObject({ complete: false, received: 1 });
      await reviewers[1]!.expect(201, 'POST', `${url}/scores`, { scores: SCORES });
      const hidden = await reviewers[1]!.expect<ProposalDetail>(200, 'GET', url);
      expect(hidden.scores.scores.map((x) => x.reviewer)).toEqual(['reviewer.ge@carec.test']);
      // Not enough reviews yet for the committee.
      await secretariat.expect(409, 'POST', `${url}/transitions`, { action: 'send_to_committee' });
      const all = await reviewers[2]!.expect<{
        complete: boolean;
        average: number;
        scores: unknown[];
      }>(201, 'POST', `${url}/scores`, { scores: SCORES });
      expect(all).toMatchObject({ complete: true, average: 4.05 });
      expect(all.scores).toHaveLength(3);
      await secretariat.expect(200, 'POST', `${url}/transitions`, { action: 'send_to_committee' });

      // The committee approves at quorum, which commits the grant.
      const meeting = await secretariat.expect<{ id: number }>(
        201,
        'POST',
        '/api/facility/meetings',
        { title: 'First meeting', heldOn: '2025-06-20', quorum: 3 },
      );
      const murl = `/api/facility/meetings/${meeting.id}`;
      await secretariat.expect(200, 'POST', `${murl}/agenda`, { proposal: draft.reference });
      await committee[0]!.expect(200, 'POST', `${murl}/votes`, {
        proposal: draft.reference,
        vote: 'approve',
      });
      await committee[1]!.expect(200, 'POST', `${murl}/votes`, {
        proposal: draft.reference,
        vote: 'approve_with_conditions',
      });
      const decision = {
        proposal: draft.reference,
        decision: 'approve',
        amountUsd: '750000',
        rationale: 'Strong regional case',
      };
      const noQuorum = await committee[0]!.expect<{ error: { message: string } }>(
        409,
        'POST',
        `${murl}/decisions`,
        decision,
      );
      expect(noQuorum.error.message).toMatch(/2 of the 3 votes/);
      await committee[2]!.expect(200, 'POST', `${murl}/votes`, {
        proposal: draft.reference,
        vote: 'approve',
      });
      await committee[0]!.expect(200, 'POST', `${murl}/decisions`, decision);
      s = await statement();
      expect(s.balances).toMatchObject({
        committed: '750000.00',
        available: '2245012.80',
        disbursed: '0.00',
      });
      expect(s.byCountry).toEqual([
        { country: 'KZ', committed: '375000.00', disbursed: '0.00', grants: 1 },
        { country: 'UZ', committed: '375000.00', disbursed: '0.00', grants: 1 },
      ]);

      // Preparation: two milestones, two disbursements, completion.
      const m1 = await secretariat.expect<{ id: number }>(201, 'POST', `${url}/milestones`, {
        title: 'Inception report',
        dueOn: '2025-09-30',
        amountUsd: '400000',
      });
      // Not all of the grant is planned yet.
      await secretariat.expect(409, 'POST', `${url}/transitions`, { action: 'start_preparation' });
      const m2 = await secretariat.expect<{ id: number }>(201, 'POST', `${url}/milestones`, {
        title: 'Final feasibility study',
        dueOn: '2026-03-31',
        amountUsd: '350000',
      });
      await secretariat.expect(200, 'POST', `${url}/transitions`, { action: 'start_preparation' });
      for (const [milestone, amount] of [
        [m1, '400000'],
        [m2, '300000.01'],
      ] as const) {
        await secretariat.expect(200, 'POST', `/api/facility/milestones/${milestone.id}/met`, {
          deliverable: 'Accepted report',
        });
        await secretariat.expect(
          201,
          'POST',
          `/api/facility/milestones/${milestone.id}/disbursements`,
          // Paid the day it is recorded: after the committee's commitment, not in the future.
          { amountUsd: amount, valueDate: new Date().toISOString().slice(0, 10) },
        );
        await statement();
      }
      const completed = await secretariat.expect<ProposalDetail>(
        200,
        'POST',
        `${url}/transitions`,
        { action: 'complete' },
      );
      expect(completed.grant).toMatchObject({
        committedUsd: '700000.01',
        disbursedUsd: '700000.01',
        undisbursedUsd: '0.00',
      });
      s = await statement();
      expect(s.balances).toMatchObject({
        committed: '700000.01',
        disbursed: '700000.01',
        available: '2295012.79',
        cash: '2295012.79',
      });

      // The investment is financed and linked; leverage follows.
      const financed = await secretariat.expect<ProposalDetail>(200, 'POST', `${url}/financing`, {
        iatiIdentifier: 'XM-DAC-46004-TEST-0001',
        amountUsd: '120000000',
      });
      expect(financed).toMatchObject({
        state: 'financed',
        investment: {
          iatiIdentifier: 'XM-DAC-46004-TEST-0001',
          amountUsd: '120000000.00',
          financier: 'XM-DAC-46004',
        },
      });
      const outcomes = (await app.inject({ url: '/api/facility/outcomes' })).json<{
        facility: { leverage: number };
        byCountry: { country: string; leverage: number }[];
        funnel: { state: string; proposals: number }[];
      }>();
      expect(outcomes.facility).toEqual({
        investmentUsd: '120000000.00',
        preparationUsd: '700000.01',
        leverage: 171.43,
      });
      expect(outcomes.byCountry.map((c) => [c.country, c.leverage])).toEqual([
        ['KZ', 171.43],
        ['UZ', 171.43],
      ]);
      expect(outcomes.funnel.every((f) => f.proposals === 1)).toBe(true);
      const pipeline = (await app.inject({ url: '/api/facility/pipeline' })).json<{
        proposals: { reference: string; state: string; grantUsd: string }[];
      }>();
      expect(pipeline.proposals).toEqual([
        expect.objectContaining({
          reference: draft.reference,
          state: 'financed',
          grantUsd: '700000.01',
        }),
      ]);
      await statement();

      const history = financed.transitions.map((t) => t.to);
      expect(history).toEqual([
        'draft',
        'submitted',
        'screening',
        'technical_review',
        'committee',
        'approved',
        'in_preparation',
        'completed',
        'financed',
      ]);
      expect(await verifyAuditChain(store.db)).toMatchObject({ ok: true });
      const actions = await store.db
        .selectFrom('audit_log')
        .select('action')
        .where('target_id', '=', draft.reference)
        .execute();
      expect(actions.map((a) => a.action)).toEqual(
        expect.arrayContaining([
          'proposal.submit',
          'proposal.approve',
          'grant.disburse',
          'proposal.finance',
        ]),
      );
    });
  });
}
