/**
 * Numbers as plain decimal text. Spreadsheets and CSV readers in every locale we care about read
 * `1234.5`, but `1.2e-7` or `1e+21` would be read as text by some, so exponents are expanded.
 */

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d+))?$/;

/** A decimal string in canonical form (no `+`, no leading zeros), or undefined if it is not one. */
export function canonicalDecimal(text: string): string | undefined {
  const match = DECIMAL.exec(text);
  if (!match) return undefined;
  const [, sign, whole = '', fraction] = match;
  const digits = whole.replace(/^0+(?=\d)/, '');
  return `${sign === '-' ? '-' : ''}${digits}${fraction === undefined ? '' : `.${fraction}`}`;
}

/** The shortest round-tripping decimal of a finite number, without an exponent. */
export function plainNumber(value: number): string {
  // A file with "NaN" in an amount column would be silently wrong; a failed export is not.
  if (!Number.isFinite(value)) throw new RangeError(`cannot write ${value} as a number`);
  const text = String(value);
  const e = text.indexOf('e');
  if (e < 0) return text;
  const sign = text.startsWith('-') ? '-' : '';
  const [whole = '', fraction = ''] = text.slice(sign.length, e).split('.');
  const digits = whole + fraction;
  const point = whole.length + Number(text.slice(e + 1));
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}
