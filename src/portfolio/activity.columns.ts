import { bulkTable } from '../db/flat-rows.ts';

/**
 * The columns the importer writes, table by table, in the order of the flat rows that
 * activity.rows.ts makes and activity.repository.ts stores. The first column of a child table
 * is its parent's id, 0 until the parent is stored.
 */

/** The activity's columns that come from the activity; the store adds ACTIVITY_META's. */
export const ACTIVITY_OWN = [
  'iati_identifier',
  'reporting_org_ref',
  'reporting_org_name',
  'language',
  'title',
  'description',
  'status',
  'planned_start',
  'actual_start',
  'planned_end',
  'actual_end',
  'default_currency',
  'collaboration_type',
  'default_flow_type',
  'default_finance_type',
  'default_aid_type',
  'default_tied_status',
  'hierarchy',
  'humanitarian',
  'last_updated',
  'cluster_code',
  'content_hash',
  'document',
] as const;
const ACTIVITY_META = ['is_demo', 'import_run_id', 'created_at', 'updated_at'] as const;
export const ACTIVITY = bulkTable('activity', [...ACTIVITY_OWN, ...ACTIVITY_META]);

const MONEY = ['value', 'currency', 'value_date', 'usd_cents', 'fx_source'] as const;

/** Tables with one row per part of an activity, keyed by activity_id (their first column). */
export const CHILD_TABLES = {
  activity_narrative: bulkTable('activity_narrative', ['activity_id', 'kind', 'lang', 'text']),
  activity_corridor: bulkTable('activity_corridor', ['activity_id', 'corridor_number']),
  participating_org: bulkTable('participating_org', [
    'activity_id',
    'seq',
    'ref',
    'role',
    'type',
    'name',
    'org_activity_id',
  ]),
  recipient_country: bulkTable('recipient_country', ['activity_id', 'country_code', 'percentage']),
  recipient_region: bulkTable('recipient_region', [
    'activity_id',
    'region_code',
    'vocabulary',
    'percentage',
  ]),
  activity_sector: bulkTable('activity_sector', [
    'activity_id',
    'vocabulary',
    'code',
    'percentage',
  ]),
  policy_marker: bulkTable('policy_marker', ['activity_id', 'vocabulary', 'code', 'significance']),
  budget: bulkTable('budget', [
    'activity_id',
    'seq',
    'type',
    'status',
    'period_start',
    'period_end',
    ...MONEY,
  ]),
  location: bulkTable('location', [
    'activity_id',
    'seq',
    'ref',
    'name',
    'latitude',
    'longitude',
    'country_code',
  ]),
  document_link: bulkTable('document_link', [
    'activity_id',
    'seq',
    'url',
    'format',
    'title',
    'category',
    'lang',
  ]),
  related_activity: bulkTable('related_activity', ['activity_id', 'ref', 'type']),
};
export type ChildTable = keyof typeof CHILD_TABLES;

/** Transactions, results and indicators get ids that their own children and allocations need. */
export const TRANSACTION = bulkTable('activity_transaction', [
  'activity_id',
  'seq',
  'ref',
  'type',
  'date',
  'description',
  'provider_org_ref',
  'provider_org_name',
  'provider_activity_id',
  'receiver_org_ref',
  'receiver_org_name',
  'receiver_activity_id',
  'flow_type',
  'finance_type',
  'aid_type',
  'tied_status',
  'sector_vocabulary',
  'sector_code',
  'recipient_country',
  'recipient_region_vocabulary',
  'recipient_region',
  ...MONEY,
]);
export const RESULT = bulkTable('result', ['activity_id', 'seq', 'type', 'title']);
/** result_id holds the result's seq until the result is stored. */
export const INDICATOR = bulkTable('result_indicator', [
  'result_id',
  'seq',
  'measure',
  'ascending',
  'title',
  'baseline_year',
  'baseline_value',
]);
/** indicator_id holds the indicator's place among the activity's indicators until it is stored. */
export const PERIOD = bulkTable('indicator_period', [
  'indicator_id',
  'seq',
  'period_start',
  'period_end',
  'target',
  'actual',
]);
