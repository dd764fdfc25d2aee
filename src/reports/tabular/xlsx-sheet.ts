/**
 * One worksheet as XML text, a row at a time. Strings are inline (`t="inlineStr"`) rather than
 * in a shared-string table, which would have to hold every distinct string until the end.
 */
import { toCell } from './cell.ts';
import type { Column } from './tabular.types.ts';
import { STYLE } from './xlsx-parts.ts';
import { xmlEscape } from './xml-text.ts';

/** Excel's limits: rows per sheet (the header included) and characters per cell. */
export const MAX_SHEET_ROWS = 1_048_576;
export const MAX_SHEET_COLUMNS = 16_384;
const MAX_CELL_CHARS = 32_767;
// Readers decode _xHHHH_ in cell text as a character; escaping the underscore keeps it literal.
const OOXML_ESCAPE = /_(?=x[0-9A-Fa-f]{4}_)/g;

export function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

export function sheetHead<Row>(columns: readonly Column<Row>[]): string {
  const widths = columns
    .map((column, i) => {
      const width = Math.min(
        60,
        Math.max(column.kind === 'date' ? 12 : 10, column.header.length + 2),
      );
      return `<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"/>`;
    })
    .join('');
  const header = columns.map((column, i) =>
    textCell(`${columnLetters(i)}1`, column.header, STYLE.header),
  );
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    // The header row stays in view while scrolling.
    '<sheetViews><sheetView workbookViewId="0">' +
    '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
    '</sheetView></sheetViews>' +
    (widths ? `<cols>${widths}</cols>` : '') +
    `<sheetData><row r="1">${header.join('')}</row>`
  );
}

export const SHEET_TAIL = '</sheetData></worksheet>';

/** Cell references ("B7") computed once per column; only the row number changes. */
export function rowXml<Row>(
  columns: readonly Column<Row>[],
  letters: readonly string[],
  rowNumber: number,
  row: Row,
): string {
  let xml = `<row r="${rowNumber}">`;
  for (let i = 0; i < columns.length; i++) {
    const column = columns[i] as Column<Row>;
    const ref = `${letters[i]}${rowNumber}`;
    const cell = toCell(column.value(row), column.kind);
    switch (cell.type) {
      case 'empty':
        break;
      case 'number': {
        const style = column.kind === 'integer' ? ` s="${STYLE.integer}"` : '';
        xml += `<c r="${ref}"${style} t="n"><v>${cell.text}</v></c>`;
        break;
      }
      case 'date':
        xml += `<c r="${ref}" s="${STYLE.date}" t="n"><v>${cell.serial}</v></c>`;
        break;
      case 'text':
        xml += textCell(ref, cell.text);
        break;
    }
  }
  return xml + '</row>';
}

function textCell(ref: string, text: string, style?: number): string {
  const s = style === undefined ? '' : ` s="${style}"`;
  const body = xmlEscape(text.slice(0, MAX_CELL_CHARS)).replace(OOXML_ESCAPE, '_x005F_');
  // Leading or trailing spaces would be trimmed by readers without xml:space.
  const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}"${s} t="inlineStr"><is><t${space}>${body}</t></is></c>`;
}
