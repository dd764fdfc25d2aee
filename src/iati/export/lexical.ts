/**
 * The XML Schema types the IATI schema gives its attributes, checked before writing, so that a
 * stored value the type refuses is reported instead of making the document invalid.
 */

const DATE = /^-?(\d{4,})-(\d{2})-(\d{2})(Z|[+-]\d{2}:\d{2})?$/;
const DATE_TIME =
  /^-?(\d{4,})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const LANGUAGE = /^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$/;
const NON_NEGATIVE_INTEGER = /^\+?\d+$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const leap = (year: number): boolean => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);

function isCalendarDay(year: number, month: number, day: number): boolean {
  const days = month === 2 && leap(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
  return day >= 1 && day <= days;
}

/** xsd:date, e.g. 2024-02-29 (a time zone suffix is allowed). */
export function isDate(value: string): boolean {
  const m = DATE.exec(value);
  return m !== null && isCalendarDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** xsd:dateTime, e.g. 2024-11-06T09:30:00Z. */
export function isDateTime(value: string): boolean {
  const m = DATE_TIME.exec(value);
  if (m === null || !isCalendarDay(Number(m[1]), Number(m[2]), Number(m[3]))) return false;
  const [hour, minute, second] = [Number(m[4]), Number(m[5]), Number(m[6])];
  if (hour === 24) return minute === 0 && second === 0 && !/[1-9]/.test(m[7] ?? '');
  return hour < 24 && minute < 60 && second < 60;
}

/** xsd:decimal: digits with an optional sign and point, no exponent. */
export const isDecimal = (value: string): boolean => DECIMAL.test(value);

/** xsd:language, the type of xml:lang (the empty string is handled by the caller). */
export const isLanguage = (value: string): boolean => LANGUAGE.test(value);

export const isNonNegativeInteger = (value: string): boolean => NON_NEGATIVE_INTEGER.test(value);

/** xsd:int. */
export const isInt = (value: number): boolean =>
  Number.isInteger(value) && value >= -2147483648 && value <= 2147483647;

/**
 * xsd:anyURI as libxml2 (xmllint) checks it: it accepts almost anything, spaces included, but
 * refuses a `%` not followed by two hex digits and square brackets outside an IPv6 host.
 */
export function isUri(value: string): boolean {
  if (/%(?![0-9a-fA-F]{2})/.test(value)) return false;
  const brackets = value.replace(/^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/\[[0-9a-fA-F:.]+\]/, '');
  return !/[[\]]/.test(brackets) && value !== ':';
}

/**
 * A number as plain decimal digits, never in exponent notation (which String() uses below
 * 1e-6 and from 1e21): the shortest digits that read back as the same number.
 */
export function plainNumber(value: number): string {
  const text = String(value);
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (m === null) return text;
  const [, sign = '', int = '', fraction = '', exponentText = '0'] = m;
  const exponent = Number(exponentText);
  const digits = int + fraction;
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  return sign + digits.padEnd(exponent + 1, '0');
}
