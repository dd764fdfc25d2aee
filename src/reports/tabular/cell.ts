import { canonicalDecimal, plainNumber } from './number-text.ts';
import type { CellValue, ColumnKind } from './tabular.types.ts';

/** One value decided once, so CSV and XLSX agree on what is a number, a date or text. */
export type Cell =
  | { type: 'empty' }
  | { type: 'number'; text: string }
  | { type: 'date'; iso: string; serial: number }
  | { type: 'text'; text: string };

const EMPTY: Cell = { type: 'empty' };
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;
// Spreadsheet day 0 is 1899-12-30 in the 1900 date system, which is exact from 1900-03-01 on
// (Lotus's phantom 1900-02-29 shifts earlier serials, so those dates stay text).
const EPOCH_MS = Date.UTC(1899, 11, 30);
const FIRST_SAFE_MS = Date.UTC(1900, 2, 1);

export function toCell(value: CellValue, kind: ColumnKind | undefined): Cell {
  if (value === null) return EMPTY;
  if (typeof value === 'number') return { type: 'number', text: plainNumber(value) };
  switch (kind) {
    case 'number':
    case 'integer': {
      const text = canonicalDecimal(value);
      return text === undefined ? { type: 'text', text: value } : { type: 'number', text };
    }
    case 'date': {
      const serial = dateSerial(value);
      return serial === undefined
        ? { type: 'text', text: value }
        : { type: 'date', iso: value, serial };
    }
    case 'text':
    case undefined:
      return { type: 'text', text: value };
  }
}

/** The spreadsheet serial day of an ISO date, or undefined if it is not a real date. */
export function dateSerial(iso: string): number | undefined {
  const match = ISO_DATE.exec(iso);
  if (!match) return undefined;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const ms = Date.UTC(year, month - 1, day);
  const date = new Date(ms);
  // Date.UTC rolls 2023-02-30 over to March; a rolled date is not the one we were given.
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  if (ms < FIRST_SAFE_MS || year > 9999) return undefined;
  return (ms - EPOCH_MS) / DAY_MS;
}
