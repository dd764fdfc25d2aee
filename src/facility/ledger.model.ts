/**
 * The fund's ledger as arithmetic. Entries are the only record of money; every balance is a
 * sum over them, computed here the same way from single entries or from grouped sums.
 * Amounts are integers: `amountMinor` in the entry's currency's minor units, `usdCents` its US
 * dollar value (grants and disbursements are in US dollars, so both are the same for them).
 */
export const ENTRY_TYPES = [
  'pledge',
  'receipt',
  'commitment',
  'disbursement',
  'cancellation',
  'refund',
  'repayment',
] as const;
export type EntryType = (typeof ENTRY_TYPES)[number];

/** Entries a secretariat records directly; the others move only through the workflow. */
export const MANUAL_ENTRY_TYPES = ['pledge', 'receipt', 'refund', 'repayment'] as const;

export interface LedgerAmounts {
  type: EntryType;
  /** The contributing organisation's ref, for pledges and receipts. */
  contributor: string | null;
  /** The grant's proposal, for every other type. */
  proposalId: number | null;
  currency: string;
  amountMinor: number;
  usdCents: number;
}

export interface FundBalances {
  /** Every pledge's US dollar value when pledged. */
  pledged: number;
  received: number;
  /** Grants committed, net of cancellations and refunds. */
  committed: number;
  /** Paid to grantees, net of refunds. */
  disbursed: number;
  /** Repaid by projects that earned income (reimbursable grants). */
  repaid: number;
  /** What new grants may still commit: received + repaid − committed. */
  available: number;
  /** Money held: received + repaid − disbursed. */
  cash: number;
}

export interface GrantBalances {
  committed: number;
  disbursed: number;
  repaid: number;
  undisbursed: number;
}

export interface ContributionBalances {
  contributor: string;
  currency: string;
  pledgedMinor: number;
  receivedMinor: number;
  /** Pledged but not yet received, in the pledge's currency. */
  outstandingMinor: number;
  pledgedUsdCents: number;
  receivedUsdCents: number;
}

export interface LedgerTotals {
  fund: FundBalances;
  grants: Map<number, GrantBalances>;
  /** Keyed `contributor currency`. */
  contributions: Map<string, ContributionBalances>;
}

const contributionKey = (contributor: string, currency: string) => `${contributor} ${currency}`;

function emptyGrant(): GrantBalances {
  return { committed: 0, disbursed: 0, repaid: 0, undisbursed: 0 };
}

/** Sums entries, or grouped sums of entries, into every balance the fund reports. */
export function totalsOf(entries: Iterable<LedgerAmounts>): LedgerTotals {
  const sums = { pledged: 0, received: 0, committed: 0, disbursed: 0, repaid: 0 };
  const grants = new Map<number, GrantBalances>();
  const contributions = new Map<string, ContributionBalances>();
  const grant = (id: number | null) => {
    const key = id ?? 0;
    let found = grants.get(key);
    if (!found) grants.set(key, (found = emptyGrant()));
    return found;
  };
  const contribution = (entry: LedgerAmounts) => {
    const contributor = entry.contributor ?? '';
    const key = contributionKey(contributor, entry.currency);
    let found = contributions.get(key);
    if (!found) {
      found = {
        contributor,
        currency: entry.currency,
        pledgedMinor: 0,
        receivedMinor: 0,
        outstandingMinor: 0,
        pledgedUsdCents: 0,
        receivedUsdCents: 0,
      };
      contributions.set(key, found);
    }
    return found;
  };

  for (const entry of entries) {
    const usd = entry.usdCents;
    switch (entry.type) {
      case 'pledge': {
        sums.pledged += usd;
        const c = contribution(entry);
        c.pledgedMinor += entry.amountMinor;
        c.pledgedUsdCents += usd;
        break;
      }
      case 'receipt': {
        sums.received += usd;
        const c = contribution(entry);
        c.receivedMinor += entry.amountMinor;
        c.receivedUsdCents += usd;
        break;
      }
      case 'commitment':
        sums.committed += usd;
        grant(entry.proposalId).committed += usd;
        break;
      case 'disbursement':
        sums.disbursed += usd;
        grant(entry.proposalId).disbursed += usd;
        break;
      case 'cancellation':
        sums.committed -= usd;
        grant(entry.proposalId).committed -= usd;
        break;
      case 'refund':
        // Returned money leaves both the grant's payments and its commitment.
        sums.committed -= usd;
        sums.disbursed -= usd;
        grant(entry.proposalId).committed -= usd;
        grant(entry.proposalId).disbursed -= usd;
        break;
      case 'repayment':
        sums.repaid += usd;
        grant(entry.proposalId).repaid += usd;
        break;
    }
  }
  for (const g of grants.values()) g.undisbursed = g.committed - g.disbursed;
  for (const c of contributions.values()) c.outstandingMinor = c.pledgedMinor - c.receivedMinor;
  return {
    fund: {
      ...sums,
      available: sums.received + sums.repaid - sums.committed,
      cash: sums.received + sums.repaid - sums.disbursed,
    },
    grants,
    contributions,
  };
}

export function grantOf(totals: LedgerTotals, proposalId: number): GrantBalances {
  return totals.grants.get(proposalId) ?? emptyGrant();
}

const usd = (cents: number) =>
  `$${(cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/**
 * Why this entry may not be added to a ledger with these totals, or null when it may. The rules
 * keep every balance non-negative: money is received only against a pledge, committed only
 * from what is available, and paid, cancelled, refunded or repaid only within its grant.
 */
export function refusalOf(totals: LedgerTotals, entry: LedgerAmounts): string | null {
  if (!Number.isSafeInteger(entry.amountMinor) || entry.amountMinor <= 0) {
    return 'an amount must be a positive whole number of minor units';
  }
  if (!Number.isSafeInteger(entry.usdCents) || entry.usdCents <= 0) {
    return 'a US dollar value must be a positive whole number of cents';
  }
  const needsContributor = entry.type === 'pledge' || entry.type === 'receipt';
  if (needsContributor !== (entry.contributor !== null)) {
    return needsContributor
      ? `a ${entry.type} names its contributor`
      : `a ${entry.type} names no contributor`;
  }
  if (needsContributor === (entry.proposalId !== null)) {
    return needsContributor
      ? `a ${entry.type} belongs to no grant`
      : `a ${entry.type} belongs to a grant`;
  }
  if (!needsContributor && (entry.currency !== 'USD' || entry.amountMinor !== entry.usdCents)) {
    return 'grants are held in US dollars';
  }

  const grant = entry.proposalId === null ? emptyGrant() : grantOf(totals, entry.proposalId);
  switch (entry.type) {
    case 'pledge':
      return null;
    case 'receipt': {
      const c = totals.contributions.get(contributionKey(entry.contributor!, entry.currency));
      const outstanding = c?.outstandingMinor ?? 0;
      if (entry.amountMinor > outstanding) {
        return (
          `${entry.contributor} has ${outstanding} ${entry.currency} (minor units) pledged and ` +
          `not yet received; record the pledge before the receipt`
        );
      }
      return null;
    }
    case 'commitment':
      if (grant.committed !== 0) return `proposal ${entry.proposalId} already has a grant`;
      if (entry.usdCents > totals.fund.available) {
        return `the fund has ${usd(totals.fund.available)} available, less than the grant of ${usd(entry.usdCents)}`;
      }
      return null;
    case 'disbursement':
    case 'cancellation':
      if (entry.usdCents > grant.undisbursed) {
        return `the grant has ${usd(grant.undisbursed)} left to disburse, less than ${usd(entry.usdCents)}`;
      }
      return null;
    case 'refund':
      // What the grantee has repaid is back in the fund already: it cannot come back again.
      if (entry.usdCents > grant.disbursed - grant.repaid) {
        return `the grant has ${usd(grant.disbursed - grant.repaid)} disbursed and not yet repaid, less than the refund of ${usd(entry.usdCents)}`;
      }
      return null;
    case 'repayment':
      if (entry.usdCents > grant.disbursed - grant.repaid) {
        return `the grant has ${usd(grant.disbursed - grant.repaid)} disbursed and not yet repaid, less than ${usd(entry.usdCents)}`;
      }
      return null;
  }
}
