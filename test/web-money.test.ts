import { describe, expect, it } from 'vitest';
import {
  centsOf,
  decimalOfCents,
  isUsdAmount,
  moneyIn,
} from '../web/src/features/facility/money.ts';

describe('the web app’s money', () => {
  const en = moneyIn('en-GB');
  const ru = moneyIn('ru-RU');

  it('formats the API’s decimal strings exactly, even past a float’s precision', () => {
    expect(en.usd('1000000.33')).toBe('US$1,000,000.33');
    expect(en.usd('720000.00')).toBe('US$720,000');
    // 18 significant digits: a float would round this to 1,000,000,000,000,000.000.
    expect(en.amount('999999999999999.999', 'KWD').replace(/\s/, ' ')).toBe(
      'KWD 999,999,999,999,999.999',
    );
    expect(en.amount('1333333333', 'KRW')).toBe('₩1,333,333,333');
    expect(ru.usd('2350000.50').replace(/\s/g, ' ')).toBe('2 350 000,50 $');
  });

  it('formats whole cents without dividing them', () => {
    expect(en.usdCents(65000001)).toBe('US$650,000.01');
    expect(decimalOfCents(5)).toBe('0.05');
    expect(decimalOfCents(-150)).toBe('-1.50');
  });

  it('reads amounts as the API does, into integer cents', () => {
    expect(['250000', '250000.5', '0.01'].map(isUsdAmount)).toEqual([true, true, true]);
    expect(['1.555', '12,5', '', '-1', '12345678901234'].map(isUsdAmount)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(centsOf('250000.5')).toBe(25000050n);
    expect(decimalOfCents(centsOf('9999999999999.99') * 3n)).toBe('29999999999999.97');
  });
});
