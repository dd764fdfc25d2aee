/**
 * A synthetic portfolio of N activities for the benchmarks, loaded through the importer's own
 * code path: the demo portfolio's activities are copied with new identifiers and scaled
 * amounts, written as IATI XML, and imported like a partner's file.
 * Usage: DATABASE_URL=… node bench/gen-portfolio.ts N
 */
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { loadConfig } from '../src/config.ts';
import { openStore } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { iatiDocument } from '../src/iati/export/index.ts';
import { importIati } from '../src/iati/import.service.ts';
import { expandSources } from '../src/iati/sources.ts';
import type { ActivityInput } from '../src/portfolio/activity.model.ts';
import { generateDemoPortfolio } from '../src/portfolio/demo/generate.ts';
import { createRng } from '../src/portfolio/demo/prng.ts';
import { syncReferenceData } from '../src/reference/reference.repository.ts';

const count = Number(process.argv[2] ?? '10000');
const templates = generateDemoPortfolio();
const rng = createRng(7);

function scaled(value: string, factor: number): string {
  return (Math.round(Number(value) * factor * 100) / 100).toFixed(2);
}

function* synthetic(): Generator<ActivityInput> {
  for (let i = 0; i < count; i++) {
    const template = templates[i % templates.length]!;
    const factor = rng.range(0.2, 2);
    yield {
      ...template,
      iatiIdentifier: `${template.reportingOrg.ref}-BENCH-${i}`,
      relatedActivities: [],
      transactions: template.transactions.map((t) => ({
        ...t,
        amount: { ...t.amount, value: scaled(t.amount.value, factor) },
      })),
    };
  }
}

const dir = mkdtempSync(join(tmpdir(), 'caravan-gen-'));
const file = join(dir, 'portfolio.xml');
await pipeline(
  Readable.from(iatiDocument(synthetic(), { generatedAt: '2026-01-01T00:00:00Z' })),
  createWriteStream(file),
);
const store = openStore(loadConfig().databaseUrl);
await migrateToLatest(store.db);
await syncReferenceData(store.db);
const started = Date.now();
const sources = [];
for await (const source of expandSources([file])) sources.push(source);
const summary = await importIati(store.db, sources, {
  dryRun: false,
  label: `bench ${count}`,
  actor: 'bench',
  origin: 'cli',
});
const seconds = (Date.now() - started) / 1000;
console.log(
  `${count} activities (${(statSync(file).size / 1e6).toFixed(0)} MB of IATI) imported in ${seconds.toFixed(1)} s:`,
  JSON.stringify(summary.totals),
);
await store.close();
rmSync(dir, { recursive: true, force: true });
