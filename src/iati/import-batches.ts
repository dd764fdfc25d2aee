import type { ActivityInput } from '../portfolio/activity.model.ts';
import { activityRows, type ActivityRows, type UsdConverter } from '../portfolio/activity.rows.ts';
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
 * An activity's rows, or why they cannot be made: an amount that is exact as published can
 * still pass what cents hold exactly once converted to US dollars.
 */
function rowsOrFault(activity: ActivityInput, toUsd: UsdConverter): ActivityRows | string {
  try {
    return activityRows(activity, toUsd);
  } catch (error) {
    if (error instanceof RangeError)
      return `a value is out of range in US dollars (${error.message})`;
    throw error;
  }
}

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
      const { activity, line } = item;
      const rows = rowsOrFault(activity, toUsd);
      if (typeof rows === 'string') {
        const errors = [`line ${line}: ${rows}`];
        batch.push({ ok: false, identifier: activity.iatiIdentifier, line, errors });
      } else {
        chars += rows.activity.reduce<number>(
          (sum, value) => sum + (typeof value === 'string' ? value.length : 1),
          0,
        );
        batch.push({ ok: true, line, rows });
      }
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
