import { AppError } from '../errors.ts';
import { isCode } from '../reference/index.ts';

/**
 * ISO 4217 minor units: how many decimals an amount in each currency has. Two is the rule;
 * these are the exceptions among active currencies (ISO 4217 list one, "Minor unit" column).
 */
const MINOR_UNIT_EXCEPTIONS: Readonly<Record<string, number>> = {
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
};

export function minorUnits(currency: string): number {
  return MINOR_UNIT_EXCEPTIONS[currency] ?? 2;
}

/** A currency code the IATI Currency codelist knows, upper-cased; else a 400 naming the field. */
export function validCurrency(code: string, field = 'currency'): string {
  const upper = code.trim().toUpperCase();
  if (!isCode('Currency', upper)) {
    throw new AppError('bad_request', `${field}: ${JSON.stringify(code)} is not an ISO 4217 code`);
  }
  return upper;
}

const AMOUNT = /^(\d{1,15})(?:\.(\d+))?$/;
// $100 bn in cents, far above any facility's entry: sums of up to 900 of them stay exact.
const MAX_MINOR_UNITS = 1e13;

/**
 * A positive decimal amount ("1000000", "2500.50") as an exact integer of the currency's minor
 * units. More decimals than the currency has is an error, not a rounding: money is never
 * rounded silently.
 */
export function toMinorUnits(text: string, currency: string, field = 'amount'): number {
  const match = AMOUNT.exec(text.trim());
  if (!match) {
    throw new AppError(
      'bad_request',
      `${field}: ${JSON.stringify(text)} is not a positive decimal amount like 1000000.00`,
    );
  }
  const [, whole, fraction = ''] = match;
  const digits = minorUnits(currency);
  if (fraction.length > digits) {
    throw new AppError(
      'bad_request',
      `${field}: ${currency} has ${digits} decimal${digits === 1 ? '' : 's'}; ${text} has more`,
    );
  }
  const units = Number(`${whole}${fraction.padEnd(digits, '0')}`);
  if (units <= 0 || units > MAX_MINOR_UNITS) {
    throw new AppError(
      'bad_request',
      `${field}: ${text} ${currency} must be more than zero and at most 10^13 minor units`,
    );
  }
  return units;
}

/** Minor units back to a decimal string: 150000 USD → "1500.00", 1000 KRW → "1000". */
export function fromMinorUnits(units: number, currency: string): string {
  const digits = minorUnits(currency);
  const sign = units < 0 ? '-' : '';
  const abs = String(Math.abs(units)).padStart(digits + 1, '0');
  if (digits === 0) return `${sign}${abs}`;
  return `${sign}${abs.slice(0, -digits)}.${abs.slice(-digits)}`;
}

/** US cents from a decimal dollar amount. */
export const usdCents = (text: string, field = 'amount'): number =>
  toMinorUnits(text, 'USD', field);

export const formatUsd = (cents: number): string => fromMinorUnits(cents, 'USD');
