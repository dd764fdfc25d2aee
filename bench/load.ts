/**
 * Drives the public API from this process (a second process from the server's) at rising
 * concurrency, and prints throughput and p99 per endpoint, and the same for a reference server
 * (bench/reference-server.ts) when its address is given, with the ratio of the two. Each
 * endpoint is first driven for as long again, uncounted, as a server that has been running is:
 * a database just started reads its pages from the operating system, two to three times slower.
 * Usage: node bench/load.ts BASE_URL [SECONDS] [REFERENCE_URL]
 */
import autocannon from 'autocannon';

const [baseUrl = 'http://127.0.0.1:8098', seconds = '5', referenceUrl] = process.argv.slice(2);

/** Dashboard aggregates the portal asks for on every visit: the same few URLs, so cacheable. */
const CACHED = [
  '/api/aggregate?measure=commitments&by=country',
  '/api/aggregate?measure=commitments&by=cluster',
  '/api/aggregate?measure=disbursements&by=year',
  '/api/aggregate?measure=commitments&by=partner',
  '/api/facility/statement',
];

/** Searches that differ on every request, so no cache can answer them. */
const WORDS = [
  'road',
  'rail',
  'energy',
  'water',
  'border',
  'power',
  'corridor',
  'trade',
  'climate',
  'transport',
];
const COUNTRIES = ['KZ', 'UZ', 'AZ', 'GE', 'KG', 'TJ', 'MN', 'PK', 'CN', 'TM', 'AF'];
let counter = 0;
/**
 * Words, countries, years and page sizes in cycles of coprime lengths (10, 11, 13, 31): a search
 * repeats only after 44,330 requests, more than a run of 5 seconds a stage sends.
 */
function uncachedSearch(): string {
  counter += 1;
  const word = WORDS[counter % WORDS.length]!;
  const country = COUNTRIES[(counter * 7) % COUNTRIES.length]!;
  return `/api/activities?q=${word}&country=${country}&yearFrom=${2005 + (counter % 13)}&limit=${20 + (counter % 31)}`;
}

interface Figure {
  endpoint: string;
  connections: number;
  requestsPerSecond: number;
  p99Ms: number;
  errors: number;
}

async function drive(
  endpoint: string,
  connections: number,
  requests: autocannon.Request[],
  url = baseUrl,
): Promise<Figure> {
  const result = await autocannon({
    url,
    connections,
    duration: Number(seconds),
    requests,
  });
  return {
    endpoint,
    connections,
    requestsPerSecond: Math.round(result.requests.average),
    p99Ms: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

const cachedRequests = CACHED.map((path) => ({ method: 'GET' as const, path }));
const searchRequests = [
  {
    method: 'GET' as const,
    setupRequest: (request: autocannon.Request) => ({ ...request, path: uncachedSearch() }),
  },
];
await drive('warm-up', 10, cachedRequests);
await drive('warm-up', 10, searchRequests);
console.log(`warmed up: each endpoint driven for ${seconds} s at 10 connections, not counted`);

const figures: Figure[] = [];
for (const connections of [1, 10, 50]) {
  figures.push(await drive('cached dashboard aggregates', connections, cachedRequests));
  figures.push(await drive('uncached filtered searches', connections, searchRequests));
  if (referenceUrl) {
    figures.push(
      await drive('reference (bare node:http)', connections, [{ method: 'GET' }], referenceUrl),
    );
  }
}

console.log('endpoint                       connections   requests/s    p99 ms   errors');
for (const f of figures) {
  console.log(
    `${f.endpoint.padEnd(30)} ${String(f.connections).padStart(11)} ${String(f.requestsPerSecond).padStart(12)} ${String(f.p99Ms).padStart(9)} ${String(f.errors).padStart(8)}`,
  );
}
const best = (name: string) =>
  figures
    .filter((f) => f.endpoint === name)
    .sort((a, b) => b.requestsPerSecond - a.requestsPerSecond)[0]!;
const cached = best('cached dashboard aggregates');
const uncached = best('uncached filtered searches');
const reference = referenceUrl ? best('reference (bare node:http)') : null;
const ratio = (f: Figure) =>
  reference
    ? ` = ${(f.requestsPerSecond / reference.requestsPerSecond).toFixed(3)} of the reference`
    : '';
console.log(
  `\nbest: cached ${cached.requestsPerSecond}/s (p99 ${cached.p99Ms} ms; target ≥ 3000/s, p99 < 100 ms), ` +
    `uncached ${uncached.requestsPerSecond}/s (p99 ${uncached.p99Ms} ms; target ≥ 500/s, p99 < 100 ms)`,
);
if (reference) {
  console.log(
    `reference ${reference.requestsPerSecond}/s (p99 ${reference.p99Ms} ms): ` +
      `cached${ratio(cached)}, uncached${ratio(uncached)}`,
  );
}
