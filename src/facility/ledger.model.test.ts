import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { refusalOf, totalsOf, type LedgerAmounts } from './ledger.model.ts';

const CONTRIBUTORS = ['CARAVAN-GOV-CN', 'CARAVAN-GOV-KR'];

/** A random operation: some the ledger accepts, many it must refuse. */
const operation = fc.oneof(
  fc.record({
    type: fc.constantFrom('pledge' as const, 'receipt' as const),
    contributor: fc.constantFrom(...CONTRIBUTORS),
    proposalId: fc.constant(null),
    currency: fc.constantFrom('USD', 'KRW', 'CNY'),
    amountMinor: fc.integer({ min: 1, max: 5_000_000_00 }),
    usdCents: fc.integer({ min: 1, max: 5_000_000_00 }),
  }),
  fc
    .record({
      type: fc.constantFrom(
        'commitment' as const,
        'disbursement' as const,
        'cancellation' as const,
        'refund' as const,
        'repayment' as const,
      ),
      contributor: fc.constant(null),
      proposalId: fc.integer({ min: 1, max: 4 }),
      currency: fc.constant('USD'),
      amountMinor: fc.integer({ min: 1, max: 3_000_000_00 }),
    })
    .map((op) => ({ ...op, usdCents: op.amountMinor })),
);

describe('the ledger', () => {
  it('keeps every balance non-negative and equal to the sum of its entries, whatever is tried', () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 120 }), (operations) => {
        const accepted: LedgerAmounts[] = [];
        for (const op of operations) {
          if (refusalOf(totalsOf(accepted), op) === null) accepted.push(op);
        }
        const { fund, grants, contributions } = totalsOf(accepted);
        const sum = (type: string, pick = (e: LedgerAmounts) => e.usdCents) =>
          accepted.filter((e) => e.type === type).reduce((s, e) => s + pick(e), 0);

        for (const value of Object.values(fund)) expect(value).toBeGreaterThanOrEqual(0);
        expect(fund.pledged).toBe(sum('pledge'));
        expect(fund.received).toBe(sum('receipt'));
        expect(fund.committed).toBe(sum('commitment') - sum('cancellation') - sum('refund'));
        expect(fund.disbursed).toBe(sum('disbursement') - sum('refund'));
        expect(fund.repaid).toBe(sum('repayment'));
        expect(fund.available).toBe(fund.received + fund.repaid - fund.committed);
        for (const grant of grants.values()) {
          for (const value of Object.values(grant)) expect(value).toBeGreaterThanOrEqual(0);
          expect(grant.disbursed).toBeLessThanOrEqual(grant.committed);
          // Money comes back once: refunded or repaid, never both for the same dollar.
          expect(grant.repaid).toBeLessThanOrEqual(grant.disbursed);
        }
        for (const c of contributions.values()) {
          expect(c.outstandingMinor).toBeGreaterThanOrEqual(0);
        }
        const grantTotal = [...grants.values()].reduce((s, g) => s + g.committed, 0);
        expect(grantTotal).toBe(fund.committed);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses each overdraft with the reason', () => {
    const pledge: LedgerAmounts = {
      type: 'pledge',
      contributor: 'CARAVAN-GOV-KR',
      proposalId: null,
      currency: 'KRW',
      amountMinor: 1_000_000,
      usdCents: 75_000,
    };
    const receipt = { ...pledge, type: 'receipt' as const, usdCents: 74_000 };
    expect(refusalOf(totalsOf([]), receipt)).toMatch(/record the pledge before the receipt/);
    const funded = totalsOf([pledge, receipt]);
    const grant = (type: LedgerAmounts['type'], cents: number): LedgerAmounts => ({
      type,
      contributor: null,
      proposalId: 7,
      currency: 'USD',
      amountMinor: cents,
      usdCents: cents,
    });
    expect(refusalOf(funded, grant('commitment', 74_001))).toBe(
      'the fund has $740.00 available, less than the grant of $740.01',
    );
    expect(refusalOf(funded, grant('commitment', 74_000))).toBeNull();
    expect(refusalOf(funded, grant('disbursement', 1))).toMatch(/left to disburse/);
    expect(refusalOf(funded, grant('refund', 1))).toMatch(
      /has \$0.00 disbursed and not yet repaid/,
    );
    const repaid = totalsOf([
      pledge,
      receipt,
      grant('commitment', 50_000),
      grant('disbursement', 35_000),
      grant('repayment', 35_000),
    ]);
    expect(refusalOf(repaid, grant('refund', 1))).toBe(
      'the grant has $0.00 disbursed and not yet repaid, less than the refund of $0.01',
    );
    expect(refusalOf(funded, { ...grant('commitment', 100), currency: 'EUR' })).toBe(
      'grants are held in US dollars',
    );
  });
});
