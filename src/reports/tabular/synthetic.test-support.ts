/**
 * Test support: transactions generated on the fly, as many as asked, each recomputable from its
 * id alone, so that a test can check any row of a huge file without keeping the rows.
 */
import type { Column } from './tabular.types.ts';

export interface SyntheticTx {
  id: number;
  date: string;
  country: string;
  /** US dollars as an exact decimal string, as IATI publishes them. */
  amount: string;
  cents: number;
}

const COUNTRIES = ['AF', 'AZ', 'CN', 'GE', 'KZ', 'KG', 'MN', 'PK', 'TJ', 'TM', 'UZ'];
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

export function syntheticTx(id: number): SyntheticTx {
  // Up to about $10 bn, every tenth a refund, so signs, large values and x.x0 cents all occur.
  const magnitude = (id * 2_654_435_761) % 1_000_000_000_007;
  const cents = id % 10 === 0 ? -magnitude : magnitude;
  const abs = Math.abs(cents);
  return {
    id,
    date: `${2000 + (id % 25)}-${pad(1 + (id % 12))}-${pad(1 + (id % 28))}`,
    country: COUNTRIES[id % COUNTRIES.length] ?? 'KZ',
    amount: `${cents < 0 ? '-' : ''}${Math.trunc(abs / 100)}.${pad(abs % 100)}`,
    cents,
  };
}

export const syntheticColumns: Column<SyntheticTx>[] = [
  { header: 'id', value: (tx) => tx.id, kind: 'integer' },
  { header: 'date', value: (tx) => tx.date, kind: 'date' },
  { header: 'country', value: (tx) => tx.country },
  { header: 'amount_usd', value: (tx) => tx.amount, kind: 'number' },
  { header: 'amount_cents', value: (tx) => tx.cents, kind: 'integer' },
];

/**
 * `count` transactions; every `sampleEvery` rows `sample()` runs (to measure the heap) while the
 * writer is mid-stream.
 */
export function* syntheticTransactions(
  count: number,
  sampleEvery: number,
  sample: () => void,
): Generator<SyntheticTx> {
  for (let id = 1; id <= count; id++) {
    if (id % sampleEvery === 0) sample();
    yield syntheticTx(id);
  }
}
