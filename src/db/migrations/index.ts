import type { Migration } from 'kysely/migration';
import * as reference from './2026_11_28_001_reference.ts';
import * as portfolio from './2026_11_28_002_portfolio.ts';
import * as allocation from './2026_11_28_003_allocation.ts';
import * as activitySearch from './2026_11_28_004_activity_search.ts';
import * as audit from './2026_11_28_005_audit.ts';
import * as users from './2026_11_28_006_users.ts';
import * as sessions from './2026_11_28_007_sessions.ts';
import * as apiTokens from './2026_11_28_008_api_tokens.ts';
import * as passwordReset from './2026_11_28_009_password_reset.ts';
import * as facility from './2026_11_29_010_facility.ts';
import * as rollupSector from './2026_11_29_030_rollup_sector.ts';
import * as activitySearchFacets from './2026_11_29_031_activity_search_facets.ts';
import * as climate from './2026_11_29_040_climate.ts';
import * as results from './2026_11_29_041_results.ts';
import * as conferenceRecords from './2026_11_29_042_conference_records.ts';
import * as reportSnapshot from './2026_11_29_043_report_snapshot.ts';
import * as activityCuration from './2026_11_29_044_activity_curation.ts';
import * as activitySortKeys from './2026_11_29_045_activity_sort_keys.ts';
import * as searchDecades from './2026_11_29_046_search_decades.ts';
import * as searchInSortOrder from './2026_11_30_047_search_in_sort_order.ts';
import * as agendaItemsClosed from './2026_11_30_048_agenda_items_closed.ts';
import * as searchPartitions from './2026_11_30_049_search_partitions.ts';
import * as searchYearExtent from './2026_11_30_050_search_year_extent.ts';

/** Every migration, by name; names sort in the order they run. Never edit one that has landed. */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '2026_11_28_001_reference': reference,
  '2026_11_28_002_portfolio': portfolio,
  '2026_11_28_003_allocation': allocation,
  '2026_11_28_004_activity_search': activitySearch,
  '2026_11_28_005_audit': audit,
  '2026_11_28_006_users': users,
  '2026_11_28_007_sessions': sessions,
  '2026_11_28_008_api_tokens': apiTokens,
  '2026_11_28_009_password_reset': passwordReset,
  '2026_11_29_010_facility': facility,
  '2026_11_29_030_rollup_sector': rollupSector,
  '2026_11_29_031_activity_search_facets': activitySearchFacets,
  '2026_11_29_040_climate': climate,
  '2026_11_29_041_results': results,
  '2026_11_29_042_conference_records': conferenceRecords,
  '2026_11_29_043_report_snapshot': reportSnapshot,
  '2026_11_29_044_activity_curation': activityCuration,
  '2026_11_29_045_activity_sort_keys': activitySortKeys,
  '2026_11_29_046_search_decades': searchDecades,
  '2026_11_30_047_search_in_sort_order': searchInSortOrder,
  '2026_11_30_048_agenda_items_closed': agendaItemsClosed,
  '2026_11_30_049_search_partitions': searchPartitions,
  '2026_11_30_050_search_year_extent': searchYearExtent,
};
