import type { Db } from '../db/database.ts';
import { matchesExportFilter, type ExportFilter } from '../iati/export.service.ts';
import type { Column } from '../reports/tabular/index.ts';

export interface TransactionRow {
  iati_identifier: string;
  title: string;
  reporting_org_ref: string;
  id: number;
  type: string;
  date: string;
  value: string;
  currency: string;
  value_date: string;
  usd_cents: number | null;
  fx_source: string | null;
  provider_org_ref: string | null;
  receiver_org_ref: string | null;
  recipient_country: string | null;
  sector_code: string | null;
}

export const TRANSACTION_COLUMNS: readonly Column<TransactionRow>[] = [
  { header: 'iati_identifier', value: (r) => r.iati_identifier },
  { header: 'title', value: (r) => r.title },
  { header: 'reporting_org', value: (r) => r.reporting_org_ref },
  { header: 'transaction_type', value: (r) => r.type },
  { header: 'date', value: (r) => r.date, kind: 'date' },
  { header: 'value', value: (r) => r.value, kind: 'number' },
  { header: 'currency', value: (r) => r.currency },
  { header: 'value_date', value: (r) => r.value_date, kind: 'date' },
  {
    header: 'value_usd',
    value: (r) => (r.usd_cents === null ? null : (Number(r.usd_cents) / 100).toFixed(2)),
    kind: 'number',
  },
  { header: 'usd_rate_source', value: (r) => r.fx_source },
  { header: 'provider_org', value: (r) => r.provider_org_ref },
  { header: 'receiver_org', value: (r) => r.receiver_org_ref },
  { header: 'transaction_country', value: (r) => r.recipient_country },
  { header: 'transaction_sector', value: (r) => r.sector_code },
];

const PAGE = 2000;

/** Transactions of the activities matching the filter, read a page at a time. */
export async function* transactionRows(
  db: Db,
  filter: ExportFilter,
): AsyncGenerator<TransactionRow> {
  let after = 0;
  for (;;) {
    const query = db
      .selectFrom('activity_transaction as t')
      .innerJoin('activity', 'activity.id', 't.activity_id')
      .select([
        'activity.iati_identifier',
        'activity.title',
        'activity.reporting_org_ref',
        't.id',
        't.type',
        't.date',
        't.value',
        't.currency',
        't.value_date',
        't.usd_cents',
        't.fx_source',
        't.provider_org_ref',
        't.receiver_org_ref',
        't.recipient_country',
        't.sector_code',
      ])
      .where('t.id', '>', after)
      .where(matchesExportFilter(filter))
      .orderBy('t.id')
      .limit(PAGE);
    const rows = await query.execute();
    yield* rows;
    const last = rows.at(-1);
    if (!last || rows.length < PAGE) return;
    after = last.id;
  }
}
