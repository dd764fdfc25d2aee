import type { Db } from '../db/database.ts';
import type { Money } from '../portfolio/activity.model.ts';
import type { UsdConverter } from '../portfolio/activity.rows.ts';
import { convertToUsdCents, decimalToCents } from '../portfolio/money.ts';
import type { RateRow } from './fx.csv.ts';
import type { ExchangeRateTable } from './reference.table.ts';
import { USD_AS_PUBLISHED } from './fx-source.ts';

/** Loads the exchange-rate table once and converts published amounts to US cents. */
export async function loadUsdConverter(db: Db): Promise<UsdConverter> {
  return usdConverter(await loadExchangeRates(db));
}

export async function loadExchangeRates(db: Db): Promise<ExchangeRateTable[]> {
  return db.selectFrom('exchange_rate').selectAll().execute();
}

/**
 * Converts published amounts to US cents: the rate of the value date when one is known, else
 * the year's average; no rate gives no value (never 0).
 */
export function usdConverter(rows: readonly ExchangeRateTable[]): UsdConverter {
  const rates = new Map(rows.map((row) => [`${row.currency}/${row.period}`, row]));
  return (amount: Money) => {
    if (amount.currency === 'USD') {
      return { cents: decimalToCents(amount.value), source: USD_AS_PUBLISHED };
    }
    const rate =
      rates.get(`${amount.currency}/${amount.valueDate}`) ??
      rates.get(`${amount.currency}/${amount.valueDate.slice(0, 4)}`);
    if (!rate) return { cents: null, source: null };
    return {
      cents: convertToUsdCents(amount.value, rate.per_usd),
      source: `${rate.source} (${rate.period}: ${rate.per_usd} ${rate.currency}/USD)`,
    };
  };
}

/** Stores rates (a newer source for the same currency and period replaces the older). */
export async function saveRates(db: Db, rows: readonly RateRow[]): Promise<void> {
  for (const row of rows) {
    const values = { per_usd: row.perUsd, source: row.source };
    await db
      .insertInto('exchange_rate')
      .values({ currency: row.currency, period: row.period, ...values })
      .onConflict((oc) => oc.columns(['currency', 'period']).doUpdateSet(values))
      .execute();
  }
}

/**
 * Gives a US dollar value to stored amounts that had none, now that more rates are known.
 * Returns how many values were priced, and the activities they belong to.
 */
export async function priceUnpricedValues(
  db: Db,
): Promise<{ priced: number; activityIds: number[] }> {
  const activityIds = new Set<number>();
  const toUsd = await loadUsdConverter(db);
  let priced = 0;
  for (const table of ['activity_transaction', 'budget'] as const) {
    const rows = await db
      .selectFrom(table)
      .select(['activity_id', 'seq', 'value', 'currency', 'value_date'])
      .where('usd_cents', 'is', null)
      .execute();
    for (const row of rows) {
      const usd = toUsd({ value: row.value, currency: row.currency, valueDate: row.value_date });
      if (usd.cents === null) continue;
      await db
        .updateTable(table)
        .set({ usd_cents: usd.cents, fx_source: usd.source })
        .where('activity_id', '=', row.activity_id)
        .where('seq', '=', row.seq)
        .execute();
      priced += 1;
      activityIds.add(row.activity_id);
    }
  }
  return { priced, activityIds: [...activityIds] };
}
