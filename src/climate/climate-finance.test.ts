import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AggregateQuerySchema } from '../portfolio/aggregate.schema.ts';
import { aggregate } from '../portfolio/aggregate.service.ts';
import { DIALECTS, newTestStore, type TestStore } from '../../test/support/stores.ts';
import { actingAs } from '../facility/caller.ts';
import { climateFinance } from './climate-finance.service.ts';
import { setShares } from './climate-share.service.ts';
import { ClimateQuerySchema } from './climate.schema.ts';
import {
  commitment,
  dacSector,
  marker,
  newActivity,
  storeTestActivities,
} from './climate.test-support.ts';

const ask = (store: TestStore, params: Record<string, string>) =>
  climateFinance(store.db, ClimateQuerySchema.parse(params));
const analyst = actingAs('analyst@example.org', 'secretariat');

/**
 * Five activities whose climate finance is worked out by hand in the comments:
 * portfolio 1,336,833.33; markers (100/40) mitigation-only 1,000,300, adaptation-only
 * 134,333.332 → .33, dual 200.
 */
const ACTIVITIES = [
  // Principal mitigation: all 1,000,000 counts.
  newActivity('PRINCIPAL', {
    policyMarkers: [marker('6', '2')],
    transactions: [commitment('1000000.00')],
  }),
  // Significant adaptation: 40% of 333,333.33 = 133,333.332.
  newActivity('SIGNIFICANT', {
    policyMarkers: [marker('7', '1')],
    recipientCountries: [{ code: 'UZ', percentage: '100', narratives: [] }],
    transactions: [commitment('333333.33')],
  }),
  // Principal mitigation and significant adaptation: 500 counts once, 200 of it for both.
  newActivity('BOTH', {
    policyMarkers: [marker('6', '2'), marker('7', '1')],
    transactions: [commitment('500.00')],
  }),
  // Principal adaptation; the second commitment names its own sector (agricultural water,
  // cluster 4) and country (UZ), overriding the activity's transport sector (cluster 3) and KZ.
  newActivity('OVERRIDE', {
    policyMarkers: [marker('7', '2'), marker('6', '0')],
    transactions: [
      commitment('300.00'),
      commitment('700.00', '2024-06-01', {
        sectors: [dacSector('31140')],
        recipientCountry: { code: 'UZ', narratives: [] },
      }),
    ],
  }),
  newActivity('PLAIN', { transactions: [commitment('2000.00')] }),
];

for (const dialect of DIALECTS) {
  describe(`climate finance on ${dialect}`, () => {
    let store: TestStore;
    beforeAll(async () => {
      store = await newTestStore(dialect);
      await storeTestActivities(store.db, ACTIVITIES);
    });
    afterAll(() => store.dispose());

    it('counts principal whole, significant at 40%, and an amount with both markers once', async () => {
      const { total } = await ask(store, {});
      expect(total.portfolio).toBe('1336833.33');
      expect(total.markers).toEqual({
        mitigation: '1000500.00',
        adaptation: '134533.33',
        dual: '200.00',
        climate: '1134833.33',
        drr: '0.00',
        sharePercent: 84.89,
      });
    });

    it('follows a transaction’s own sector and country', async () => {
      const byCluster = await ask(store, { by: 'cluster' });
      const cluster = (code: number) => byCluster.rows.find((r) => r['cluster'] === code)!;
      expect(cluster(4).portfolio).toBe('700.00');
      expect(cluster(4).markers.adaptation).toBe('700.00');
      expect(cluster(3).markers.climate).toBe('1134133.33');
      const byCountry = await ask(store, { by: 'country' });
      const country = (code: string) => byCountry.rows.find((r) => r['country'] === code)!;
      expect(country('UZ').markers.climate).toBe('134033.33');
      expect(country('KZ').markers.climate).toBe('1000800.00');
      expect(country('KZ').markers.dual).toBe('200.00');
    });

    it('adds rows up to the total in every column, to the cent', async () => {
      for (const by of ['country', 'cluster', 'partner', 'year', 'country,year']) {
        const answer = await ask(store, { by });
        for (const column of ['mitigation', 'adaptation', 'dual', 'climate', 'drr'] as const) {
          const cents = answer.rows.reduce(
            (sum, r) => sum + Math.round(Number(r.markers[column]) * 100),
            0,
          );
          expect(cents, `${by} ${column}`).toBe(
            Math.round(Number(answer.total.markers[column]) * 100),
          );
        }
      }
    });

    it('rounds each column once, so a cent marked for both is one cent of climate finance', async () => {
      const own = await newTestStore(dialect);
      try {
        const cent = newActivity('CENT', {
          policyMarkers: [marker('6', '2'), marker('7', '1')],
          transactions: [commitment('0.01')],
        });
        await storeTestActivities(own.db, [cent]);
        const { total } = await ask(own, { significant: '50' });
        expect(total.portfolio).toBe('0.01');
        expect(total.markers).toMatchObject({
          mitigation: '0.01',
          climate: '0.01',
          sharePercent: 100,
        });
        expect(Number(total.markers.adaptation)).toBeLessThanOrEqual(0.01);
      } finally {
        await own.dispose();
      }
    });

    it('takes configured coefficients', async () => {
      const { total, coefficients } = await ask(store, { significant: '50' });
      expect(coefficients).toEqual({ principal: '100', significant: '50' });
      // 50% of 333,333.33 = 166,666.665 → .67; BOTH: 250 dual.
      expect(total.markers.adaptation).toBe('167916.67');
      expect(total.markers.dual).toBe('250.00');
      expect(total.markers.climate).toBe('1168166.67');
    });

    it('cuts off at a date, matching the portfolio aggregate of the same years', async () => {
      const dated = await ask(store, { asOf: '2023-12-31' });
      expect(dated.total.portfolio).toBe('1336133.33');
      expect(dated.total.markers.climate).toBe('1134133.33');
      const yearly = await ask(store, { yearTo: '2023' });
      expect(yearly.total).toEqual(dated.total);
      const portfolio = await aggregate(store.db, AggregateQuerySchema.parse({ yearTo: '2023' }));
      expect(portfolio.total).toBe(Number(dated.total.portfolio));
    });

    it('applies component shares beside the markers, component by component', async () => {
      await setShares(store.db, analyst, 'PRINCIPAL', {
        source: 'Test: a bank’s climate finance annex',
        assessedOn: '2023-02-15',
        components: [
          {
            component: 'Line',
            componentPercent: '60',
            mitigationPercent: '80',
            adaptationPercent: '0',
            dualPercent: '10',
          },
          {
            component: 'Substation',
            componentPercent: 40,
            mitigationPercent: 25,
            adaptationPercent: 5,
          },
        ],
      });
      await setShares(store.db, analyst, 'SIGNIFICANT', {
        source: 'Test',
        assessedOn: '2023-02-15',
        components: [{ mitigationPercent: '0', adaptationPercent: '33.33' }],
      });
      const { total, rows } = await ask(store, { by: 'country' });
      // PRINCIPAL: 58% mitigation-only, 2% adaptation-only, 6% dual of 1,000,000;
      // SIGNIFICANT: 33.33% of 333,333.33 = 111,099.9989 → 111,100.00.
      expect(total.components).toEqual({
        mitigation: '640000.00',
        adaptation: '191100.00',
        dual: '60000.00',
        climate: '771100.00',
        sharePercent: 57.68,
        activities: 2,
      });
      expect(rows.find((r) => r['country'] === 'UZ')!.components.climate).toBe('111100.00');
      // The marker view is unchanged by component shares.
      expect(total.markers.climate).toBe('1134833.33');
    });
  });
}
