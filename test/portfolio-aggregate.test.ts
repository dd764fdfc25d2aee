import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { ActivitiesQuerySchema } from '../src/portfolio/activities.schema.ts';
import { listActivities } from '../src/portfolio/activities.service.ts';
import { AggregateQuerySchema } from '../src/portfolio/aggregate.schema.ts';
import { aggregate } from '../src/portfolio/aggregate.service.ts';
import type { ActivityInput } from '../src/portfolio/activity.model.ts';
import { storeActivities } from '../src/portfolio/activity.service.ts';
import { loadDemoPortfolio } from '../src/portfolio/demo.service.ts';
import { generateDemoPortfolio } from '../src/portfolio/demo/generate.ts';
import { loadUsdConverter } from '../src/reference/fx.service.ts';
import { verifyRollups } from '../src/portfolio/rollup-verify.service.ts';
import {
  clusterSummary,
  corridorSummary,
  countrySummary,
  partnerSummary,
} from '../src/portfolio/summary.service.ts';
import { syncReferenceData } from '../src/reference/reference.repository.ts';
import type { Db } from '../src/db/database.ts';
import { DIALECTS, newTestStore, type TestStore } from './support/stores.ts';

const ask = (db: Db, params: Record<string, string>) =>
  aggregate(db, AggregateQuerySchema.parse(params));

for (const dialect of DIALECTS) {
  describe(`portfolio aggregates of the demo on ${dialect}`, () => {
    let store: TestStore;
    beforeAll(async () => {
      store = await newTestStore(dialect);
      await syncReferenceData(store.db);
      await loadDemoPortfolio(store.db);
    });
    afterAll(() => store.dispose());

    it('matches the published figures: about $51 bn, Kazakhstan over $9 bn, transport two thirds', async () => {
      const total = await ask(store.db, {});
      expect(Math.abs(total.total - 51e9) / 51e9).toBeLessThan(0.03);
      const kazakhstan = await ask(store.db, { country: 'KZ' });
      expect(kazakhstan.total).toBeGreaterThan(9e9);
      const bySector = await ask(store.db, { by: 'sectorCategory' });
      const transport = bySector.rows.find((r) => r['sectorCategory'] === '210')!.value;
      expect(transport / bySector.total).toBeGreaterThan(0.6);
      expect(transport / bySector.total).toBeLessThan(0.72);
    });

    it('sums country × year cells to the raw transactions of each year, to the cent', async () => {
      const answer = await ask(store.db, { by: 'country,year' });
      const { rows: raw } = await sql<{ year: string; cents: string | number }>`
        select substr(date, 1, 4) as year, sum(usd_cents) as cents
        from activity_transaction where type = '2' group by substr(date, 1, 4)`.execute(store.db);
      const perYear = new Map<number, number>();
      for (const row of answer.rows) {
        const year = Number(row['year']);
        perYear.set(year, (perYear.get(year) ?? 0) + Math.round(row.value * 100));
      }
      expect(raw.length).toBeGreaterThan(10);
      for (const row of raw) expect(perYear.get(Number(row.year))).toBe(Number(row.cents));
      const rawTotal = raw.reduce((sum, row) => sum + Number(row.cents), 0);
      expect(Math.round(answer.total * 100)).toBe(rawTotal);
    });

    it('answers from the rollup and from the allocations alike', async () => {
      const fromRollup = await ask(store.db, { by: 'country', measure: 'disbursements' });
      const viaAllocations = await ask(store.db, {
        by: 'country,corridor',
        measure: 'disbursements',
      });
      expect(fromRollup.total).toBeGreaterThan(0);
      const corridorTotal = await ask(store.db, {
        corridor: '1,2,3,4,5,6',
        measure: 'disbursements',
      });
      expect(viaAllocations.total).toBe(corridorTotal.total);
      expect(await verifyRollups(store.db)).toEqual([]);
    });

    it('answers by sector from the rollup with the allocations’ sums, to the cent', async () => {
      const answer = await ask(store.db, { by: 'sector', country: 'KZ,UZ' });
      const { rows } = await sql<{ sector: string; cents: string | number }>`
        select sector, sum(usd_cents) as cents from allocation
        where counted = 1 and measure = 'commitments' and country in ('KZ', 'UZ')
        group by sector`.execute(store.db);
      expect(rows.length).toBeGreaterThan(5);
      expect(answer.rows.map((r) => [r['sector'], Math.round(r.value * 100)]).sort()).toEqual(
        rows.map((r) => [r.sector, Number(r.cents)]).sort(),
      );
      const filtered = await ask(store.db, { sector: '21020', by: 'year' });
      const { rows: road } = await sql<{ cents: string | number }>`
        select sum(usd_cents) as cents from allocation
        where counted = 1 and measure = 'commitments' and sector = '21020'`.execute(store.db);
      expect(Math.round(filtered.total * 100)).toBe(Number(road[0]!.cents));
    });

    it('shows values in another currency at each year’s rate', async () => {
      const usd = await ask(store.db, {
        by: 'year',
        country: 'KZ',
        yearFrom: '2020',
        yearTo: '2020',
      });
      const eur = await ask(store.db, {
        by: 'year',
        country: 'KZ',
        yearFrom: '2020',
        yearTo: '2020',
        currency: 'EUR',
      });
      const rate = Number(eur.exchangeRates![0]!.perUsd);
      expect(eur.total).toBeCloseTo(usd.total * rate, 0);
    });

    it('summarises a country, a partner, a cluster and a corridor', async () => {
      const kazakhstan = await countrySummary(store.db, 'KZ');
      expect(kazakhstan.commitments).toBe((await ask(store.db, { country: 'KZ' })).total);
      expect(kazakhstan.byCountry).toEqual([{ country: 'KZ', value: kazakhstan.commitments }]);
      const adb = await partnerSummary(store.db, '46004');
      expect(adb.partner.ref).toBe('XM-DAC-46004');
      expect(adb.commitments / 1e9).toBeCloseTo(17.6, 0);
      // A partner filter takes any of the organisation's refs, as the summary does.
      expect((await ask(store.db, { partner: '46004' })).total).toBe(adb.commitments);
      const listed = await listActivities(
        store.db,
        ActivitiesQuerySchema.parse({ partner: '46004' }),
      );
      expect(listed.items.length).toBeGreaterThan(0);
      expect((await clusterSummary(store.db, '3')).commitments).toBeGreaterThan(0);
      expect((await corridorSummary(store.db, '2')).byYear.length).toBeGreaterThan(0);
      await expect(corridorSummary(store.db, '9')).rejects.toThrow(/corridors are 1–6/);
    });

    it('refuses unknown dimensions and malformed filters with a clear message', () => {
      expect(() => AggregateQuerySchema.parse({ by: 'country,planet' })).toThrow(/by/);
      expect(() => AggregateQuerySchema.parse({ country: "KZ' or 1=1 --" })).toThrow(/ISO 3166/);
      expect(() => AggregateQuerySchema.parse({ yearFrom: '2020', yearTo: '2010' })).toThrow(
        /yearFrom/,
      );
    });
  });
}

for (const dialect of DIALECTS) {
  describe(`portfolio aggregates beyond 2^53 cents on ${dialect}`, () => {
    let store: TestStore;
    beforeAll(async () => {
      store = await newTestStore(dialect);
      await syncReferenceData(store.db);
    });
    afterAll(() => store.dispose());

    it('sums more than $90 trillion without failing, to the precision a JSON number has', async () => {
      const template = generateDemoPortfolio()[0]!;
      const huge = (n: number): ActivityInput => ({
        ...template,
        iatiIdentifier: `${template.iatiIdentifier}-HUGE-${n}`,
        budgets: [],
        transactions: [
          {
            ...template.transactions.find((t) => t.type === '2')!,
            date: '2020-01-01',
            amount: { value: '60000000000000.00', currency: 'USD', valueDate: '2020-01-01' },
          },
        ],
      });
      await storeActivities(store.db, [huge(1), huge(2)], {
        isDemo: true,
        importRunId: null,
        toUsd: await loadUsdConverter(store.db),
      });
      const answer = await ask(store.db, { by: 'year' });
      expect(answer.total).toBe(120e12);
      expect(answer.rows).toEqual([{ year: 2020, value: 120e12 }]);
    });
  });
}
