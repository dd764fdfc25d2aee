import { requireAccess } from '../accounts/access.ts';
import { appendAudit } from '../accounts/audit.service.ts';
import type { Db } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { splitCents } from '../portfolio/allocation.ts';
import { loadUsdConverter } from '../reference/fx.service.ts';
import type { Caller } from './caller.ts';
import { formatUsd, fromMinorUnits, toMinorUnits, usdCents, validCurrency } from './currency.ts';
import type { LedgerTotals } from './ledger.model.ts';
import {
  appendLedgerEntry,
  contributorOf,
  ledgerTotals,
  type LedgerEntry,
} from './ledger.service.ts';
import { findProposals, requireProposal } from './proposal.repository.ts';
import { isCalendarDate } from '../calendar.ts';

export interface FundEntryInput {
  type: 'pledge' | 'receipt' | 'refund' | 'repayment';
  contributor?: string | undefined;
  proposal?: number | undefined;
  amount: string;
  currency: string;
  /** The US dollar value, as received or as agreed; else taken from the exchange-rate table. */
  usd?: string | undefined;
  valueDate: string;
  reference?: string | undefined;
  memo?: string | undefined;
}

const GRANT_STATES_WITH_PAYMENTS = ['in_preparation', 'completed', 'financed', 'cancelled'];

async function usdValue(
  db: Db,
  input: FundEntryInput,
  currency: string,
  amountMinor: number,
): Promise<{ cents: number; source: string }> {
  if (currency === 'USD') {
    if (input.usd && usdCents(input.usd, 'usd') !== amountMinor) {
      throw new AppError('bad_request', 'usd: an amount in US dollars is its own US dollar value');
    }
    return { cents: amountMinor, source: 'in US dollars' };
  }
  if (input.usd) {
    return {
      cents: usdCents(input.usd, 'usd'),
      source: `US dollar value as ${input.type === 'pledge' ? 'pledged' : 'received'}`,
    };
  }
  const converted = (await loadUsdConverter(db))({
    value: fromMinorUnits(amountMinor, currency),
    currency,
    valueDate: input.valueDate,
  });
  if (converted.cents === null || converted.cents <= 0) {
    throw new AppError(
      'bad_request',
      `usd: no ${currency} rate for ${input.valueDate} in the exchange-rate table; give the US dollar value`,
    );
  }
  return { cents: converted.cents, source: converted.source ?? 'exchange-rate table' };
}

/** Records a pledge, a receipt, a refund or a repayment: the entries the secretariat makes. */
export async function recordFundEntry(
  db: Db,
  caller: Caller,
  input: FundEntryInput,
): Promise<LedgerEntry> {
  requireAccess(caller.actor, 'facility.manage');
  if (!isCalendarDate(input.valueDate)) {
    throw new AppError('bad_request', 'valueDate: a date YYYY-MM-DD');
  }
  const currency = validCurrency(input.currency);
  const amountMinor = toMinorUnits(input.amount, currency);
  const contribution = input.type === 'pledge' || input.type === 'receipt';
  const contributor = contribution
    ? contributorOf(input.contributor ?? '').ref
    : input.contributor
      ? (() => {
          throw new AppError(
            'bad_request',
            `contributor: a ${input.type} comes from a grant, not a contributor`,
          );
        })()
      : null;
  if (!contribution && currency !== 'USD') {
    throw new AppError(
      'bad_request',
      `currency: grants are held in US dollars; record the ${input.type} in USD`,
    );
  }
  return db.transaction().execute(async (trx) => {
    let proposalId: number | null = null;
    if (!contribution) {
      if (input.proposal === undefined)
        throw new AppError('bad_request', `proposal: name the grant of the ${input.type}`);
      const proposal = await requireProposal(trx, input.proposal);
      if (!GRANT_STATES_WITH_PAYMENTS.includes(proposal.state)) {
        throw new AppError(
          'conflict',
          `${proposal.reference} is ${proposal.state}: it has had no payments to ${input.type === 'refund' ? 'refund' : 'repay'}`,
        );
      }
      proposalId = proposal.id;
    }
    const usd = await usdValue(trx, input, currency, amountMinor);
    const entry = await appendLedgerEntry(trx, {
      type: input.type,
      contributor,
      proposalId,
      currency,
      amountMinor,
      usdCents: usd.cents,
      usdSource: usd.source,
      valueDate: input.valueDate,
      reference: input.reference?.trim() || null,
      memo: input.memo?.trim() || null,
      recordedBy: caller.name,
    });
    await appendAudit(trx, {
      actor: caller.name,
      action: `fund.${input.type}`,
      targetType: 'ledger',
      targetId: String(entry.id),
      after: { ...entry, amount: fromMinorUnits(amountMinor, currency), usd: formatUsd(usd.cents) },
      origin: caller.origin,
    });
    return entry;
  });
}

const money = (cents: number) => formatUsd(cents);

export interface FundStatement {
  fund: string;
  asOf: string;
  currency: 'USD';
  balances: Record<
    'pledged' | 'received' | 'committed' | 'disbursed' | 'repaid' | 'available' | 'cash',
    string
  >;
  byContributor: {
    contributor: string;
    name: string;
    currency: string;
    pledged: string;
    received: string;
    outstanding: string;
    pledgedUsd: string;
    receivedUsd: string;
  }[];
  /** Grants by the countries they prepare for; a regional grant is split equally among them. */
  byCountry: { country: string; committed: string; disbursed: string; grants: number }[];
}

function byCountry(
  totals: LedgerTotals,
  countriesOf: Map<number, string[]>,
): FundStatement['byCountry'] {
  const sums = new Map<string, { committed: number; disbursed: number; grants: number }>();
  for (const [proposalId, grant] of totals.grants) {
    const countries = countriesOf.get(proposalId) ?? [];
    if (countries.length === 0 || (grant.committed === 0 && grant.disbursed === 0)) continue;
    const weights = countries.map(() => 1n);
    const committed = splitCents(grant.committed, weights);
    const disbursed = splitCents(grant.disbursed, weights);
    countries.forEach((country, i) => {
      const sum = sums.get(country) ?? { committed: 0, disbursed: 0, grants: 0 };
      sum.committed += committed[i]!;
      sum.disbursed += disbursed[i]!;
      sum.grants += 1;
      sums.set(country, sum);
    });
  }
  return [...sums]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([country, s]) => ({
      country,
      committed: money(s.committed),
      disbursed: money(s.disbursed),
      grants: s.grants,
    }));
}

/** The fund statement: every balance derived from the ledger, as of a value date. */
export async function fundStatement(db: Db, asOf: string | null = null): Promise<FundStatement> {
  const totals = await ledgerTotals(db, asOf);
  const fund = await db.selectFrom('facility_fund').select('name').executeTakeFirstOrThrow();
  const proposals = await findProposals(db);
  const countriesOf = new Map(proposals.map((p) => [p.id, p.countries.map((c) => c.country)]));
  const f = totals.fund;
  return {
    fund: fund.name,
    asOf: asOf ?? new Date().toISOString().slice(0, 10),
    currency: 'USD',
    balances: {
      pledged: money(f.pledged),
      received: money(f.received),
      committed: money(f.committed),
      disbursed: money(f.disbursed),
      repaid: money(f.repaid),
      available: money(f.available),
      cash: money(f.cash),
    },
    byContributor: [...totals.contributions.values()]
      .sort(
        (a, b) =>
          a.contributor.localeCompare(b.contributor) || a.currency.localeCompare(b.currency),
      )
      .map((c) => ({
        contributor: c.contributor,
        name: contributorOf(c.contributor).name,
        currency: c.currency,
        pledged: fromMinorUnits(c.pledgedMinor, c.currency),
        received: fromMinorUnits(c.receivedMinor, c.currency),
        outstanding: fromMinorUnits(c.outstandingMinor, c.currency),
        pledgedUsd: money(c.pledgedUsdCents),
        receivedUsd: money(c.receivedUsdCents),
      })),
    byCountry: byCountry(totals, countriesOf),
  };
}
