import { batchText } from './batch.ts';
import { toCell } from './cell.ts';
import type { Column, ColumnKind, RowSource } from './tabular.types.ts';

/** Excel reads a CSV as UTF-8 only when it starts with a byte order mark. */
const BOM = '\uFEFF';
const NEEDS_QUOTES = /[",\r\n]/;
// A spreadsheet treats text starting with these as a formula (OWASP "CSV injection").
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A CSV file as string chunks of about 64 KiB: BOM, header line, then one CRLF-terminated
 * record per row, quoted per RFC 4180. Nothing is kept between chunks, so memory stays flat
 * however many rows there are; encode the chunks as UTF-8.
 */
export async function* csvChunks<Row>(
  columns: readonly Column<Row>[],
  rows: RowSource<Row>,
): AsyncGenerator<string> {
  yield BOM + columns.map((column) => csvText(column.header)).join(',') + '\r\n';
  yield* batchText(csvRecords(columns, rows));
}

async function* csvRecords<Row>(
  columns: readonly Column<Row>[],
  rows: RowSource<Row>,
): AsyncGenerator<string> {
  for await (const row of rows) {
    let line = '';
    for (let i = 0; i < columns.length; i++) {
      const column = columns[i] as Column<Row>;
      if (i > 0) line += ',';
      line += csvField(column.value(row), column.kind);
    }
    yield line + '\r\n';
  }
}

function csvField(value: string | number | null, kind: ColumnKind | undefined): string {
  const cell = toCell(value, kind);
  switch (cell.type) {
    case 'empty':
      return '';
    // Numbers (including "-12.50" in a number column) are data, never a formula, so unguarded.
    case 'number':
      return cell.text;
    case 'date':
      return cell.iso;
    case 'text':
      return csvText(cell.text);
  }
}

/** Text guarded against formula injection with a leading apostrophe, then quoted if needed. */
export function csvText(text: string): string {
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
