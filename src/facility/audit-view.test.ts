import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEntries } from '../accounts/audit.service.ts';
import { DIALECTS, newTestStore, type TestStore } from '../../test/support/stores.ts';
import { facilityAuditView } from './audit-view.ts';
import type { Caller } from './caller.ts';
import {
  KZ_FOCAL,
  proposalContent,
  proposalInReview,
  REVIEWERS,
  RULES,
  scoreAsReviewer,
  SECRETARIAT,
} from './facility.test-support.ts';
import { createDraft } from './proposal.service.ts';
import { referenceOf } from './proposal.repository.ts';

for (const dialect of DIALECTS) {
  describe(`the facility's view of the audit trail on ${dialect}`, () => {
    let store: TestStore;
    beforeAll(async () => {
      store = await newTestStore(dialect);
    });
    afterAll(() => store.dispose());

    const view = facilityAuditView(RULES);
    const trailAs = async (caller: Caller) => {
      const entries = await listAuditEntries(store.db, { limit: 1000 });
      const seen = await view(store.db, { actor: caller.actor, ip: 'test' }, entries);
      // Every entry keeps its place and hash, whatever it shows.
      expect(seen.map((e) => [e.id, e.hash])).toEqual(entries.map((e) => [e.id, e.hash]));
      return seen;
    };

    it('hides a draft outside its country and scores before they are complete', async () => {
      const { db } = store;
      const draft = await createDraft(db, KZ_FOCAL, { content: proposalContent(['KZ']) });
      const reviewed = referenceOf(await proposalInReview(db, '500000', REVIEWERS.slice(0, 1)));

      const trail = await trailAs(SECRETARIAT);
      const created = trail.find((e) => e.targetId === draft.reference)!;
      expect(created).toMatchObject({
        action: 'proposal.create',
        before: null,
        after: null,
        withheld: 'proposal',
      });
      const ofReviewed = trail.filter((e) => e.targetId === reviewed);
      const score = ofReviewed.find((e) => e.action === 'proposal.score')!;
      expect(score).toMatchObject({ after: null, withheld: 'scores' });
      const submitted = ofReviewed.find((e) => e.action === 'proposal.submit')!;
      expect(submitted.withheld).toBeUndefined();

      // Its own country's focal point sees the draft's entry whole.
      const own = (await trailAs(KZ_FOCAL)).find((e) => e.targetId === draft.reference)!;
      expect(own.withheld).toBeUndefined();
      expect(own.after).toMatchObject({ state: 'draft' });

      for (const reviewer of REVIEWERS.slice(1)) {
        await scoreAsReviewer(db, reviewer, Number(reviewed.slice(4)));
      }
      const scores = (await trailAs(SECRETARIAT)).filter(
        (e) => e.targetId === reviewed && e.action === 'proposal.score',
      );
      expect(scores).toHaveLength(REVIEWERS.length);
      for (const entry of scores) {
        expect(entry.withheld).toBeUndefined();
        expect(entry.after).toMatchObject({ scores: { readiness: 3 } });
      }
    });
  });
}
