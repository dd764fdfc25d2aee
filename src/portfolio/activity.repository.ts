import type { Insertable } from 'kysely';
import type { Database, Db } from '../db/database.ts';
import { activityDate, type ActivityInput, type Money, type Narrative } from './activity.model.ts';
import { deleteSearchRows } from './activity-search.repository.ts';

/** The US dollar value of a published amount, or null with no source when no rate is known. */
export interface UsdValue {
  cents: number | null;
  source: string | null;
}

export type UsdConverter = (amount: Money) => UsdValue;

export interface ActivityMeta {
  contentHash: string;
  isDemo: boolean;
  importRunId: number | null;
  now: string;
}

export interface StoredActivityRef {
  id: number;
  contentHash: string;
}

// SQLite allows 32,766 bound parameters in one statement; the widest child row has 24 columns.
const ROWS_PER_INSERT = 1000;

async function insertRows<T extends keyof Database>(
  db: Db,
  table: T,
  rows: Insertable<Database[T]>[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    await db
      .insertInto(table)
      .values(rows.slice(start, start + ROWS_PER_INSERT))
      .execute();
  }
}

/** The text to show first: English when published, else the first narrative. */
export function preferredText(narratives: Narrative[]): string | null {
  return (narratives.find((n) => n.lang === 'en') ?? narratives[0])?.text ?? null;
}

/** The title lists show and sort by: the preferred narrative, else the identifier. */
export function listedTitle(activity: ActivityInput): string {
  return preferredText(activity.titles) ?? activity.iatiIdentifier;
}

/** Of several codes by vocabulary, the one queries use: the OECD DAC one when present. */
function dacFirst<T extends { vocabulary: string | null }>(items: T[]): T | null {
  return items.find((i) => i.vocabulary === '1' || i.vocabulary === null) ?? items[0] ?? null;
}

function flag(value: boolean | null): number | null {
  return value === null ? null : value ? 1 : 0;
}

export async function findActivityRef(
  db: Db,
  iatiIdentifier: string,
): Promise<StoredActivityRef | undefined> {
  const row = await db
    .selectFrom('activity')
    .select(['id', 'content_hash'])
    .where('iati_identifier', '=', iatiIdentifier)
    .executeTakeFirst();
  return row && { id: row.id, contentHash: row.content_hash };
}

export async function deleteActivity(db: Db, id: number): Promise<void> {
  // SQLite's full-text table cannot cascade, so its row goes first.
  await deleteSearchRows(db, [id]);
  await db.deleteFrom('activity').where('id', '=', id).execute();
}

/** Writes an activity and every part of it; the caller owns the transaction. */
export async function insertActivity(
  db: Db,
  activity: ActivityInput,
  meta: ActivityMeta,
  toUsd: UsdConverter,
): Promise<number> {
  const { id } = await db
    .insertInto('activity')
    .values({
      iati_identifier: activity.iatiIdentifier,
      reporting_org_ref: activity.reportingOrg.ref,
      reporting_org_name: preferredText(activity.reportingOrg.narratives),
      language: activity.language,
      title: listedTitle(activity),
      description: preferredText(activity.descriptions.flatMap((d) => d.narratives)),
      status: activity.status,
      planned_start: activityDate(activity, '1'),
      actual_start: activityDate(activity, '2'),
      planned_end: activityDate(activity, '3'),
      actual_end: activityDate(activity, '4'),
      default_currency: activity.defaultCurrency,
      collaboration_type: activity.collaborationType,
      default_flow_type: activity.defaultFlowType,
      default_finance_type: activity.defaultFinanceType,
      default_aid_type: dacFirst(activity.defaultAidTypes)?.code ?? null,
      default_tied_status: activity.defaultTiedStatus,
      hierarchy: activity.hierarchy,
      humanitarian: flag(activity.humanitarian),
      last_updated: activity.lastUpdated,
      cluster_code: activity.cluster,
      content_hash: meta.contentHash,
      document: JSON.stringify(activity),
      is_demo: meta.isDemo ? 1 : 0,
      import_run_id: meta.importRunId,
      created_at: meta.now,
      updated_at: meta.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  const money = (amount: Money) => {
    const usd = toUsd(amount);
    return {
      value: amount.value,
      currency: amount.currency,
      value_date: amount.valueDate,
      usd_cents: usd.cents,
      fx_source: usd.source,
    };
  };

  await insertRows(db, 'activity_narrative', [
    ...activity.titles.map((n) => ({ activity_id: id, kind: 'title' as const, ...n })),
    ...activity.descriptions.flatMap((d) =>
      d.narratives.map((n) => ({ activity_id: id, kind: 'description' as const, ...n })),
    ),
  ]);
  await insertRows(
    db,
    'activity_corridor',
    activity.corridors.map((corridor) => ({ activity_id: id, corridor_number: corridor })),
  );
  await insertRows(
    db,
    'participating_org',
    activity.participatingOrgs.map((org, seq) => ({
      activity_id: id,
      seq,
      ref: org.ref,
      role: org.role,
      type: org.type,
      name: preferredText(org.narratives),
      org_activity_id: org.activityId,
    })),
  );
  await insertRows(
    db,
    'recipient_country',
    activity.recipientCountries.map((c) => ({
      activity_id: id,
      country_code: c.code,
      percentage: c.percentage,
    })),
  );
  await insertRows(
    db,
    'recipient_region',
    activity.recipientRegions.map((r) => ({
      activity_id: id,
      region_code: r.code,
      vocabulary: r.vocabulary,
      percentage: r.percentage,
    })),
  );
  await insertRows(
    db,
    'activity_sector',
    activity.sectors.map((s) => ({
      activity_id: id,
      vocabulary: s.vocabulary,
      code: s.code,
      percentage: s.percentage,
    })),
  );
  await insertRows(
    db,
    'policy_marker',
    activity.policyMarkers.map((m) => ({
      activity_id: id,
      vocabulary: m.vocabulary,
      code: m.code,
      significance: m.significance,
    })),
  );
  await insertRows(
    db,
    'budget',
    activity.budgets.map((b, seq) => ({
      activity_id: id,
      seq,
      type: b.type,
      status: b.status,
      period_start: b.periodStart,
      period_end: b.periodEnd,
      ...money(b.amount),
    })),
  );
  await insertRows(
    db,
    'activity_transaction',
    activity.transactions.map((t, seq) => {
      const sector = dacFirst(t.sectors);
      return {
        activity_id: id,
        seq,
        ref: t.ref,
        type: t.type,
        date: t.date,
        description: preferredText(t.description),
        provider_org_ref: t.providerOrg?.ref ?? null,
        provider_org_name: t.providerOrg ? preferredText(t.providerOrg.narratives) : null,
        provider_activity_id: t.providerOrg?.activityId ?? null,
        receiver_org_ref: t.receiverOrg?.ref ?? null,
        receiver_org_name: t.receiverOrg ? preferredText(t.receiverOrg.narratives) : null,
        receiver_activity_id: t.receiverOrg?.activityId ?? null,
        flow_type: t.flowType,
        finance_type: t.financeType,
        aid_type: dacFirst(t.aidTypes)?.code ?? null,
        tied_status: t.tiedStatus,
        sector_vocabulary: sector?.vocabulary ?? null,
        sector_code: sector?.code ?? null,
        recipient_country: t.recipientCountry?.code ?? null,
        recipient_region_vocabulary: t.recipientRegion?.vocabulary ?? null,
        recipient_region: t.recipientRegion?.code ?? null,
        ...money(t.amount),
      };
    }),
  );
  await insertResults(db, id, activity);
  await insertRows(
    db,
    'location',
    activity.locations.map((l, seq) => ({
      activity_id: id,
      seq,
      ref: l.ref,
      name: preferredText(l.name),
      latitude: l.point?.latitude ?? null,
      longitude: l.point?.longitude ?? null,
      country_code: l.administratives.find((a) => a.vocabulary === 'A4')?.code ?? null,
    })),
  );
  await insertRows(
    db,
    'document_link',
    activity.documents.map((d, seq) => ({
      activity_id: id,
      seq,
      url: d.url,
      format: d.format,
      title: preferredText(d.title) ?? '',
      category: d.categories[0] ?? null,
      lang: d.languages[0] ?? null,
    })),
  );
  await insertRows(
    db,
    'related_activity',
    activity.relatedActivities.map((r) => ({ activity_id: id, ref: r.ref, type: r.type })),
  );
  return id;
}

async function insertResults(db: Db, activityId: number, activity: ActivityInput): Promise<void> {
  for (const [seq, result] of activity.results.entries()) {
    const { id: resultId } = await db
      .insertInto('result')
      .values({
        activity_id: activityId,
        seq,
        type: result.type,
        title: preferredText(result.title) ?? '',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [indicatorSeq, indicator] of result.indicators.entries()) {
      const { id: indicatorId } = await db
        .insertInto('result_indicator')
        .values({
          result_id: resultId,
          seq: indicatorSeq,
          measure: indicator.measure,
          ascending: indicator.ascending === false ? 0 : 1,
          title: preferredText(indicator.title) ?? '',
          baseline_year: indicator.baselines[0]?.year ?? null,
          baseline_value: indicator.baselines[0]?.value ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await insertRows(
        db,
        'indicator_period',
        indicator.periods.map((p, periodSeq) => ({
          indicator_id: indicatorId,
          seq: periodSeq,
          period_start: p.periodStart,
          period_end: p.periodEnd,
          target: p.targets[0]?.value ?? null,
          actual: p.actuals[0]?.value ?? null,
        })),
      );
    }
  }
}
