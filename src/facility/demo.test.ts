import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../accounts/audit.service.ts';
import { loadDemoPortfolio } from '../portfolio/demo.service.ts';
import { syncReferenceData } from '../reference/reference.repository.ts';
import { DIALECTS, newTestStore, type TestStore } from '../../test/support/stores.ts';
import { loadDemoFacility } from './demo.ts';
import { RULES } from './facility.test-support.ts';
import { fundStatement } from './fund.service.ts';
import { facilityOutcomes } from './outcomes.service.ts';
import { findProposals } from './proposal.repository.ts';
import { STATES } from './workflow.ts';

for (const dialect of DIALECTS) {
  describe(`the demo facility on ${dialect}`, () => {
    let store: TestStore;

    beforeAll(async () => {
      store = await newTestStore(dialect);
      await syncReferenceData(store.db);
      await loadDemoPortfolio(store.db);
      expect(await loadDemoFacility(store.db, RULES)).toEqual({ loaded: true, proposals: 13 });
    }, 60_000);
    afterAll(() => store.dispose());

    it('holds the contributions as signed: PRC $2 million, Korea $1 million received and $2 million more pledged', async () => {
      const statement = await fundStatement(store.db);
      expect(statement.balances).toMatchObject({ pledged: '5000000.00', received: '3000000.00' });
      expect(
        statement.byContributor.map((c) => [c.contributor, c.receivedUsd, c.outstanding]),
      ).toEqual([
        ['CARAVAN-GOV-CN', '2000000.00', '0.00'],
        ['CARAVAN-GOV-KR', '1000000.00', '2000000.00'],
      ]);
    });

    it('has a demo proposal in every state, each labelled as demo data', async () => {
      const proposals = await findProposals(store.db);
      expect(new Set(proposals.map((p) => p.state))).toEqual(new Set(STATES));
      for (const p of proposals) expect(p.title).toMatch(/\(demo\)$/);
    });

    it('leads to an investment in the demo portfolio, with its leverage and a history of months', async () => {
      const outcomes = await facilityOutcomes(store.db);
      expect(outcomes.byProposal).toHaveLength(1);
      expect(outcomes.byProposal[0]!.iatiIdentifier).toMatch(/CARAVAN-DEMO/);
      expect(outcomes.facility.leverage).toBeGreaterThan(10);
      const preparation = outcomes.stageDays.find((s) => s.state === 'in_preparation');
      expect(preparation?.meanDays).toBeGreaterThan(100);
      expect(await verifyAuditChain(store.db)).toMatchObject({ ok: true });
    });

    it('adds nothing when loaded again', async () => {
      expect(await loadDemoFacility(store.db, RULES)).toEqual({ loaded: false, proposals: 0 });
      expect(await findProposals(store.db)).toHaveLength(13);
    });
  });
}
