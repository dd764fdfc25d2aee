import { createReadStream, openSync, readSync, closeSync } from 'node:fs';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { AppError } from '../errors.ts';
import {
  importIati,
  type ActivityOutcome,
  type ImportOptions,
  type ImportSummary,
} from './import.service.ts';
import { readCounted, type ImportSource } from './sources.ts';

/**
 * What `POST /api/imports` streams, one JSON object a line, when asked for
 * `application/x-ndjson`: progress while the file is read, each activity's outcome, then the
 * summary (or the failure). Activities reported before a file is refused are rolled back with it.
 */
export type ImportEvent =
  | { type: 'progress'; bytes: number; size: number | null; activities: number }
  | ({ type: 'activity' } & ActivityOutcome)
  | { type: 'done'; summary: ImportSummary }
  | { type: 'failed'; error: { code: string; message: string } };

export const IMPORT_EVENTS_TYPE = 'application/x-ndjson';

/** gzip or XML, judged by the first bytes as uploads are; anything else is refused. */
export function uploadKind(head: Buffer): 'gzip' | 'xml' {
  if (head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  const text = head
    .subarray(0, 64)
    .toString('latin1')
    .replace(/^\uFEFF|^\xEF\xBB\xBF/, '');
  if (
    /^\s*</.test(text) ||
    (head[0] === 0xfe && head[1] === 0xff) ||
    (head[0] === 0xff && head[1] === 0xfe)
  ) {
    return 'xml';
  }
  throw new AppError('bad_request', 'The upload is neither XML nor gzip-compressed XML');
}

/** An upload already written to a file: read again from disk, counting raw bytes. */
export function spooledSource(path: string, name: string, size: number): ImportSource {
  const head = Buffer.alloc(64);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  const kind = uploadKind(head);
  return {
    path: name,
    size,
    open: (onBytes) => readCounted(createReadStream(path), kind === 'gzip', onBytes),
  };
}

/** Runs the import and yields its events as NDJSON lines while it goes. */
export async function* importEvents(
  db: Kysely<Database>,
  source: ImportSource,
  options: Omit<ImportOptions, 'onProgress' | 'onActivity'>,
): AsyncGenerator<string> {
  const queue: ImportEvent[] = [];
  let wake: (() => void) | null = null;
  let finished = false;
  const push = (event: ImportEvent) => {
    queue.push(event);
    wake?.();
  };
  const run = importIati(db, [source], {
    ...options,
    onProgress: ({ bytes, size, activities }) =>
      push({ type: 'progress', bytes, size, activities }),
    onActivity: (activity) => push({ type: 'activity', ...activity }),
  }).then(
    (summary) => push({ type: 'done', summary }),
    (error: unknown) =>
      push({
        type: 'failed',
        error:
          error instanceof AppError
            ? { code: error.code, message: error.message }
            : { code: 'internal', message: 'The import failed on the server' },
      }),
  );
  void run.finally(() => {
    finished = true;
    wake?.();
  });
  for (;;) {
    const event = queue.shift();
    if (event) {
      yield `${JSON.stringify(event)}\n`;
      continue;
    }
    if (finished) return;
    await new Promise<void>((resolve) => (wake = resolve));
    wake = null;
  }
}
