import { describe, expect, it } from 'vitest';
import { centsToDecimal, convertToUsdCents, decimalToCents, isDecimal } from './money.ts';

describe('money', () => {
  it('turns published decimals into exact cents', () => {
    expect(decimalToCents('1250000000.00')).toBe(125_000_000_000);
    expect(decimalToCents('0.005')).toBe(1);
    expect(decimalToCents('-0.005')).toBe(-1);
    expect(decimalToCents('-300')).toBe(-30_000);
    expect(decimalToCents('19.994')).toBe(1999);
  });

  it('converts at a rate without floating-point drift', () => {
    expect(convertToUsdCents('1000', '0.9')).toBe(111_111);
    expect(convertToUsdCents('4500000000', '450')).toBe(1_000_000_000);
    expect(convertToUsdCents('-10', '2')).toBe(-500);
  });

  it('refuses what is not a plain decimal', () => {
    for (const text of ['1e6', '', '1,000', 'NaN', '12.']) {
      expect(isDecimal(text)).toBe(false);
      expect(() => decimalToCents(text)).toThrow(/not a decimal/);
    }
  });

  it('writes cents back as a decimal string', () => {
    expect(centsToDecimal(125_000_000_005)).toBe('1250000000.05');
    expect(centsToDecimal(-1)).toBe('-0.01');
  });
});
