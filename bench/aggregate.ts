/**
 * Dashboard aggregations through the HTTP API against the same sums by a plain GROUP BY over
 * raw transactions in the same database: p50 and p95 of each, and the ratio.
 * Usage: DATABASE_URL=… node bench/aggregate.ts BASE_URL [ROUNDS]
 */
import { sql } from 'kysely';
import { loadConfig } from '../src/config.ts';
import { openStore } from '../src/db/database.ts';

const [baseUrl = 'http://127.0.0.1:8080', rounds = '30'] = process.argv.slice(2);
const QUERIES = [
  'by=year',
  'by=country',
  'by=sectorCategory',
  'by=cluster',
  'by=partner',
  'by=country,year',
  'measure=disbursements&by=year',
  'by=year&country=KZ',
  'by=country&climate=any',
  'by=partner&yearFrom=2015&yearTo=2024',
];
/** The same questions asked of raw transactions, split by country percentage on the fly. */
const RAW: Record<string, string> = {
  year: 'substr(t.date, 1, 4)',
  country: 'c.country_code',
  sectorCategory: 'substr(s.code, 1, 3)',
  cluster: 'a.cluster_code',
  partner: 't.provider_org_ref',
};

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const store = openStore(loadConfig().databaseUrl);
const api: number[] = [];
const raw: number[] = [];
for (const query of QUERIES) {
  const params = new URLSearchParams(query);
  const by = (params.get('by') ?? '').split(',');
  const type = params.get('measure') === 'disbursements' ? '3' : '2';
  const where = [sql`t.type = ${type}`];
  if (params.get('country')) where.push(sql`c.country_code = ${params.get('country')}`);
  if (params.get('yearFrom')) where.push(sql`substr(t.date, 1, 4) >= ${params.get('yearFrom')}`);
  if (params.get('yearTo')) where.push(sql`substr(t.date, 1, 4) <= ${params.get('yearTo')}`);
  if (params.get('climate')) {
    where.push(
      sql`exists (select 1 from policy_marker m where m.activity_id = a.id and m.code in ('6','7','10'))`,
    );
  }
  const groups = by.map((d) => sql.raw(RAW[d]!));
  const rawQuery = sql`
    select ${sql.join(groups)}, sum(t.usd_cents * cast(coalesce(c.percentage, '100') as double precision) / 100
      * cast(coalesce(s.percentage, '100') as double precision) / 100) as cents
    from activity_transaction t
    join activity a on a.id = t.activity_id
    left join recipient_country c on c.activity_id = a.id
    left join activity_sector s on s.activity_id = a.id
    where ${sql.join(where, sql` and `)}
    group by ${sql.join(groups)}`;
  for (let i = 0; i < Number(rounds); i++) {
    let start = performance.now();
    const response = await fetch(`${baseUrl}/api/aggregate?${query}`);
    await response.json();
    if (!response.ok) throw new Error(`${query}: ${response.status}`);
    api.push(performance.now() - start);
    start = performance.now();
    await rawQuery.execute(store.db);
    raw.push(performance.now() - start);
  }
}
await store.close();
const line = (name: string, values: number[]) =>
  `${name}: p50 ${percentile(values, 50).toFixed(1)} ms, p95 ${percentile(values, 95).toFixed(1)} ms`;
console.log(line('API /api/aggregate (rollups)', api));
console.log(line('raw GROUP BY over transactions', raw));
console.log(`ratio raw p95 / API p95: ${(percentile(raw, 95) / percentile(api, 95)).toFixed(1)}×`);
