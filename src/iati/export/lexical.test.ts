import { describe, expect, it } from 'vitest';
import { isDate, isDateTime, isDecimal, isLanguage, isUri, plainNumber } from './lexical.ts';

describe('schema types', () => {
  it('accepts calendar dates and refuses impossible ones', () => {
    expect(isDate('2024-02-29')).toBe(true);
    expect(isDate('2023-01-01Z')).toBe(true);
    expect(isDate('2023-02-29')).toBe(false);
    expect(isDate('2023-02-30')).toBe(false);
    expect(isDate('2023-13-01')).toBe(false);
    expect(isDate('2023-1-1')).toBe(false);
  });

  it('accepts date-times with or without a zone', () => {
    expect(isDateTime('2024-11-06T09:30:00Z')).toBe(true);
    expect(isDateTime('2024-11-06T09:30:00.123+05:00')).toBe(true);
    expect(isDateTime('2024-11-06T09:30:00')).toBe(true);
    expect(isDateTime('2024-11-06')).toBe(false);
    expect(isDateTime('2024-11-06T25:00:00Z')).toBe(false);
  });

  it('accepts decimals as published and refuses exponents', () => {
    for (const ok of ['0', '-300', '1250000.00', '+1.5', '.5', '5.'])
      expect(isDecimal(ok)).toBe(true);
    for (const bad of ['1e5', '', '1,000', 'NaN', '--1', '1.2.3'])
      expect(isDecimal(bad)).toBe(false);
  });

  it('checks language codes', () => {
    expect(isLanguage('en')).toBe(true);
    expect(isLanguage('zh-Hans')).toBe(true);
    expect(isLanguage('en_US')).toBe(false);
  });

  it('refuses the URIs xmllint refuses', () => {
    expect(isUri('https://example.org/a b?x=1&y=2')).toBe(true);
    expect(isUri('http://[2001:db8::1]/x')).toBe(true);
    expect(isUri('https://example.org/%zz')).toBe(false);
    expect(isUri('https://example.org/[x]')).toBe(false);
  });
});

describe('plainNumber', () => {
  it('never writes an exponent and reads back the same number', () => {
    for (const n of [43.238949, -0.0000001, 1.2345678e-9, 0, -74.5698, 1e21, 123456789012]) {
      const text = plainNumber(n);
      expect(text).not.toMatch(/e/i);
      expect(Number(text)).toBe(n);
    }
    expect(plainNumber(-0.0000001)).toBe('-0.0000001');
  });
});
