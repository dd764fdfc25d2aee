/**
 * Dashboard aggregations through the HTTP API against the same sums by a plain GROUP BY over
 * raw transactions in the same database: p50 and p95 of each query and of all, and the ratio.
 * Usage: DATABASE_URL=… node bench/aggregate.ts BASE_URL [API_ROUNDS] [RAW_ROUNDS]
 */
import { sql } from 'kysely';
import { loadConfig } from '../src/config.ts';
import { openStore } from '../src/db/database.ts';
import { getJson, percentile, timings } from './timing.ts';

const [baseUrl = 'http://127.0.0.1:8080', apiRounds = '30', rawRounds = apiRounds] =
  process.argv.slice(2);
const QUERIES = [
  'by=year',
  'by=country',
  'by=sectorCategory',
  'by=cluster',
  'by=partner',
  'by=country,year',
  'measure=disbursements&by=year',
  'by=sector&country=KZ',
  'by=country&climate=any',
  'by=partner&yearFrom=2015&yearTo=2024',
];
/** The same questions asked of raw transactions, split by country percentage on the fly. */
const RAW: Record<string, string> = {
  year: 'substr(t.date, 1, 4)',
  country: 'c.country_code',
  sector: 's.code',
  sectorCategory: 'substr(s.code, 1, 3)',
  cluster: 'a.cluster_code',
  partner: 't.provider_org_ref',
};

function rawQuery(query: string) {
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
  return sql`
    select ${sql.join(groups)}, sum(t.usd_cents * cast(coalesce(c.percentage, '100') as double precision) / 100
      * cast(coalesce(s.percentage, '100') as double precision) / 100) as cents
    from activity_transaction t
    join activity a on a.id = t.activity_id
    left join recipient_country c on c.activity_id = a.id
    left join activity_sector s on s.activity_id = a.id
    where ${sql.join(where, sql` and `)}
    group by ${sql.join(groups)}`;
}

const store = openStore(loadConfig().databaseUrl);
const api: number[] = [];
const raw: number[] = [];
console.log(`query: API p50 / p95 | raw GROUP BY p50 / p95 | raw p95 ÷ API p95`);
for (const query of QUERIES) {
  const apiTimes = await timings(Number(apiRounds), () =>
    getJson(`${baseUrl}/api/aggregate?${query}`),
  );
  const statement = rawQuery(query);
  const rawTimes = await timings(Number(rawRounds), () => statement.execute(store.db));
  api.push(...apiTimes);
  raw.push(...rawTimes);
  const ms = (values: number[], p: number) => percentile(values, p).toFixed(1);
  console.log(
    `${query}: ${ms(apiTimes, 50)} / ${ms(apiTimes, 95)} ms | ${ms(rawTimes, 50)} / ${ms(rawTimes, 95)} ms | ` +
      `${(percentile(rawTimes, 95) / percentile(apiTimes, 95)).toFixed(0)}×`,
  );
}
await store.close();
const line = (name: string, values: number[]) =>
  `${name}: p50 ${percentile(values, 50).toFixed(1)} ms, p95 ${percentile(values, 95).toFixed(1)} ms`;
console.log(line(`API /api/aggregate (rollups), ${apiRounds} rounds`, api));
console.log(line(`raw GROUP BY over transactions, ${rawRounds} rounds`, raw));
console.log(`ratio raw p95 / API p95: ${(percentile(raw, 95) / percentile(api, 95)).toFixed(1)}×`);
