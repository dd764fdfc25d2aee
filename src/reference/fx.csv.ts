import { AppError } from '../errors.ts';
import { isDecimal } from '../portfolio/money.ts';
import { isCode } from './codes.ts';

export interface RateRow {
  currency: string;
  period: string;
  perUsd: string;
  source: string;
}

export const FX_CSV_HEADER = ['currency', 'period', 'per_usd', 'source'] as const;

/** Splits one CSV line (RFC 4180 quoting, no line breaks inside fields). */
export function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field === '') quoted = true;
    else if (char === ',') {
      fields.push(field);
      field = '';
    } else field += char;
  }
  fields.push(field);
  return fields.map((f) => f.trim());
}

function isRealDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

/**
 * Parses an exchange-rate CSV: `currency,period,per_usd,source`, period a year (annual average)
 * or a day. Every problem is reported with its line and field; one bad line refuses the file.
 */
export function parseRatesCsv(text: string, file: string): RateRow[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const header = splitCsvLine(lines[0] ?? '').map((h) => h.toLowerCase());
  if (header.join(',') !== FX_CSV_HEADER.join(',')) {
    throw new AppError(
      'bad_request',
      `${file}:1: the header must be ${FX_CSV_HEADER.join(',')} (found ${JSON.stringify(lines[0] ?? '')})`,
    );
  }
  const rows: RateRow[] = [];
  const problems: string[] = [];
  lines.slice(1).forEach((line, index) => {
    if (line.trim() === '') return;
    const at = `${file}:${index + 2}`;
    const [currency = '', period = '', perUsd = '', source = '', ...extra] = splitCsvLine(line);
    if (extra.length > 0) problems.push(`${at}: ${4 + extra.length} fields, expected 4`);
    if (!isCode('Currency', currency))
      problems.push(`${at}: currency: ${JSON.stringify(currency)} is not an ISO 4217 code`);
    if (!/^\d{4}$/.test(period) && !isRealDate(period)) {
      problems.push(`${at}: period: ${JSON.stringify(period)} is neither a year nor a date`);
    }
    if (!isDecimal(perUsd) || !/[1-9]/.test(perUsd) || perUsd.startsWith('-')) {
      problems.push(`${at}: per_usd: ${JSON.stringify(perUsd)} is not a positive decimal`);
    }
    if (source === '') problems.push(`${at}: source: empty (say where the rate comes from)`);
    rows.push({ currency, period, perUsd, source });
  });
  if (problems.length > 0) throw new AppError('bad_request', problems.join('\n'));
  return rows;
}
