/**
 * The home page's first contentful paint, the time until its charts and map are drawn (the
 * pages' `caravan:drawn:*` performance marks), and the JavaScript transferred, over cold loads
 * in headless Chromium against a server on loopback with the demo portfolio. The reference, in
 * the same run, is the paint of a one-line page from the same server: the ratio says how much
 * the app adds to what the machine and browser cost anyway.
 * Usage: node bench/web.ts [ROUNDS]   (bench/web.sh builds the app first)
 */
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { loadConfig } from '../src/config.ts';
import { openStore } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { loadDemoPortfolio } from '../src/portfolio/demo.service.ts';
import { syncReferenceData } from '../src/reference/reference.repository.ts';
import { buildApp } from '../src/server/app.ts';
import { WEB_DIST } from '../src/server/web.routes.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';

const rounds = Number(process.argv[2] ?? 7);
const DRAWINGS = 4; // the map and three charts
const KB = 1024;

const folder = mkdtempSync(join(tmpdir(), 'caravan-web-bench-'));
const store = openStore(`sqlite:${join(folder, 'bench.db')}`);
await migrateToLatest(store.db);
await syncReferenceData(store.db);
await loadDemoPortfolio(store.db);
const app = await buildApp({ store, config: { ...loadConfig({}), logLevel: 'silent' } });
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});

interface Load {
  fcp: number;
  drawn: number;
  /** Compressed bytes of JavaScript on the wire (as the server sends it: brotli). */
  jsWire: number;
  /** The same files gzipped (-9), as the budget counts them. */
  jsGzip: number;
  jsFiles: string[];
}

async function load(url: string, waitForDrawings: boolean): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(url);
  if (waitForDrawings) {
    await page.waitForFunction(
      (n) =>
        performance.getEntriesByType('mark').filter((m) => m.name.startsWith('caravan:drawn:'))
          .length >= n,
      DRAWINGS,
      { timeout: 30_000 },
    );
  } else {
    await page.waitForFunction(
      () => performance.getEntriesByName('first-contentful-paint').length > 0,
    );
  }
  await page.waitForLoadState('networkidle');
  const result = await page.evaluate(() => {
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
    const marks = performance
      .getEntriesByType('mark')
      .filter((m) => m.name.startsWith('caravan:drawn:'));
    const scripts = (
      performance.getEntriesByType('resource') as PerformanceResourceTiming[]
    ).filter((r) => new URL(r.name).pathname.endsWith('.js'));
    return {
      fcp,
      drawn: Math.max(...marks.map((m) => m.startTime), 0),
      jsWire: scripts.reduce((sum, r) => sum + r.encodedBodySize, 0),
      jsFiles: scripts.map((r) => new URL(r.name).pathname),
    };
  });
  await context.close();
  const jsGzip = result.jsFiles.reduce(
    (sum, path) => sum + gzipSync(readFileSync(join(WEB_DIST, path)), { level: 9 }).length,
    0,
  );
  return { ...result, jsGzip };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

try {
  await load(`${base}/?lang=en`, true); // warm the server's own caches once
  const home: Load[] = [];
  const reference: number[] = [];
  for (let i = 0; i < rounds; i++) {
    home.push(await load(`${base}/?lang=en`, true));
    reference.push((await load(`${base}/favicon.svg`, false)).fcp);
  }
  const fcp = median(home.map((l) => l.fcp));
  const drawn = median(home.map((l) => l.drawn));
  const ref = median(reference);
  const last = home.at(-1)!;
  console.log(`home page, ${rounds} cold loads (median):`);
  console.log(`  first contentful paint   ${fcp.toFixed(0)} ms`);
  console.log(`  charts and map drawn     ${drawn.toFixed(0)} ms   (target < 1500 ms)`);
  console.log(
    `  reference paint          ${ref.toFixed(0)} ms   (a one-line page; drawn / reference ${(drawn / ref).toFixed(1)}×)`,
  );
  console.log(`  JavaScript, gzip -9      ${(last.jsGzip / KB).toFixed(1)} KB   (target < 250 KB)`);
  console.log(
    `  JavaScript on the wire   ${(last.jsWire / KB).toFixed(1)} KB   (brotli, as served)`,
  );
  console.log(
    `  script files             ${last.jsFiles.length}: ${last.jsFiles.map((f) => f.replace('/assets/', '')).join(', ')}`,
  );
} finally {
  await browser.close();
  await app.close();
  await store.close();
  rmSync(folder, { recursive: true, force: true });
}
