import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAuditEntries } from '../src/accounts/audit.service.ts';
import { actingAs } from '../src/facility/caller.ts';
import { syncReferenceData } from '../src/reference/reference.repository.ts';
import { importIati } from '../src/iati/import.service.ts';
import { ActivitiesQuerySchema } from '../src/portfolio/activities.schema.ts';
import { listActivities } from '../src/portfolio/activities.service.ts';
import { getActivity } from '../src/portfolio/activity-detail.service.ts';
import { AggregateQuerySchema } from '../src/portfolio/aggregate.schema.ts';
import { aggregate } from '../src/portfolio/aggregate.service.ts';
import { getCuration, setCuration } from '../src/portfolio/curation.service.ts';
import { verifyRollups } from '../src/portfolio/rollup-verify.service.ts';
import { activityXml, iatiDocument, textSource } from './support/iati-fixtures.ts';
import { DIALECTS, newTestStore, type TestStore } from './support/stores.ts';

const secretariat = actingAs('analyst@example.org', 'secretariat');
const partner = actingAs('officer@example.org', 'partner_officer', {
  organisation: 'XM-DAC-46004',
});

for (const dialect of DIALECTS) {
  describe(`curating activities on ${dialect}`, () => {
    let store: TestStore;
    beforeEach(async () => {
      store = await newTestStore(dialect);
      await syncReferenceData(store.db);
    });
    afterEach(() => store.dispose());

    const load = (title = 'Road section') =>
      importIati(
        store.db,
        [
          textSource(
            'roads.xml',
            iatiDocument([
              activityXml({ id: 'ROAD', title, value: '1000.00' }),
              activityXml({ id: 'OTHER', value: '500.00' }),
            ]),
          ),
        ],
        { dryRun: false, label: 'curation test', actor: 'test', origin: 'test' },
      );
    const byCluster = async () =>
      (await aggregate(store.db, AggregateQuerySchema.parse({ by: 'cluster' }))).rows;
    const corridorTotal = async (n: string) =>
      (await aggregate(store.db, AggregateQuerySchema.parse({ corridor: n }))).total;
    const found = async (params: Record<string, string>) =>
      (await listActivities(store.db, ActivitiesQuerySchema.parse(params))).items.map(
        (item) => item.iatiIdentifier,
      );

    it('moves an activity to its cluster and corridors everywhere the portfolio counts', async () => {
      await load();
      // A road (DAC 21020) falls in cluster 3 by its sector, on no corridor.
      expect(await byCluster()).toEqual([{ cluster: 3, value: 1500 }]);
      expect(await corridorTotal('2')).toBe(0);

      const result = await setCuration(store.db, secretariat, 'ROAD', {
        cluster: 2,
        corridors: [3, 2],
      });
      expect(result.outcome).toBe('recorded');
      expect(result.curation).toMatchObject({ cluster: 2, corridors: [2, 3] });

      expect(await byCluster()).toEqual([
        { cluster: 2, value: 1000 },
        { cluster: 3, value: 500 },
      ]);
      expect(await corridorTotal('2')).toBe(1000);
      expect(await found({ corridor: '3' })).toEqual(['ROAD']);
      expect(await found({ cluster: '2', q: 'road' })).toEqual(['ROAD']);
      expect((await getActivity(store.db, 'ROAD')).activity).toMatchObject({
        cluster: 2,
        corridors: [2, 3],
      });
      expect(await verifyRollups(store.db)).toEqual([]);

      const audit = (await listAuditEntries(store.db, { limit: 5 })).filter(
        (e) => e.action === 'portfolio.curation.set',
      );
      expect(audit).toHaveLength(1);
      expect(audit[0]!.targetId).toBe('ROAD');
    });

    it('outlives importing the same file again and a newer version of the activity', async () => {
      await load();
      await setCuration(store.db, secretariat, 'ROAD', { cluster: 4, corridors: [1] });

      const again = await load();
      expect(again.totals).toMatchObject({ unchanged: 2, replaced: 0 });
      const newer = await load('Road section, revised');
      expect(newer.totals).toMatchObject({ unchanged: 1, replaced: 1 });

      expect((await getActivity(store.db, 'ROAD')).activity).toMatchObject({
        titles: [{ lang: 'en', text: 'Road section, revised' }],
        cluster: 4,
        corridors: [1],
      });
      expect(await byCluster()).toEqual([
        { cluster: 4, value: 1000 },
        { cluster: 3, value: 500 },
      ]);
      expect(await found({ corridor: '1' })).toEqual(['ROAD']);
      expect(await verifyRollups(store.db)).toEqual([]);
    });

    it('clears a cluster back to the sectors’ and says when nothing changed', async () => {
      await load();
      await setCuration(store.db, secretariat, 'ROAD', { cluster: 5, corridors: [6] });
      const cleared = await setCuration(store.db, secretariat, 'ROAD', {
        cluster: null,
        corridors: [],
      });
      expect(cleared.outcome).toBe('replaced');
      expect(await byCluster()).toEqual([{ cluster: 3, value: 1500 }]);
      expect(await found({ corridor: '6' })).toEqual([]);
      const same = await setCuration(store.db, secretariat, 'ROAD', {
        cluster: null,
        corridors: [],
      });
      expect(same.outcome).toBe('unchanged');
      expect(await getCuration(store.db, 'ROAD')).toMatchObject({ cluster: null, corridors: [] });
    });

    it('refuses a wrong tag or an unknown activity, naming the field, and stores nothing', async () => {
      await load();
      const refused = [
        [{ cluster: 9, corridors: [] }, /cluster: not a CAREC cluster/],
        [{ cluster: 1, corridors: [7] }, /corridors\.0: not a CAREC corridor/],
        [{ cluster: 1, corridors: [2, 2] }, /corridors: a corridor is listed twice/],
        [{ cluster: '1', corridors: [] }, /cluster:/],
        [{ cluster: 1, corridors: [], note: 'x' }, /note|unrecognized/i],
      ] as const;
      for (const [body, message] of refused) {
        await expect(setCuration(store.db, secretariat, 'ROAD', body)).rejects.toThrow(message);
      }
      await expect(
        setCuration(store.db, secretariat, 'NOWHERE', { cluster: 1, corridors: [] }),
      ).rejects.toThrow(/no stored activity NOWHERE/);
      await expect(
        setCuration(store.db, partner, 'ROAD', { cluster: 1, corridors: [] }),
      ).rejects.toThrow();
      expect(await getCuration(store.db, 'ROAD')).toBeNull();
      expect(await byCluster()).toEqual([{ cluster: 3, value: 1500 }]);
    });
  });
}
