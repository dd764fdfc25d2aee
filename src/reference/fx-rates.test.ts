import { describe, expect, it } from 'vitest';
import { CODELISTS } from './codes.ts';
import { ANNUAL_RATES, annualRate } from './fx-rates.ts';

describe('annual average exchange rates', () => {
  it('has rows', () => {
    expect(ANNUAL_RATES.length).toBeGreaterThan(0);
  });

  it('uses only ISO 4217 codes from the IATI Currency codelist, never USD', () => {
    const unknown = ANNUAL_RATES.filter(
      (rate) => !CODELISTS.Currency.has(rate.currency) || rate.currency === 'USD',
    );
    expect(unknown).toEqual([]);
  });

  it('has one row per currency and year', () => {
    const keys = ANNUAL_RATES.map((rate) => `${rate.currency}/${rate.year}`);
    expect(keys.filter((key, i) => keys.indexOf(key) !== i)).toEqual([]);
  });

  it('keeps each rate as a positive plain decimal string', () => {
    for (const rate of ANNUAL_RATES) {
      expect(rate.perUsd, `${rate.currency}/${rate.year}`).toMatch(/^\d+(\.\d+)?$/);
      expect(Number(rate.perUsd), `${rate.currency}/${rate.year}`).toBeGreaterThan(0);
    }
  });

  it('has whole, plausible years', () => {
    for (const rate of ANNUAL_RATES) {
      expect(Number.isInteger(rate.year)).toBe(true);
      expect(rate.year).toBeGreaterThanOrEqual(1990);
      expect(rate.year).toBeLessThanOrEqual(2024);
    }
  });

  it('cites a source with an address on every row', () => {
    for (const rate of ANNUAL_RATES) {
      expect(rate.source.trim(), `${rate.currency}/${rate.year}`).not.toBe('');
      expect(rate.source, `${rate.currency}/${rate.year}`).toMatch(/https?:\/\/\S+/);
    }
  });

  it('prefers the IRS table over the Federal Reserve where both give a year', () => {
    expect(annualRate('CAD', 2022)).toMatchObject({ perUsd: '1.301' });
    expect(annualRate('CAD', 2022)?.source).toContain('irs.gov');
    expect(annualRate('CAD', 2023)).toMatchObject({ perUsd: '1.3494' });
    expect(annualRate('CAD', 2023)?.source).toContain('federalreserve.gov/releases/g5a/20240201');
  });

  it('keeps the digits as published', () => {
    expect(annualRate('JPY', 2013)?.perUsd).toBe('97.60');
    expect(annualRate('KRW', 2021)?.perUsd).toBe('1144.8911');
    expect(annualRate('EUR', 2024)?.perUsd).toBe('0.924');
    expect(annualRate('GBP', 2007)?.perUsd).toBe('0.500');
  });

  it('sorts by currency, then year', () => {
    const sorted = [...ANNUAL_RATES].sort(
      (a, b) => a.currency.localeCompare(b.currency) || a.year - b.year,
    );
    expect(ANNUAL_RATES).toEqual(sorted);
  });

  it('answers undefined for a year no source covers', () => {
    expect(annualRate('JPY', 2016)).toBeUndefined();
    expect(annualRate('XXX', 2020)).toBeUndefined();
  });
});
