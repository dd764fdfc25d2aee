import { hash as digest } from 'node:crypto';
import type { SqlValue } from '../db/flat-rows.ts';
import { ACTIVITY_OWN, type ChildTable } from './activity.columns.ts';
import { activityDate, type ActivityInput, type Money, type Narrative } from './activity.model.ts';
import { listedStart, ownFacets, searchText } from './activity-search.ts';
import { allocationInputOf, type AllocationInput } from './allocation.ts';

/**
 * An activity turned into the rows the store keeps of it, with nothing read from the database:
 * the importer does this on its parsing thread, so the writing thread only binds values.
 * Rows are flat (see db/flat-rows.ts), in the column order of activity.columns.ts.
 */

/** The US dollar value of a published amount, or null with no source when no rate is known. */
export interface UsdValue {
  cents: number | null;
  source: string | null;
}

export type UsdConverter = (amount: Money) => UsdValue;

export interface ActivityRows {
  identifier: string;
  /** The reporting organisation's ref, as published. */
  publisher: string;
  /** sha256 of the activity's JSON, to recognise an unchanged re-import. */
  hash: string;
  /** The ACTIVITY_OWN columns. */
  activity: SqlValue[];
  children: Record<ChildTable, SqlValue[]>;
  transactions: SqlValue[];
  results: SqlValue[];
  indicators: SqlValue[];
  periods: SqlValue[];
  /** The US cents of each transaction and budget, by seq: what allocation splits. */
  transactionCents: (number | null)[];
  budgetCents: (number | null)[];
  /** Values stored without a US dollar value, for want of an exchange rate. */
  unpriced: number;
  allocation: AllocationInput;
  search: SearchSource;
}

/** What an activity's entry in the search index takes of the activity; allocations add facets. */
export interface SearchSource {
  text: string;
  title: string;
  start: string;
  /** Its own facet tokens (see activity-search.ts ownFacets). */
  facets: string[];
}

/** The text to show first: English when published with text, else the first narrative with text. */
export function preferredText(narratives: Narrative[]): string | null {
  // An empty narrative says nothing: "" in English gives way to text in another language.
  const said = narratives.filter((n) => n.text.trim() !== '');
  return (said.find((n) => n.lang === 'en') ?? said[0])?.text ?? null;
}

/** The title lists show and sort by: the preferred narrative, else the identifier. */
export function listedTitle(activity: ActivityInput): string {
  return preferredText(activity.titles) ?? activity.iatiIdentifier;
}

export function searchSourceOf(activity: ActivityInput): SearchSource {
  return {
    text: searchText(activity),
    title: listedTitle(activity),
    start: listedStart(activity),
    facets: ownFacets(activity),
  };
}

/** Of several codes by vocabulary, the one queries use: the OECD DAC one when present. */
function dacFirst<T extends { vocabulary: string | null }>(items: T[]): T | null {
  return items.find((i) => i.vocabulary === '1' || i.vocabulary === null) ?? items[0] ?? null;
}

function flag(value: boolean | null): number | null {
  return value === null ? null : value ? 1 : 0;
}

function childRows(activity: ActivityInput, money: (amount: Money) => SqlValue[]) {
  const descriptions = activity.descriptions.flatMap((d) => d.narratives);
  return {
    activity_narrative: [
      ...activity.titles.flatMap((n) => [0, 'title', n.lang, n.text]),
      ...descriptions.flatMap((n) => [0, 'description', n.lang, n.text]),
    ],
    activity_corridor: activity.corridors.flatMap((corridor) => [0, corridor]),
    participating_org: activity.participatingOrgs.flatMap((org, seq) => [
      0,
      seq,
      org.ref,
      org.role,
      org.type,
      preferredText(org.narratives),
      org.activityId,
    ]),
    recipient_country: activity.recipientCountries.flatMap((c) => [0, c.code, c.percentage]),
    recipient_region: activity.recipientRegions.flatMap((r) => [
      0,
      r.code,
      r.vocabulary,
      r.percentage,
    ]),
    activity_sector: activity.sectors.flatMap((s) => [0, s.vocabulary, s.code, s.percentage]),
    policy_marker: activity.policyMarkers.flatMap((m) => [0, m.vocabulary, m.code, m.significance]),
    budget: activity.budgets.flatMap((b, seq) => [
      0,
      seq,
      b.type,
      b.status,
      b.periodStart,
      b.periodEnd,
      ...money(b.amount),
    ]),
    location: activity.locations.flatMap((l, seq) => [
      0,
      seq,
      l.ref,
      preferredText(l.name),
      l.point?.latitude ?? null,
      l.point?.longitude ?? null,
      l.administratives.find((a) => a.vocabulary === 'A4')?.code ?? null,
    ]),
    document_link: activity.documents.flatMap((d, seq) => [
      0,
      seq,
      d.url,
      d.format,
      preferredText(d.title) ?? '',
      d.categories[0] ?? null,
      d.languages[0] ?? null,
    ]),
    related_activity: activity.relatedActivities.flatMap((r) => [0, r.ref, r.type]),
  } satisfies Record<ChildTable, SqlValue[]>;
}

function transactionRows(activity: ActivityInput, money: (amount: Money) => SqlValue[]) {
  const values: SqlValue[] = [];
  activity.transactions.forEach((t, seq) => {
    const sector = dacFirst(t.sectors);
    const provider = t.providerOrg;
    const receiver = t.receiverOrg;
    values.push(
      0,
      seq,
      t.ref,
      t.type,
      t.date,
      preferredText(t.description),
      provider?.ref ?? null,
      provider ? preferredText(provider.narratives) : null,
      provider?.activityId ?? null,
      receiver?.ref ?? null,
      receiver ? preferredText(receiver.narratives) : null,
      receiver?.activityId ?? null,
      t.flowType,
      t.financeType,
      dacFirst(t.aidTypes)?.code ?? null,
      t.tiedStatus,
      sector?.vocabulary ?? null,
      sector?.code ?? null,
      t.recipientCountry?.code ?? null,
      t.recipientRegion?.vocabulary ?? null,
      t.recipientRegion?.code ?? null,
      ...money(t.amount),
    );
  });
  return values;
}

function resultRows(activity: ActivityInput) {
  const results: SqlValue[] = [];
  const indicators: SqlValue[] = [];
  const periods: SqlValue[] = [];
  let place = 0;
  activity.results.forEach((result, seq) => {
    results.push(0, seq, result.type, preferredText(result.title) ?? '');
    result.indicators.forEach((indicator, indicatorSeq) => {
      const baseline = indicator.baselines[0];
      indicators.push(
        seq,
        indicatorSeq,
        indicator.measure,
        indicator.ascending === false ? 0 : 1,
        preferredText(indicator.title) ?? '',
        baseline?.year ?? null,
        baseline?.value ?? null,
      );
      indicator.periods.forEach((p, periodSeq) => {
        const target = p.targets[0]?.value ?? null;
        periods.push(
          place,
          periodSeq,
          p.periodStart,
          p.periodEnd,
          target,
          p.actuals[0]?.value ?? null,
        );
      });
      place++;
    });
  });
  return { results, indicators, periods };
}

/** The rows of an activity, each US dollar value from `toUsd`. */
export function activityRows(activity: ActivityInput, toUsd: UsdConverter): ActivityRows {
  const document = JSON.stringify(activity);
  const hash = digest('sha256', document);
  let unpriced = 0;
  const cents: (number | null)[] = [];
  const money = (amount: Money): SqlValue[] => {
    const usd = toUsd(amount);
    if (usd.cents === null) unpriced++;
    cents.push(usd.cents);
    return [amount.value, amount.currency, amount.valueDate, usd.cents, usd.source];
  };
  const children = childRows(activity, money);
  const budgetCents = cents.splice(0);
  const transactions = transactionRows(activity, money);
  const own: Record<(typeof ACTIVITY_OWN)[number], SqlValue> = {
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
    content_hash: hash,
    document,
  };
  return {
    identifier: activity.iatiIdentifier,
    publisher: activity.reportingOrg.ref,
    hash,
    activity: ACTIVITY_OWN.map((column) => own[column]),
    children,
    transactions,
    ...resultRows(activity),
    transactionCents: cents,
    budgetCents,
    unpriced,
    allocation: allocationInputOf(activity),
    search: searchSourceOf(activity),
  };
}
