import { isDatabaseUnavailable } from '../db/unavailable.ts';
import type { Kysely } from 'kysely';
import type { Database, Db } from '../db/database.ts';
import { storeActivity } from '../portfolio/activity.service.ts';
import { appendAudit } from '../accounts/audit.service.ts';
import type { UsdConverter } from '../portfolio/activity.repository.ts';
import { loadUsdConverter } from '../reference/fx.service.ts';
import { affectedActivities, refreshAllocations } from '../portfolio/allocation.service.ts';
import { IatiFileError, parseIatiStream } from './parse/index.ts';
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
  onProgress?: (progress: ImportProgress) => void;
  onFile?: (file: FileSummary) => void;
  /** Each activity as it is stored or rejected; a file refused later undoes them all. */
  onActivity?: (activity: ActivityOutcome) => void;
}

/**
 * A copy of a string that does not share memory with the text it was cut from: V8 keeps a
 * whole decoded chunk of the file alive for as long as any substring of it is kept.
 */
function detached(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}

/** Activities stored between allocation refreshes, so memory stays flat on big files. */
const ALLOCATION_BATCH = 500;

/** Thrown inside a file's transaction to undo it while keeping its summary. */
class Rollback extends Error {}

function emptyFile(path: string): FileSummary {
  const counts = { activities: 0, imported: 0, unchanged: 0, replaced: 0, rejected: 0 };
  return { path, refused: false, version: null, legacy: false, unpriced: 0, errors: [], ...counts };
}

async function readInto(
  trx: Db,
  source: ImportSource,
  summary: FileSummary,
  context: { runId: number | null; toUsd: UsdConverter; now: string },
  options: ImportOptions,
): Promise<void> {
  let bytes = 0;
  const progress = () =>
    options.onProgress?.({
      path: source.path,
      bytes,
      size: source.size,
      activities: summary.activities,
    });
  const input = source.open((count) => (bytes += count));
  const toUsd: UsdConverter = (amount) => {
    const usd = context.toUsd(amount);
    if (usd.cents === null) summary.unpriced += 1;
    return usd;
  };
  const store = { isDemo: false, importRunId: context.runId, toUsd, now: context.now };

  const changed: string[] = [];
  const parsed = parseIatiStream(input, { source: source.path });
  let next = await parsed.next();
  while (!next.done) {
    const item = next.value;
    summary.activities += 1;
    if (item.ok) {
      const { outcome, previousHash, hash } = await storeActivity(trx, item.activity, store);
      summary[outcome] += 1;
      options.onActivity?.({
        path: source.path,
        identifier: item.identifier,
        line: item.line,
        outcome,
        errors: [],
      });
      if (outcome !== 'unchanged') {
        await appendAudit(trx, {
          actor: options.actor,
          action: outcome === 'imported' ? 'activity.import' : 'activity.replace',
          targetType: 'activity',
          targetId: item.activity.iatiIdentifier,
          before: previousHash && { contentHash: previousHash },
          after: { contentHash: hash, source: source.path, importRun: context.runId },
          origin: options.origin,
        });
      }
      if (outcome !== 'unchanged') changed.push(detached(item.activity.iatiIdentifier));
      if (changed.length >= ALLOCATION_BATCH) {
        await refreshAllocations(trx, await affectedActivities(trx, changed.splice(0)));
      }
    } else {
      summary.rejected += 1;
      const who = item.identifier ?? '(no iati-identifier)';
      for (const error of item.errors) {
        summary.errors.push(detached(`${who} (line ${item.line}): ${error}`));
      }
      options.onActivity?.({
        path: source.path,
        identifier: item.identifier,
        line: item.line,
        outcome: 'rejected',
        errors: item.errors,
      });
    }
    if (summary.activities % 50 === 0) progress();
    next = await parsed.next();
  }
  summary.version = next.value.version;
  summary.legacy = next.value.legacy;
  await refreshAllocations(trx, await affectedActivities(trx, changed));
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
  const toUsd = await loadUsdConverter(db);
  const now = new Date().toISOString();
  const files: FileSummary[] = [];
  const runId = options.dryRun ? null : await startImportRun(db, options.label, now);

  for await (const source of sources) {
    let summary = emptyFile(source.path);
    try {
      await db.transaction().execute(async (trx) => {
        await readInto(trx, source, summary, { runId, toUsd, now }, options);
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

  const totals = totalsOf(files);
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
