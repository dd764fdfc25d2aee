import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEntries } from '../accounts/audit.service.ts';
import { DIALECTS, newTestStore, type TestStore } from '../../test/support/stores.ts';
import { actingAs } from '../facility/caller.ts';
import { importSharesCsv } from './climate-import.service.ts';
import { listShares, removeShares, setShares } from './climate-share.service.ts';
import { newActivity, storeTestActivities } from './climate.test-support.ts';

const analyst = actingAs('analyst@example.org', 'secretariat');
const focalPoint = actingAs('focal@example.org', 'focal_point', { country: 'KZ' });
const whole = (mitigation: string, adaptation: string, dual = '0') => ({
  source: 'Test: annex',
  assessedOn: '2024-05-01',
  components: [{ mitigationPercent: mitigation, adaptationPercent: adaptation, dualPercent: dual }],
});

const CSV = `iati_identifier,component,component_percent,mitigation_percent,adaptation_percent,dual_percent,source,assessed_on
ROAD,Pavement,70,0,20,5,"Bank report, climate annex",2024-03-31
ROAD,Drainage,30,0,60,0,"Bank report, climate annex",2024-03-31
RAIL,,,75,0,0,Bank report,2024-03-31
NOWHERE,,,10,0,0,Bank report,2024-03-31
BAD,,,80,30,0,Bank report,2024-03-31
`;

for (const dialect of DIALECTS) {
  describe(`climate shares on ${dialect}`, () => {
    let store: TestStore;
    beforeAll(async () => {
      store = await newTestStore(dialect);
      await storeTestActivities(
        store.db,
        ['ROAD', 'RAIL', 'BAD', 'SET'].map((id) => newActivity(id)),
      );
    });
    afterAll(() => store.dispose());

    it('records, replaces, keeps unchanged and removes shares, each change audited', async () => {
      expect((await setShares(store.db, analyst, 'SET', whole('40', '10'))).outcome).toBe(
        'recorded',
      );
      expect((await setShares(store.db, analyst, 'SET', whole('40', '10'))).outcome).toBe(
        'unchanged',
      );
      const replaced = await setShares(store.db, analyst, 'SET', whole('40', '10', '5'));
      expect(replaced.outcome).toBe('replaced');
      expect(replaced.shares.components).toEqual([
        {
          component: '',
          componentPercent: '100',
          mitigationPercent: '40',
          adaptationPercent: '10',
          dualPercent: '5',
        },
      ]);
      await removeShares(store.db, analyst, 'SET');
      await expect(listShares(store.db, 'SET')).rejects.toThrow(/no climate shares/);
      const actions = (await listAuditEntries(store.db, { limit: 10 }))
        .filter((e) => e.targetId === 'SET')
        .map((e) => e.action);
      expect(actions).toEqual([
        'climate.shares.remove',
        'climate.shares.set',
        'climate.shares.set',
      ]);
    });

    it('refuses shares that do not add up, naming the place, and stores nothing', async () => {
      await expect(setShares(store.db, analyst, 'SET', whole('80', '30'))).rejects.toThrow(
        /components\.0: mitigation, adaptation and dual shares add up to more than 100%/,
      );
      await expect(
        setShares(store.db, analyst, 'SET', {
          ...whole('1', '1'),
          components: [
            {
              component: 'A',
              componentPercent: '60',
              mitigationPercent: '1',
              adaptationPercent: '0',
            },
            {
              component: 'B',
              componentPercent: '50',
              mitigationPercent: '1',
              adaptationPercent: '0',
            },
          ],
        }),
      ).rejects.toThrow(/componentPercent adds up to more than 100%/);
      await expect(
        setShares(store.db, analyst, 'SET', { ...whole('1', '1'), assessedOn: '2024-02-30' }),
      ).rejects.toThrow(/assessedOn: not a calendar date/);
      await expect(setShares(store.db, analyst, 'MISSING', whole('1', '1'))).rejects.toThrow(
        /no stored activity MISSING/,
      );
      await expect(setShares(store.db, focalPoint, 'SET', whole('1', '1'))).rejects.toThrow(
        /climate.manage/,
      );
      await expect(listShares(store.db, 'SET')).rejects.toThrow(/no climate shares/);
    });

    it('names the line and the column of a bad component', async () => {
      const file = `${CSV.split('\n')[0]}
ROAD,Pavement,70,0,20,5,Bank report,2024-03-31
ROAD,Drainage,30,0,abc,0,Bank report,2024-03-31
`;
      const [road] = await importSharesCsv(store.db, analyst, file, 'a.csv', { dryRun: true });
      expect(road!.outcome).toBe('rejected');
      expect(road!.errors![0]).toMatch(/^a\.csv:3: adaptation_percent: /);
    });

    it('imports a file activity by activity: bad rows reject only their activity', async () => {
      const dry = await importSharesCsv(store.db, analyst, CSV, 'shares.csv', { dryRun: true });
      expect(dry.map((r) => r.outcome)).toEqual(['recorded', 'recorded', 'rejected', 'rejected']);
      expect(await listShares(store.db)).toEqual([]);

      const results = await importSharesCsv(store.db, analyst, CSV, 'shares.csv');
      expect(results.map((r) => [r.iatiIdentifier, r.outcome])).toEqual([
        ['ROAD', 'recorded'],
        ['RAIL', 'recorded'],
        ['NOWHERE', 'rejected'],
        ['BAD', 'rejected'],
      ]);
      expect(results[2]!.errors).toEqual(['shares.csv:5: no stored activity NOWHERE']);
      expect(results[3]!.errors![0]).toMatch(/^shares\.csv:6: (?!components).*more than 100%/);
      const road = (await listShares(store.db, 'ROAD'))[0]!;
      expect(road.source).toBe('Bank report, climate annex');
      expect(road.components.map((c) => [c.component, c.componentPercent])).toEqual([
        ['Drainage', '30'],
        ['Pavement', '70'],
      ]);
      const again = await importSharesCsv(store.db, analyst, CSV, 'shares.csv');
      expect(again.slice(0, 2).map((r) => r.outcome)).toEqual(['unchanged', 'unchanged']);
    });

    it('refuses a file with the wrong header whole', async () => {
      await expect(
        importSharesCsv(store.db, analyst, 'id,share\nROAD,5\n', 'wrong.csv'),
      ).rejects.toThrow(/^wrong\.csv:1: the header must be iati_identifier,component/);
    });
  });
}
