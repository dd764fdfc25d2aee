/**
 * A synthetic portfolio of N activities for the benchmarks, loaded through the importer's own
 * code path: the demo portfolio's activities are copied with new identifiers and scaled
 * amounts, written as IATI XML, and imported like a partner's files.
 *
 * The XML is written and imported a file of FILE_ACTIVITIES at a time (each file is one
 * transaction), so a million activities never need 16 GB of XML on disk at once, nor one
 * transaction of the whole load in SQLite's write-ahead log.
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
import { expandSources, type ImportSource } from '../src/iati/sources.ts';
import type { ActivityInput } from '../src/portfolio/activity.model.ts';
import { generateDemoPortfolio } from '../src/portfolio/demo/generate.ts';
import { createRng } from '../src/portfolio/demo/prng.ts';
import { syncReferenceData } from '../src/reference/reference.repository.ts';

const count = Number(process.argv[2] ?? '10000');
if (!Number.isSafeInteger(count) || count < 1) {
  throw new Error(`gen-portfolio: N must be a positive integer, not ${process.argv[2]}`);
}
const FILE_ACTIVITIES = 10_000;
const templates = generateDemoPortfolio();
const rng = createRng(7);

function scaled(value: string, factor: number): string {
  return (Math.round(Number(value) * factor * 100) / 100).toFixed(2);
}

function* synthetic(from: number, to: number): Generator<ActivityInput> {
  for (let i = from; i < to; i++) {
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
let xmlBytes = 0;
const started = Date.now();
const elapsed = () => (Date.now() - started) / 1000;

/** Writes each file just before the importer asks for it, and deletes it once read. */
async function* files(): AsyncGenerator<ImportSource> {
  for (let from = 0; from < count; from += FILE_ACTIVITIES) {
    const to = Math.min(count, from + FILE_ACTIVITIES);
    const file = join(dir, `portfolio-${from}.xml`);
    await pipeline(
      Readable.from(iatiDocument(synthetic(from, to), { generatedAt: '2026-01-01T00:00:00Z' })),
      createWriteStream(file),
    );
    xmlBytes += statSync(file).size;
    yield* expandSources([file]);
    rmSync(file);
    if (count > FILE_ACTIVITIES) {
      const rate = to / elapsed();
      console.log(
        `${to} / ${count} activities in ${elapsed().toFixed(0)} s (${rate.toFixed(0)}/s, ` +
          `about ${((count - to) / rate / 60).toFixed(0)} min to go)`,
      );
    }
  }
}

const store = openStore(loadConfig().databaseUrl);
try {
  await migrateToLatest(store.db);
  await syncReferenceData(store.db);
  const summary = await importIati(store.db, files(), {
    dryRun: false,
    label: `bench ${count}`,
    actor: 'bench',
    origin: 'cli',
  });
  const refused = summary.files.filter((f) => f.refused);
  if (refused.length > 0 || summary.totals.imported !== count) {
    throw new Error(`gen-portfolio: the import went wrong: ${JSON.stringify(summary.totals)}`);
  }
  console.log(
    `${count} activities (${(xmlBytes / 1e6).toFixed(0)} MB of IATI) generated and imported in ${elapsed().toFixed(1)} s:`,
    JSON.stringify(summary.totals),
  );
} finally {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
