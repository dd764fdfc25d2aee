/**
 * The report page's own words in English (its sections use the printed report's words,
 * src/reports/ministerial/i18n.ts); ru.ts must have the same keys (the type says so).
 */
export const en = {
  title: 'Ministerial Conference report',
  lead: 'The report to the CAREC Ministerial Conference, as a page: the same figures as the HTML and PDF, computed as of a day or read from the snapshot frozen for it.',
  year: 'Conference year',
  asOf: 'Figures as of',
  asOfHint: 'Empty: the year’s last day, or yesterday while the year runs.',
  show: 'Show',
  download: 'Download the report',
  html: 'HTML',
  pdf: 'PDF',
  snapshotId: 'Snapshot {{id}}, taken {{at}} by {{by}}',
  live: 'Live figures, not frozen.',
  freeze: 'Freeze these figures as a snapshot',
  frozen: 'Snapshot {{id}} frozen.',
  notEnded: 'The as-of day has not ended yet: nothing was frozen.',
  chair: 'Chair',
  since: 'Since the last conference: {{from}} to {{to}}',
  corridorShort: 'Corridor {{n}}',
  noConferenceRecord: 'No conference of this year is on record.',
  previous: 'Previous conference',
  computedAt: 'Figures computed at {{at}}',
};

export type ReportMessages = typeof en;
