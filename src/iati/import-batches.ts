import { activityRows, type ActivityRows } from '../portfolio/activity.rows.ts';
import { usdConverter } from '../reference/fx.service.ts';
import type { ExchangeRateTable } from '../reference/reference.table.ts';
import { parseIatiStream, type ParseSummary } from './parse/index.ts';

/** One iati-activity of a file: the rows to store, or why it is rejected. */
export type ImportItem =
  | { ok: true; line: number; rows: ActivityRows }
  | { ok: false; identifier: string | null; line: number; errors: string[] };

export interface BatchOptions {
  /** How the file is named in messages. */
  source: string;
  /** The exchange-rate table, for the US dollar values. */
  rates: readonly ExchangeRateTable[];
}

// A batch closes at this many activities or this many characters of them, whichever comes
// first: enough to write many rows per statement, few enough to keep memory flat.
const BATCH_ACTIVITIES = 64;
const BATCH_CHARS = 1 << 20;

/**
 * Reads an IATI file and yields its activities in batches, in document order, each mapped,
 * validated and turned into rows: everything of an import that needs no database, so that it
 * can run on a thread of its own (import-worker.ts). Throws IatiFileError as parseIatiStream
 * does, possibly after some batches.
 */
export async function* importBatches(
  input: AsyncIterable<Uint8Array>,
  options: BatchOptions,
): AsyncGenerator<ImportItem[], ParseSummary> {
  const toUsd = usdConverter(options.rates);
  let batch: ImportItem[] = [];
  let chars = 0;
  const parsed = parseIatiStream(input, { source: options.source });
  let next = await parsed.next();
  while (!next.done) {
    const item = next.value;
    if (item.ok) {
      const rows = activityRows(item.activity, toUsd);
      chars += rows.activity.reduce<number>(
        (sum, value) => sum + (typeof value === 'string' ? value.length : 1),
        0,
      );
      batch.push({ ok: true, line: item.line, rows });
    } else {
      const { identifier, line, errors } = item;
      batch.push({ ok: false, identifier, line, errors });
    }
    if (batch.length >= BATCH_ACTIVITIES || chars >= BATCH_CHARS) {
      yield batch;
      batch = [];
      chars = 0;
    }
    next = await parsed.next();
  }
  if (batch.length > 0) yield batch;
  return next.value;
}
