import { withJournalsInMemory } from '../db/bulk.ts';
import { isDatabaseUnavailable } from '../db/unavailable.ts';
import type { Kysely } from 'kysely';
import type { Readable } from 'node:stream';
import type { Database, Db } from '../db/database.ts';
import {
  compactSearchIndex,
  withDeferredSearchIndex,
} from '../portfolio/activity-search.repository.ts';
import { findActivityRefs } from '../portfolio/activity.repository.ts';
import { storeActivityRows } from '../portfolio/activity.service.ts';
import { appendAudits } from '../accounts/audit.service.ts';
import type { AuditEntry } from '../accounts/audit.schema.ts';
import { loadExchangeRates } from '../reference/fx.service.ts';
import { importBatches, type BatchOptions, type ImportItem } from './import-batches.ts';
import { ImportWorker } from './import-worker.ts';
import { IatiFileError, type ParseSummary } from './parse/index.ts';
import { finishImportRun, startImportRun, updateImportRun } from './import-run.repository.ts';
import type { ImportSource } from './sources.ts';

export interface ImportCounts {
  activities: number;
  imported: number;
  unchanged: number;
  replaced: number;
  rejected: number;
}

export interface FileSummary extends ImportCounts {
  path: string;
  /** The file was not read (unreadable, not XML, not well-formed): nothing of it is stored. */
  refused: boolean;
  version: string | null;
  /** A version 1.0x file, read by a best-effort mapping. */
  legacy: boolean;
  /** Values stored without a US dollar value because no exchange rate covers them. */
  unpriced: number;
  errors: string[];
}

export interface ImportSummary {
  run: number | null;
  dryRun: boolean;
  files: FileSummary[];
  totals: ImportCounts & { files: number; refused: number; unpriced: number };
}

export interface ImportProgress {
  path: string;
  /** Raw bytes read of this file, and its size when known. */
  bytes: number;
  size: number | null;
  activities: number;
}

/** One activity's outcome, as the import reports it while it runs. */
export interface ActivityOutcome {
  path: string;
  identifier: string | null;
  line: number;
  outcome: 'imported' | 'unchanged' | 'replaced' | 'rejected';
  /** Why it was rejected; empty otherwise. */
  errors: string[];
}

export interface ImportOptions {
  dryRun: boolean;
  /** What is being imported, for the import run's record: the paths, an upload's name. */
  label: string;
  /** Who imports and from where, for the audit trail: a user's email or `cli:…`, an address or `cli`. */
  actor: string;
  origin: string;
  /**
   * Parse on a thread of its own while this one writes: 'auto' (the default) does so for files
   * of a megabyte or more and for streams of unknown size.
   */
  parseThread?: 'auto' | 'always' | 'never';
  onProgress?: (progress: ImportProgress) => void;
  onFile?: (file: FileSummary) => void;
  /** Each activity as it is stored or rejected; a file refused later undoes them all. */
  onActivity?: (activity: ActivityOutcome) => void;
  /**
   * Why the importer may not store an activity of this reporting organisation (a partner
   * officer imports only its own organisation's), or null when it may.
   */
  publisherRefusal?: (reportingOrgRef: string) => string | null;
}

/**
 * An activity the importer may not store becomes a rejected one, with the reason: one its
 * file says another organisation reports, and one that would replace a stored activity another
 * organisation reports (the file's reporting-org is the importer's word, the stored one is not).
 */
async function withPublisherChecked(
  trx: Db,
  items: readonly ImportItem[],
  options: ImportOptions,
): Promise<readonly ImportItem[]> {
  const refusal = options.publisherRefusal;
  if (!refusal) return items;
  const identifiers = items.flatMap((item) => (item.ok ? [item.rows.identifier] : []));
  const stored = await findActivityRefs(trx, identifiers);
  return items.map((item) => {
    if (!item.ok) return item;
    const { identifier, publisher } = item.rows;
    const owner = stored.get(identifier)?.reportingOrgRef;
    let reason = refusal(publisher);
    if (reason === null && owner !== undefined && owner !== publisher && refusal(owner) !== null) {
      reason =
        `iati-identifier: ${identifier} is stored as reported by ${owner}; a partner officer ` +
        `cannot replace another organisation's activity`;
    }
    if (reason === null) return item;
    return { ok: false, identifier, line: item.line, errors: [`line ${item.line}: ${reason}`] };
  });
}

/**
 * A copy of a string that does not share memory with the text it was cut from: V8 keeps a
 * whole decoded chunk of the file alive for as long as any substring of it is kept.
 */
function detached(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}

const PARSE_THREAD_BYTES = 1 << 20;
// Reading runs ahead of storing, by a whole batch at least: progress is reported as bytes are
// read too, or a file of one batch would show none until it is done.
const PROGRESS_BYTES = 1 << 18;

/** Thrown inside a file's transaction to undo it while keeping its summary. */
class Rollback extends Error {}

function emptyFile(path: string): FileSummary {
  const counts = { activities: 0, imported: 0, unchanged: 0, replaced: 0, rejected: 0 };
  return { path, refused: false, version: null, legacy: false, unpriced: 0, errors: [], ...counts };
}

interface FileContext {
  runId: number | null;
  now: string;
  options: ImportOptions;
  summary: FileSummary;
  source: ImportSource;
  progress: () => void;
}

/** Stores a batch in the file's transaction and accounts for each of its activities. */
async function storeBatch(trx: Db, batch: readonly ImportItem[], file: FileContext): Promise<void> {
  const { summary, options, runId } = file;
  const items = await withPublisherChecked(trx, batch, options);
  const stored = items.flatMap((item) => (item.ok ? [item.rows] : []));
  const results = await storeActivityRows(trx, stored, {
    isDemo: false,
    importRunId: runId,
    now: file.now,
  });
  const audit: AuditEntry[] = [];
  results.forEach(({ outcome, previousHash, hash }, i) => {
    const rows = stored[i]!;
    summary[outcome] += 1;
    if (outcome === 'unchanged') return;
    summary.unpriced += rows.unpriced;
    audit.push({
      actor: options.actor,
      action: outcome === 'imported' ? 'activity.import' : 'activity.replace',
      targetType: 'activity',
      targetId: rows.identifier,
      before: previousHash && { contentHash: previousHash },
      after: { contentHash: hash, source: file.source.path, importRun: runId },
      origin: options.origin,
    });
  });
  await appendAudits(trx, audit);
  const path = file.source.path;
  let storedIndex = 0;
  for (const item of items) {
    summary.activities += 1;
    if (item.ok) {
      const { outcome } = results[storedIndex++]!;
      const { identifier } = item.rows;
      options.onActivity?.({ path, identifier, line: item.line, outcome, errors: [] });
      continue;
    }
    summary.rejected += 1;
    const who = item.identifier ?? '(no iati-identifier)';
    for (const error of item.errors) {
      summary.errors.push(detached(`${who} (line ${item.line}): ${error}`));
    }
    const { identifier, line, errors } = item;
    options.onActivity?.({ path, identifier, line, outcome: 'rejected', errors });
  }
}

type Batches = AsyncGenerator<ImportItem[], ParseSummary>;

async function readInto(trx: Db, batches: Batches, file: FileContext) {
  const { summary, progress } = file;
  let next = await batches.next();
  try {
    while (!next.done) {
      await storeBatch(trx, next.value, file);
      progress();
      next = await batches.next();
    }
  } finally {
    // A write that failed leaves the reading half-way: end it, which closes the file (and
    // tells the parsing thread to drop it).
    if (!next.done) await batches.return(undefined as never);
  }
  summary.version = next.value.version;
  summary.legacy = next.value.legacy;
  progress();
}

/**
 * Imports IATI files, each in one transaction: a file that cannot be read whole stores
 * nothing, and every activity in a readable file is accounted for as imported, unchanged,
 * replaced or rejected. A dry run does the same work and rolls every file back.
 */
export async function importIati(
  db: Kysely<Database>,
  sources: AsyncIterable<ImportSource> | Iterable<ImportSource>,
  options: ImportOptions,
): Promise<ImportSummary> {
  return withJournalsInMemory(db, () => importFiles(db, sources, options));
}

async function importFiles(
  db: Kysely<Database>,
  sources: AsyncIterable<ImportSource> | Iterable<ImportSource>,
  options: ImportOptions,
): Promise<ImportSummary> {
  const rates = await loadExchangeRates(db);
  const now = new Date().toISOString();
  const files: FileSummary[] = [];
  const runId = options.dryRun ? null : await startImportRun(db, options.label, now);
  // Started for the first file that needs it, and again if it stops.
  let worker = null as ImportWorker | null;
  const parse = (source: ImportSource, input: Readable): Batches => {
    const batchOptions: BatchOptions = { source: source.path, rates };
    const mode = options.parseThread ?? 'auto';
    const big = source.size === null || source.size >= PARSE_THREAD_BYTES;
    if (mode === 'never' || (mode === 'auto' && !big)) return importBatches(input, batchOptions);
    if (worker === null || worker.failed) {
      void worker?.close();
      worker = new ImportWorker();
    }
    return worker.batches(input, batchOptions);
  };

  try {
    for await (const source of sources) {
      let summary = emptyFile(source.path);
      try {
        await db.transaction().execute(async (trx) => {
          let bytes = 0;
          let reported = 0;
          const progress = () => {
            reported = bytes;
            const { activities } = summary;
            options.onProgress?.({ path: source.path, bytes, size: source.size, activities });
          };
          const input = source.open((count) => {
            bytes += count;
            if (bytes - reported >= PROGRESS_BYTES) progress();
          });
          const file = { runId, now, options, summary, source, progress };
          await withDeferredSearchIndex(trx, () => readInto(trx, parse(source, input), file));
          if (options.dryRun) throw new Rollback();
        });
      } catch (error) {
        if (!(error instanceof Rollback)) {
          summary = { ...emptyFile(source.path), refused: true, errors: [describe(error, source)] };
        }
      }
      files.push(summary);
      options.onFile?.(summary);
      if (runId !== null) await updateImportRun(db, runId, source.path, totalsOf(files));
    }
  } finally {
    await worker?.close();
  }

  const totals = totalsOf(files);
  if (totals.imported + totals.replaced > 0) await compactSearchIndex(db);
  if (runId !== null) await finishImportRun(db, runId, totals, new Date().toISOString());
  return { run: runId, dryRun: options.dryRun, files, totals };
}

function describe(error: unknown, source: ImportSource): string {
  if (error instanceof IatiFileError) return error.message;
  if (isDatabaseUnavailable(error)) {
    return (
      `${source.path}: the database could not store it (${(error as Error).message}); nothing ` +
      `of this file was stored: check free disk space and the database, then import it again`
    );
  }
  if (error instanceof Error) return `${source.path}: ${error.message}`;
  return `${source.path}: could not be read`;
}

export function totalsOf(files: readonly FileSummary[]): ImportSummary['totals'] {
  const totals = {
    files: files.length,
    refused: 0,
    activities: 0,
    imported: 0,
    unchanged: 0,
    replaced: 0,
    rejected: 0,
    unpriced: 0,
  };
  for (const file of files) {
    if (file.refused) totals.refused += 1;
    totals.activities += file.activities;
    totals.imported += file.imported;
    totals.unchanged += file.unchanged;
    totals.replaced += file.replaced;
    totals.rejected += file.rejected;
    totals.unpriced += file.unpriced;
  }
  return totals;
}
