import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fullActivity, minimalActivity } from '../iati/export/fixtures.ts';
import type { ActivityInput, TransactionInput } from './activity.model.ts';
import { REGIONAL, allocateTransaction, splitCents } from './allocation.ts';

const base = minimalActivity();
const transaction: TransactionInput = fullActivity().transactions[0]!;
const plain: TransactionInput = {
  ...transaction,
  recipientCountry: null,
  recipientRegion: null,
  sectors: [],
};

function activity(parts: Partial<ActivityInput>): ActivityInput {
  return { ...base, recipientRegions: [], ...parts };
}

const country = (code: string, percentage: string | null) => ({ code, percentage, narratives: [] });
const sector = (code: string, percentage: string | null, vocabulary = '1') => ({
  vocabulary,
  vocabularyUri: null,
  code,
  percentage,
  narratives: [],
});

describe('allocation', () => {
  it('splits a regional activity by its countries and leaves the rest as regional', () => {
    const a = activity({
      recipientCountries: [country('KZ', '50'), country('UZ', '30')],
      sectors: [sector('21020', '100')],
    });
    expect(allocateTransaction(a, plain, 100_001)).toEqual([
      { country: 'KZ', sectorVocabulary: '1', sector: '21020', cents: 50_001 },
      { country: 'UZ', sectorVocabulary: '1', sector: '21020', cents: 30_000 },
      { country: REGIONAL, sectorVocabulary: '1', sector: '21020', cents: 20_000 },
    ]);
  });

  it("prefers the transaction's own country and sector to the activity's", () => {
    const a = activity({
      recipientCountries: [country('KZ', '60'), country('UZ', '40')],
      sectors: [sector('21020', '70'), sector('23630', '30')],
    });
    const own: TransactionInput = {
      ...plain,
      recipientCountry: { code: 'TJ', narratives: [] },
      sectors: [sector('31110', null)],
    };
    expect(allocateTransaction(a, own, -999)).toEqual([
      { country: 'TJ', sectorVocabulary: '1', sector: '31110', cents: -999 },
    ]);
  });

  it('uses DAC 5-digit sectors before 3-digit ones and other vocabularies', () => {
    const a = activity({
      recipientCountries: [country('GE', null)],
      sectors: [
        sector('210', '100', '2'),
        sector('23630', '40'),
        sector('21020', '60'),
        sector('X', '100', '99'),
      ],
    });
    expect(allocateTransaction(a, plain, 1000).map((r) => [r.sector, r.cents])).toEqual([
      ['23630', 400],
      ['21020', 600],
    ]);
  });

  it('never loses or invents a cent, whatever the shares (property)', () => {
    const percentages = fc.array(fc.integer({ min: 0, max: 1_000_000 }), {
      minLength: 1,
      maxLength: 6,
    });
    fc.assert(
      fc.property(
        fc.integer({ min: -1e13, max: 1e13 }),
        percentages,
        percentages,
        fc.boolean(),
        (cents, countryWeights, sectorWeights, regional) => {
          const toPercent = (weights: number[]) => {
            const sum = weights.reduce((a, b) => a + b, 0) || 1;
            return weights.map((w) => ((w / sum) * (regional ? 90 : 100)).toFixed(4));
          };
          const a = activity({
            recipientCountries: toPercent(countryWeights).map((p, i) => country(`C${i}`, p)),
            sectors: toPercent(sectorWeights).map((p, i) => sector(`${21000 + i}`, p)),
          });
          const parts = allocateTransaction(a, plain, cents);
          expect(parts.reduce((sum, p) => sum + p.cents, 0)).toBe(cents);
          for (const p of parts)
            expect(Math.sign(p.cents) * Math.sign(cents)).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('splits cents by largest remainder', () => {
    expect(splitCents(100, [1n, 1n, 1n])).toEqual([34, 33, 33]);
    expect(splitCents(-100, [1n, 1n, 1n])).toEqual([-34, -33, -33]);
    expect(splitCents(5, [0n, 0n])).toEqual([5, 0]);
  });
});
