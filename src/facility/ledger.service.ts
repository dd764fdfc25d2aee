import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { countryByIso2, organisationByRef } from '../reference/index.ts';
import {
  refusalOf,
  totalsOf,
  type EntryType,
  type LedgerAmounts,
  type LedgerTotals,
} from './ledger.model.ts';

export const FUND_ID = 'ppf';

export interface NewLedgerEntry extends LedgerAmounts {
  milestoneId?: number | null;
  usdSource: string;
  valueDate: string;
  reference?: string | null;
  memo?: string | null;
  recordedBy: string;
}

export interface LedgerEntry extends NewLedgerEntry {
  id: number;
  recordedAt: string;
}

/**
 * Takes the fund's lock for the rest of the transaction: the first statement of every
 * transaction that moves money. On PostgreSQL the row lock queues concurrent transactions;
 * on SQLite the write takes the database's write lock before anything is read, so no
 * transaction decides on a balance another one is about to change.
 */
export async function lockFund(db: Db): Promise<void> {
  if (!db.isTransaction) {
    throw new AppError(
      'internal',
      'the fund is locked only inside the transaction that moves money',
    );
  }
  const result = await db
    .updateTable('facility_fund')
    .set({ lock_version: sql`lock_version + 1` })
    .where('id', '=', FUND_ID)
    .executeTakeFirst();
  if (result.numUpdatedRows !== 1n) throw new AppError('internal', 'the fund row is missing');
}

/** Every balance, summed by the database per type, contributor, grant and currency. */
export async function ledgerTotals(db: Db, asOf: string | null = null): Promise<LedgerTotals> {
  let query = db
    .selectFrom('facility_ledger')
    .select(['entry_type', 'contributor', 'proposal_id', 'currency'])
    .select((eb) => [
      eb.fn.sum<number | string>('amount_minor').as('amount_minor'),
      eb.fn.sum<number | string>('usd_cents').as('usd_cents'),
    ])
    .where('fund_id', '=', FUND_ID)
    .groupBy(['entry_type', 'contributor', 'proposal_id', 'currency']);
  if (asOf !== null) query = query.where('value_date', '<=', asOf);
  const rows = await query.execute();
  return totalsOf(
    rows.map((row) => ({
      type: row.entry_type as EntryType,
      contributor: row.contributor,
      proposalId: row.proposal_id,
      currency: row.currency,
      // PostgreSQL's sum over bigint is numeric, which arrives as a string.
      amountMinor: Number(row.amount_minor),
      usdCents: Number(row.usd_cents),
    })),
  );
}

/**
 * The ledger records what has happened: no entry is dated after today, so the balances a grant
 * is checked against hold only money already received; and nothing is paid on, refunded or
 * repaid to a grant before it was committed, so no statement as of a past date shows it.
 */
async function checkValueDate(db: Db, entry: NewLedgerEntry, today: string): Promise<void> {
  if (entry.valueDate > today) {
    throw new AppError(
      'bad_request',
      `valueDate: ${entry.valueDate} is after today (${today}); record an entry once it has happened`,
    );
  }
  if (entry.proposalId === null || entry.type === 'commitment') return;
  const committed = await db
    .selectFrom('facility_ledger')
    .select((eb) => eb.fn.min('value_date').as('on'))
    .where('proposal_id', '=', entry.proposalId)
    .where('entry_type', '=', 'commitment')
    .executeTakeFirst();
  if (committed?.on && entry.valueDate < committed.on) {
    throw new AppError(
      'bad_request',
      `valueDate: ${entry.valueDate} is before the grant was committed (${committed.on})`,
    );
  }
}

/**
 * Adds an entry if the ledger allows it, inside the caller's transaction, after taking the
 * fund's lock; refuses it with the reason otherwise (and stores nothing).
 */
export async function appendLedgerEntry(db: Db, entry: NewLedgerEntry): Promise<LedgerEntry> {
  await lockFund(db);
  const recordedAt = new Date().toISOString();
  await checkValueDate(db, entry, recordedAt.slice(0, 10));
  const refusal = refusalOf(await ledgerTotals(db), entry);
  if (refusal) throw new AppError('conflict', refusal);
  const { id } = await db
    .insertInto('facility_ledger')
    .values({
      fund_id: FUND_ID,
      entry_type: entry.type,
      contributor: entry.contributor,
      proposal_id: entry.proposalId,
      milestone_id: entry.milestoneId ?? null,
      currency: entry.currency,
      amount_minor: entry.amountMinor,
      usd_cents: entry.usdCents,
      usd_source: entry.usdSource,
      value_date: entry.valueDate,
      reference: entry.reference ?? null,
      memo: entry.memo ?? null,
      recorded_by: entry.recordedBy,
      recorded_at: recordedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { ...entry, id, recordedAt };
}

export async function listLedger(
  db: Db,
  filter: { proposalId?: number } = {},
): Promise<LedgerEntry[]> {
  let query = db.selectFrom('facility_ledger').selectAll().where('fund_id', '=', FUND_ID);
  if (filter.proposalId !== undefined) query = query.where('proposal_id', '=', filter.proposalId);
  const rows = await query.orderBy('id').execute();
  return rows.map((row) => ({
    id: row.id,
    type: row.entry_type as EntryType,
    contributor: row.contributor,
    proposalId: row.proposal_id,
    milestoneId: row.milestone_id,
    currency: row.currency,
    amountMinor: Number(row.amount_minor),
    usdCents: Number(row.usd_cents),
    usdSource: row.usd_source,
    valueDate: row.value_date,
    reference: row.reference,
    memo: row.memo,
    recordedBy: row.recorded_by,
    recordedAt: row.recorded_at,
  }));
}

export interface Contributor {
  ref: string;
  name: string;
  nameRu: string;
}

/**
 * A contributor: a known organisation by its ref, or a country's government by its ISO code
 * (`KR` → CARAVAN-GOV-KR, Caravan's local ref for a government, as for member governments).
 */
export function contributorOf(input: string): Contributor {
  const value = input.trim();
  const organisation = organisationByRef(value);
  if (organisation) {
    return { ref: organisation.ref, name: organisation.nameEn, nameRu: organisation.nameRu };
  }
  const iso = /^CARAVAN-GOV-([A-Z]{2})$/.exec(value)?.[1] ?? value.toUpperCase();
  const country = /^[A-Z]{2}$/.test(iso) ? countryByIso2(iso) : undefined;
  const government = country && organisationByRef(`CARAVAN-GOV-${country.iso2}`);
  if (government) {
    return { ref: government.ref, name: government.nameEn, nameRu: government.nameRu };
  }
  if (country) {
    return {
      ref: `CARAVAN-GOV-${country.iso2}`,
      name: `Government of ${country.nameEn.startsWith('Republic') ? 'the ' : ''}${country.nameEn}`,
      nameRu: `Правительство: ${country.nameRu}`,
    };
  }
  throw new AppError(
    'bad_request',
    `contributor: ${JSON.stringify(input)} is neither an organisation ref nor a country code`,
  );
}
