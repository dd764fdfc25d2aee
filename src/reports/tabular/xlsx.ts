import type { Column, RowSource } from './tabular.types.ts';
import {
  CONTENT_TYPES,
  ROOT_RELS,
  STYLES,
  sheetName,
  sheetPath,
  workbookRels,
  workbookXml,
} from './xlsx-parts.ts';
import {
  MAX_SHEET_COLUMNS,
  MAX_SHEET_ROWS,
  SHEET_TAIL,
  columnLetters,
  rowXml,
  sheetHead,
} from './xlsx-sheet.ts';
import { zipStream, type ZipEntry } from './zip-stream.ts';

export interface XlsxOptions {
  /** Name of the first sheet; rows past Excel's limit continue on "<name> (2)" and so on. */
  sheetName?: string;
  /** Data rows per sheet, at most Excel's 1,048,575; smaller values exist for tests. */
  maxRowsPerSheet?: number;
}

/**
 * An .xlsx workbook as a stream of bytes, written while the rows are read: a header row in bold
 * and frozen, numbers and dates as typed cells, text inline. Memory stays flat however many rows
 * there are. Each sheet must stay under 4 GiB of XML and the file under 4 GiB (no ZIP64).
 */
export async function* xlsxStream<Row>(
  columns: readonly Column<Row>[],
  rows: RowSource<Row>,
  options: XlsxOptions = {},
): AsyncGenerator<Uint8Array> {
  if (columns.length > MAX_SHEET_COLUMNS) {
    throw new RangeError(`a sheet holds at most ${MAX_SHEET_COLUMNS} columns`);
  }
  const perSheet = Math.min(options.maxRowsPerSheet ?? Infinity, MAX_SHEET_ROWS - 1);
  if (!(perSheet >= 1)) throw new RangeError('maxRowsPerSheet must be at least 1');
  const letters = columns.map((_, i) => columnLetters(i));
  const iterator = (async function* () {
    yield* rows;
  })();
  // A full sheet reads one row ahead, so that an export of exactly N sheets makes no empty N+1th.
  let carried: IteratorResult<Row> | undefined;
  let exhausted = false;
  const names: string[] = [];

  async function* sheet(): AsyncGenerator<string> {
    yield sheetHead(columns);
    for (let r = 0; r < perSheet; r++) {
      const result = carried ?? (await iterator.next());
      carried = undefined;
      if (result.done === true) {
        exhausted = true;
        break;
      }
      yield rowXml(columns, letters, r + 2, result.value);
    }
    if (!exhausted) {
      carried = await iterator.next();
      exhausted = carried.done === true;
    }
    yield SHEET_TAIL;
  }

  // zipStream asks for the next entry only after the previous one is written, so `exhausted`
  // is known when deciding whether another sheet is needed.
  function* entries(): Generator<ZipEntry> {
    yield { name: '[Content_Types].xml', content: [CONTENT_TYPES] };
    yield { name: '_rels/.rels', content: [ROOT_RELS] };
    yield { name: 'xl/styles.xml', content: [STYLES] };
    do {
      names.push(sheetName(options.sheetName ?? 'Export', names.length + 1));
      yield { name: sheetPath(names.length), content: sheet() };
    } while (!exhausted);
    yield { name: 'xl/workbook.xml', content: [workbookXml(names)] };
    yield { name: 'xl/_rels/workbook.xml.rels', content: [workbookRels(names.length)] };
  }

  try {
    yield* zipStream(entries());
  } finally {
    // A consumer that stops early (a closed HTTP response) must still release a database cursor.
    if (!exhausted) await iterator.return(undefined);
  }
}
