import { describe, expect, it } from 'vitest';
import { dateSerial, toCell } from './cell.ts';
import { canonicalDecimal, plainNumber } from './number-text.ts';

describe('plainNumber', () => {
  it('writes numbers with a point and never an exponent', () => {
    expect(plainNumber(1234567.89)).toBe('1234567.89');
    expect(plainNumber(-0.05)).toBe('-0.05');
    expect(plainNumber(1e21)).toBe('1000000000000000000000');
    expect(plainNumber(-1.5e22)).toBe('-15000000000000000000000');
    expect(plainNumber(1.5e-7)).toBe('0.00000015');
    expect(plainNumber(-2.5e-10)).toBe('-0.00000000025');
    expect(plainNumber(Number.MAX_SAFE_INTEGER)).toBe('9007199254740991');
    expect(plainNumber(-0)).toBe('0');
  });

  it('round-trips every number it writes', () => {
    for (const n of [0.1 + 0.2, 1 / 3, 123456789.123, 5e-324, 1.7976931348623157e308, 4.35e21]) {
      expect(Number(plainNumber(n))).toBe(n);
    }
  });

  it('refuses NaN and infinities rather than write a wrong figure', () => {
    expect(() => plainNumber(Number.NaN)).toThrow(RangeError);
    expect(() => plainNumber(Infinity)).toThrow(RangeError);
  });
});

describe('canonicalDecimal', () => {
  it('keeps the digits of a decimal string exactly', () => {
    expect(canonicalDecimal('12345678901234567890.123456789')).toBe(
      '12345678901234567890.123456789',
    );
    expect(canonicalDecimal('12.50')).toBe('12.50');
    expect(canonicalDecimal('+0007.5')).toBe('7.5');
    expect(canonicalDecimal('-000')).toBe('-0');
  });

  it('refuses what is not a plain decimal', () => {
    for (const text of ['', '1e5', '.5', '5.', '1,000', ' 1', 'NaN', '0x10', '=1+1']) {
      expect(canonicalDecimal(text)).toBeUndefined();
    }
  });
});

describe('dateSerial', () => {
  it('counts days as spreadsheets do', () => {
    expect(dateSerial('1900-03-01')).toBe(61);
    expect(dateSerial('1999-12-31')).toBe(36525);
    expect(dateSerial('2024-01-31')).toBe(45322);
    expect(dateSerial('2024-02-29')).toBe(45351);
  });

  it('refuses dates that do not exist or that the 1900 system gets wrong', () => {
    for (const text of ['2023-02-29', '2024-13-01', '2024-04-31', '1900-02-28', '2024-1-5', 'x']) {
      expect(dateSerial(text)).toBeUndefined();
    }
  });
});

describe('toCell', () => {
  it('reads strings by the column kind and leaves misfits as text', () => {
    expect(toCell(null, 'number')).toEqual({ type: 'empty' });
    expect(toCell(12, 'text')).toEqual({ type: 'number', text: '12' });
    expect(toCell('12.50', 'number')).toEqual({ type: 'number', text: '12.50' });
    expect(toCell('12.50', undefined)).toEqual({ type: 'text', text: '12.50' });
    expect(toCell('n/a', 'integer')).toEqual({ type: 'text', text: 'n/a' });
    expect(toCell('2024-01-31', 'date')).toEqual({
      type: 'date',
      iso: '2024-01-31',
      serial: 45322,
    });
    expect(toCell('2024-02-30', 'date')).toEqual({ type: 'text', text: '2024-02-30' });
  });
});
