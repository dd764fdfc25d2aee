/**
 * Activity search (text and two filters) through the HTTP API against the same page found
 * without the search index, by a LIKE scan of titles and descriptions in the same database:
 * p50 and p95 of each query and of all, and the ratio.
 * Usage: DATABASE_URL=… node bench/search.ts BASE_URL [API_ROUNDS] [SCAN_ROUNDS]
 */
import { sql, type RawBuilder } from 'kysely';
import { loadConfig } from '../src/config.ts';
import { openStore } from '../src/db/database.ts';
import { getJson, percentile, timings } from './timing.ts';

const [baseUrl = 'http://127.0.0.1:8080', apiRounds = '30', scanRounds = apiRounds] =
  process.argv.slice(2);
const QUERIES = [
  'q=road&country=KZ&status=2',
  'q=railway&country=UZ&yearFrom=2015',
  'q=transmission&partner=XM-DAC-46004&status=2',
  'q=solar&climate=mitigation&country=UZ',
  'q=irrigation&sectorCategory=311&country=TJ',
  'q=customs&cluster=2&status=4',
  'q=электропередачи&country=KZ&climate=any',
  'q=water management&country=KG&yearFrom=2010&yearTo=2020',
  'q=hydropower&partner=44000&status=4',
  'q=road safety&country=GE&sectorCategory=210&sort=title',
];

/** The filters the bench uses, as EXISTS over allocations, and the words as LIKE patterns. */
function scanQuery(query: string) {
  const params = new URLSearchParams(query);
  const where: RawBuilder<unknown>[] = [];
  for (const word of (params.get('q') ?? '').split(/\s+/).filter(Boolean)) {
    where.push(sql`exists (select 1 from activity_narrative n
      where n.activity_id = a.id and lower(n.text) like ${`%${word.toLowerCase()}%`})`);
  }
  const allocation = (condition: RawBuilder<unknown>) =>
    where.push(
      sql`exists (select 1 from allocation l where l.activity_id = a.id and ${condition})`,
    );
  const country = params.get('country');
  if (country) allocation(sql`l.country = ${country}`);
  const partner = params.get('partner');
  if (partner) allocation(sql`l.partner = ${partner}`);
  const category = params.get('sectorCategory');
  if (category) allocation(sql`l.sector_category = ${category}`);
  const cluster = params.get('cluster');
  if (cluster) allocation(sql`l.cluster_code = ${Number(cluster)}`);
  const climate = params.get('climate');
  if (climate === 'any') allocation(sql`(l.mitigation > 0 or l.adaptation > 0 or l.drr > 0)`);
  else if (climate) allocation(sql`${sql.ref(`l.${climate}`)} > 0`);
  const from = params.get('yearFrom');
  const to = params.get('yearTo');
  if (from || to) allocation(sql`l.year between ${Number(from ?? 0)} and ${Number(to ?? 9999)}`);
  const status = params.get('status');
  if (status) where.push(sql`a.status = ${status}`);
  const order =
    params.get('sort') === 'title' ? sql`a.title, a.id` : sql`a.commitments_cents desc, a.id desc`;
  return sql`select a.id from activity a where ${sql.join(where, sql` and `)}
    order by ${order} limit 51`;
}

const store = openStore(loadConfig().databaseUrl);
const api: number[] = [];
const scan: number[] = [];
console.log(`query (matches): API p50 / p95 | LIKE scan p50 / p95 | scan p95 ÷ API p95`);
for (const query of QUERIES) {
  let found = 0;
  const url = `${baseUrl}/api/activities?${new URLSearchParams(query).toString()}`;
  const apiTimes = await timings(Number(apiRounds), async () => {
    found = ((await getJson(url)) as { items: unknown[] }).items.length;
  });
  const statement = scanQuery(query);
  let scanned = 0;
  const scanTimes = await timings(Number(scanRounds), async () => {
    scanned = Math.min(50, (await statement.execute(store.db)).rows.length);
  });
  // The LIKE scan matches inside words too, so it may find more, never fewer.
  if (scanTimes.length && scanned < found) {
    throw new Error(`${query}: the scan found ${scanned}, the API ${found}`);
  }
  api.push(...apiTimes);
  scan.push(...scanTimes);
  const ms = (values: number[], p: number) => percentile(values, p).toFixed(1);
  console.log(
    `${query} (${found}): ${ms(apiTimes, 50)} / ${ms(apiTimes, 95)} ms | ` +
      `${ms(scanTimes, 50)} / ${ms(scanTimes, 95)} ms | ` +
      `${(percentile(scanTimes, 95) / percentile(apiTimes, 95)).toFixed(0)}×`,
  );
}
await store.close();
const line = (name: string, values: number[]) =>
  `${name}: p50 ${percentile(values, 50).toFixed(1)} ms, p95 ${percentile(values, 95).toFixed(1)} ms`;
console.log(line(`API /api/activities (full-text index), ${apiRounds} rounds`, api));
console.log(line(`LIKE scan of titles and descriptions, ${scanRounds} rounds`, scan));
console.log(
  `ratio scan p95 / API p95: ${(percentile(scan, 95) / percentile(api, 95)).toFixed(1)}×`,
);
