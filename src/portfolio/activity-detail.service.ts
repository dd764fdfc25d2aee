import type { Db } from '../db/database.ts';
import { AppError } from '../errors.ts';
import type { ActivityInput } from './activity.model.ts';

export interface ActivityDetail {
  activity: ActivityInput;
  commitments: number;
  disbursements: number;
  /** Counted US dollars by measure and the dimension named. */
  byPartner: { measure: string; partner: string; value: number }[];
  byYear: { measure: string; year: number; value: number }[];
  byCountry: { measure: string; country: string; value: number }[];
  bySector: { measure: string; sector: string; value: number }[];
  transactions: {
    type: string;
    date: string;
    value: string;
    currency: string;
    valueDate: string;
    usd: number | null;
    usdSource: string | null;
  }[];
  related: {
    ref: string;
    type: string;
    title: string | null;
    titles: { lang: string | null; text: string }[];
  }[];
}

const dollars = (cents: number | string) => Number(cents) / 100;

/** One activity with its financing, transactions, results, locations, documents and relations. */
export async function getActivity(db: Db, identifier: string): Promise<ActivityDetail> {
  const row = await db
    .selectFrom('activity')
    .select(['id', 'document', 'commitments_cents', 'disbursements_cents'])
    .where('iati_identifier', '=', identifier)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', `No activity ${identifier}`);
  const activity = JSON.parse(row.document) as ActivityInput;

  const grouped = async <K extends 'partner' | 'year' | 'country' | 'sector'>(key: K) =>
    db
      .selectFrom('allocation')
      .select(['measure', key])
      .select((eb) => eb.fn.sum<number | string>('usd_cents').as('cents'))
      .where('activity_id', '=', row.id)
      .where('counted', '=', 1)
      .groupBy(['measure', key])
      .orderBy(key)
      .execute();
  const [partners, years, countries, sectors] = await Promise.all([
    grouped('partner'),
    grouped('year'),
    grouped('country'),
    grouped('sector'),
  ]);
  const transactions = await db
    .selectFrom('activity_transaction')
    .select(['type', 'date', 'value', 'currency', 'value_date', 'usd_cents', 'fx_source'])
    .where('activity_id', '=', row.id)
    .orderBy('date')
    .orderBy('seq')
    .execute();
  const stored = await db
    .selectFrom('activity')
    .select(['id', 'iati_identifier', 'title'])
    .where('iati_identifier', 'in', activity.relatedActivities.map((r) => r.ref).concat(['']))
    .execute();
  const titles = new Map(stored.map((s) => [s.iati_identifier, s.title]));
  // Every language's title, so that a page in Russian names a related project in Russian.
  const narratives = stored.length
    ? await db
        .selectFrom('activity_narrative')
        .select(['activity_id', 'lang', 'text'])
        .where(
          'activity_id',
          'in',
          stored.map((s) => s.id),
        )
        .where('kind', '=', 'title')
        .execute()
    : [];
  const titlesOf = (ref: string) => {
    const id = stored.find((s) => s.iati_identifier === ref)?.id;
    return narratives.filter((n) => n.activity_id === id).map(({ lang, text }) => ({ lang, text }));
  };

  return {
    activity,
    commitments: dollars(row.commitments_cents),
    disbursements: dollars(row.disbursements_cents),
    byPartner: partners.map((r) => ({
      measure: r.measure,
      partner: r.partner,
      value: dollars(r.cents),
    })),
    byYear: years.map((r) => ({ measure: r.measure, year: r.year, value: dollars(r.cents) })),
    byCountry: countries.map((r) => ({
      measure: r.measure,
      country: r.country,
      value: dollars(r.cents),
    })),
    bySector: sectors.map((r) => ({
      measure: r.measure,
      sector: r.sector,
      value: dollars(r.cents),
    })),
    transactions: transactions.map((t) => ({
      type: t.type,
      date: t.date,
      value: t.value,
      currency: t.currency,
      valueDate: t.value_date,
      usd: t.usd_cents === null ? null : dollars(t.usd_cents),
      usdSource: t.fx_source,
    })),
    related: activity.relatedActivities.map((r) => ({
      ...r,
      title: titles.get(r.ref) ?? null,
      titles: titlesOf(r.ref),
    })),
  };
}
