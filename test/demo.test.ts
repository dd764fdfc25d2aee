import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { syncReferenceData } from '../src/reference/reference.repository.ts';
import { loadDemoPortfolio } from '../src/portfolio/demo.service.ts';
import { governmentRef } from '../src/reference/organisations.ts';
import { MEMBER_CODES } from '../src/reference/countries.ts';
import { DIALECTS, newTestStore, type TestStore } from './support/stores.ts';

const BILLION_CENTS = 1e11;

for (const dialect of DIALECTS) {
  describe(`the demo portfolio on ${dialect}`, () => {
    let store: TestStore;

    beforeAll(async () => {
      store = await newTestStore(dialect);
      await syncReferenceData(store.db);
      const first = await loadDemoPortfolio(store.db);
      expect(first.imported).toBeGreaterThan(250);
      expect(first.unchanged + first.replaced).toBe(0);
    });
    afterAll(() => store.dispose());

    it('changes nothing when loaded a second time', async () => {
      const before = await sql<{
        n: number;
      }>`select count(*) as n from activity_transaction`.execute(store.db);
      const second = await loadDemoPortfolio(store.db);
      expect(second.imported + second.replaced).toBe(0);
      expect(second.unchanged).toBeGreaterThan(250);
      const after = await sql<{
        n: number;
      }>`select count(*) as n from activity_transaction`.execute(store.db);
      expect(Number(after.rows[0]!.n)).toBe(Number(before.rows[0]!.n));
    });

    it('commits about $51 billion: ADB $17.6 bn, other partners $23.4 bn, governments $10 bn', async () => {
      const { rows } = await sql<{ provider: string; cents: number }>`
        select provider_org_ref as provider, sum(usd_cents) as cents
        from activity_transaction where type = '2' group by provider_org_ref`.execute(store.db);
      const byProvider = new Map(rows.map((r) => [r.provider, Number(r.cents)]));
      const total = [...byProvider.values()].reduce((a, b) => a + b, 0);
      expect(Math.abs(total / BILLION_CENTS - 51) / 51).toBeLessThan(0.03);

      const governments = new Set(MEMBER_CODES.map(governmentRef));
      let adb = 0;
      let government = 0;
      for (const [provider, cents] of byProvider) {
        if (governments.has(provider)) government += cents;
        else if (/46004$/.test(provider)) adb += cents;
      }
      expect(adb / BILLION_CENTS).toBeCloseTo(17.6, 0);
      expect(government / BILLION_CENTS).toBeCloseTo(10, 0);
      expect((total - adb - government) / BILLION_CENTS).toBeCloseTo(23.4, 0);
    });

    it('puts over $9 billion in Kazakhstan, with Uzbekistan, Kazakhstan and Azerbaijan the largest', async () => {
      const { rows } = await sql<{ country: string; cents: number }>`
        select c.country_code as country,
               sum(t.usd_cents * cast(c.percentage as double precision) / 100) as cents
        from activity_transaction t
        join recipient_country c on c.activity_id = t.activity_id
        where t.type = '2'
        group by c.country_code
        order by cents desc`.execute(store.db);
      const kazakhstan = rows.find((r) => r.country === 'KZ');
      expect(Number(kazakhstan?.cents) / BILLION_CENTS).toBeGreaterThan(9);
      expect(
        rows
          .slice(0, 3)
          .map((r) => r.country)
          .sort(),
      ).toEqual(['AZ', 'KZ', 'UZ']);
      expect(rows.map((r) => r.country).sort()).toEqual([...MEMBER_CODES].sort());
    });

    it('puts about two thirds in transport', async () => {
      const { rows } = await sql<{ transport: number; total: number }>`
        select sum(case when substr(s.code, 1, 3) = '210'
                        then t.usd_cents * cast(s.percentage as double precision) / 100 else 0 end) as transport,
               sum(t.usd_cents * cast(s.percentage as double precision) / 100) as total
        from activity_transaction t
        join activity_sector s on s.activity_id = t.activity_id and s.vocabulary = '1'
        where t.type = '2'`.execute(store.db);
      const share = Number(rows[0]!.transport) / Number(rows[0]!.total);
      expect(share).toBeGreaterThan(0.6);
      expect(share).toBeLessThan(0.72);
    });

    it('is labelled as demo data', async () => {
      const { rows } = await sql<{ n: number }>`
        select count(*) as n from activity
        where is_demo = 0 or iati_identifier not like '%CARAVAN-DEMO%'`.execute(store.db);
      expect(Number(rows[0]!.n)).toBe(0);
    });
  });
}
