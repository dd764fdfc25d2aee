import { describe, expect, it } from 'vitest';
import { fromMinorUnits, toMinorUnits, validCurrency } from './currency.ts';
import { sniffDocument } from './document.service.ts';
import { contributorOf } from './ledger.service.ts';

describe('amounts in minor units', () => {
  it('reads each currency exactly, with its own decimals', () => {
    expect(toMinorUnits('1000000', 'USD')).toBe(100_000_000);
    expect(toMinorUnits('2500.5', 'USD')).toBe(250_050);
    expect(toMinorUnits('1333333333', 'KRW')).toBe(1_333_333_333);
    expect(toMinorUnits('1.234', 'KWD')).toBe(1234);
    expect(fromMinorUnits(1_333_333_333, 'KRW')).toBe('1333333333');
    expect(fromMinorUnits(5, 'USD')).toBe('0.05');
    expect(fromMinorUnits(-250_050, 'USD')).toBe('-2500.50');
  });

  it('refuses what would need rounding or is not an amount, naming the field', () => {
    expect(() => toMinorUnits('10.5', 'KRW', 'amount')).toThrow(
      'amount: KRW has 0 decimals; 10.5 has more',
    );
    expect(() => toMinorUnits('1e6', 'USD', 'usd')).toThrow(
      /usd: "1e6" is not a positive decimal amount/,
    );
    expect(() => toMinorUnits('0', 'USD')).toThrow(/more than zero/);
    expect(toMinorUnits('100000000000', 'USD')).toBe(1e13);
    expect(() => toMinorUnits('100000000000.01', 'USD')).toThrow(
      'amount: 100000000000.01 USD must be more than zero and at most 10^13 minor units',
    );
    expect(() => toMinorUnits('-5', 'USD')).toThrow(/not a positive decimal/);
    expect(() => validCurrency('XYZ')).toThrow(/not an ISO 4217 code/);
    expect(validCurrency(' krw ')).toBe('KRW');
  });
});

describe('contributors', () => {
  it('are organisations by ref or governments by country', () => {
    expect(contributorOf('KR')).toMatchObject({
      ref: 'CARAVAN-GOV-KR',
      name: 'Government of the Republic of Korea',
    });
    expect(contributorOf('CN').ref).toBe('CARAVAN-GOV-CN');
    expect(contributorOf('46004').ref).toBe('XM-DAC-46004');
    expect(() => contributorOf('Atlantis')).toThrow(
      /neither an organisation ref nor a country code/,
    );
  });
});

describe('documents', () => {
  it('are known by their bytes, not their names', () => {
    expect(sniffDocument(Buffer.from('%PDF-1.7\n'))?.mediaType).toBe('application/pdf');
    expect(sniffDocument(Buffer.from('\x89PNG\r\n\x1a\n....', 'latin1'))?.extension).toBe('png');
    expect(sniffDocument(Buffer.from('PK\x03\x04....word/document.xml', 'latin1'))?.extension).toBe(
      'docx',
    );
    expect(sniffDocument(Buffer.from('<html><script>alert(1)</script>'))).toBeNull();
    expect(sniffDocument(Buffer.from('MZ\x90\x00 an executable', 'latin1'))).toBeNull();
  });
});
