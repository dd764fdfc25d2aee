import type { Insertable } from 'kysely';
import type { Database, Db } from '../db/database.ts';
import type { ActivityInput, Money, Narrative } from './activity.model.ts';

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
      reporting_org_ref: activity.reportingOrgRef,
      reporting_org_name: activity.reportingOrgName,
      title: preferredText(activity.titles) ?? activity.iatiIdentifier,
      description: preferredText(activity.descriptions),
      status: activity.status,
      planned_start: activity.plannedStart,
      actual_start: activity.actualStart,
      planned_end: activity.plannedEnd,
      actual_end: activity.actualEnd,
      default_currency: activity.defaultCurrency,
      collaboration_type: activity.collaborationType,
      default_flow_type: activity.defaultFlowType,
      default_finance_type: activity.defaultFinanceType,
      default_aid_type: activity.defaultAidType,
      default_tied_status: activity.defaultTiedStatus,
      hierarchy: activity.hierarchy,
      last_updated: activity.lastUpdated,
      cluster_code: activity.cluster,
      content_hash: meta.contentHash,
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
    ...activity.descriptions.map((n) => ({ activity_id: id, kind: 'description' as const, ...n })),
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
      name: org.name,
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
    activity.sectors.map((s) => ({ activity_id: id, ...s })),
  );
  await insertRows(
    db,
    'policy_marker',
    activity.policyMarkers.map((m) => ({ activity_id: id, ...m })),
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
    activity.transactions.map((t, seq) => ({
      activity_id: id,
      seq,
      ref: t.ref,
      type: t.type,
      date: t.date,
      description: t.description,
      provider_org_ref: t.providerOrgRef,
      provider_org_name: t.providerOrgName,
      provider_activity_id: t.providerActivityId,
      receiver_org_ref: t.receiverOrgRef,
      receiver_org_name: t.receiverOrgName,
      receiver_activity_id: t.receiverActivityId,
      flow_type: t.flowType,
      finance_type: t.financeType,
      aid_type: t.aidType,
      tied_status: t.tiedStatus,
      sector_vocabulary: t.sector?.vocabulary ?? null,
      sector_code: t.sector?.code ?? null,
      recipient_country: t.recipientCountry,
      recipient_region_vocabulary: t.recipientRegion?.vocabulary ?? null,
      recipient_region: t.recipientRegion?.code ?? null,
      ...money(t.amount),
    })),
  );
  await insertResults(db, id, activity);
  await insertRows(
    db,
    'location',
    activity.locations.map((l, seq) => ({
      activity_id: id,
      seq,
      ref: l.ref,
      name: l.name,
      latitude: l.latitude,
      longitude: l.longitude,
      country_code: l.countryCode,
    })),
  );
  await insertRows(
    db,
    'document_link',
    activity.documents.map((d, seq) => ({ activity_id: id, seq, ...d })),
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
          ascending: indicator.ascending ? 1 : 0,
          title: preferredText(indicator.title) ?? '',
          baseline_year: indicator.baselineYear,
          baseline_value: indicator.baselineValue,
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
          target: p.target,
          actual: p.actual,
        })),
      );
    }
  }
}
