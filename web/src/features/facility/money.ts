import { useMemo } from 'react';
import { useFormat } from '../../app/format.ts';

/**
 * Money as the API sends it: decimal strings, formatted by Intl as decimals (Intl reads a string
 * exactly), and summed in integer cents, so no amount ever passes through a float.
 */

/** A US dollar amount as the API takes it (src/facility/proposal.model.ts, `usdAmount`). */
export const USD_AMOUNT = /^\d{1,13}(\.\d{1,2})?$/;

export function isUsdAmount(text: string): boolean {
  return USD_AMOUNT.test(text.trim());
}

/** "250000.5" → 25000050n. Only for text that isUsdAmount accepts. */
export function centsOf(text: string): bigint {
  const [whole = '0', fraction = ''] = text.trim().split('.');
  return BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
}

/** 25000050 → "250000.50". */
export function decimalOfCents(cents: bigint | number): string {
  const value = BigInt(cents);
  const sign = value < 0n ? '-' : '';
  const digits = (value < 0n ? -value : value).toString().padStart(3, '0');
  return `${sign}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

export interface Money {
  /** A US dollar decimal string, exactly: "$1,000,000.33", "$720,000". */
  usd: (decimal: string) => string;
  /** Whole US cents (the API's `…Cents` fields), exactly. */
  usdCents: (cents: number) => string;
  /** An amount in its own currency, with as many decimals as the API gave it. */
  amount: (decimal: string, currency: string) => string;
}

export function moneyIn(locale: string): Money {
  const formats = new Map<string, Intl.NumberFormat>();
  const formatter = (currency: string, digits: number) => {
    const key = `${currency}:${digits}`;
    let format = formats.get(key);
    if (!format) {
      format = new Intl.NumberFormat(locale, {
        style: 'currency',
        currency,
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
        trailingZeroDisplay: 'stripIfInteger',
      });
      formats.set(key, format);
    }
    return format;
  };
  const amount = (decimal: string, currency: string) => {
    const text = decimal.trim();
    if (!/^-?\d+(\.\d+)?$/.test(text)) return decimal;
    const digits = text.includes('.') ? text.length - text.indexOf('.') - 1 : 0;
    return formatter(currency, digits).format(text as `${number}`);
  };
  return {
    usd: (decimal) => amount(decimal, 'USD'),
    usdCents: (cents) => amount(decimalOfCents(cents), 'USD'),
    amount,
  };
}

/** Exact money formats in the current language. */
export function useMoney(): Money {
  const { locale } = useFormat();
  return useMemo(() => moneyIn(locale), [locale]);
}
