import type { Db } from '../db/database.ts';
import type { Money } from '../portfolio/activity.model.ts';
import type { UsdConverter } from '../portfolio/activity.repository.ts';
import { convertToUsdCents, decimalToCents } from '../portfolio/money.ts';

export const USD_AS_PUBLISHED = 'published in USD';

/**
 * Loads the exchange-rate table once and converts published amounts to US cents: the rate of
 * the value date when one is stored, else the year's average; no rate gives no value (never 0).
 */
export async function loadUsdConverter(db: Db): Promise<UsdConverter> {
  const rows = await db.selectFrom('exchange_rate').selectAll().execute();
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
