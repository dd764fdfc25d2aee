/**
 * The results pages' words in English, loaded with those pages (not with the home page);
 * ru.ts must have the same keys (the type says so).
 */
export const en = {
  title: 'Results',
  lead: 'What the programme set out to deliver and what it has delivered: the CAREC results framework’s indicators by cluster, with each member’s baseline, target and actual, and whether it is on track.',
  year: 'Year',
  country: 'Country',
  cluster: 'Cluster',
  allCountries: 'CAREC and every member',
  allClusters: 'Every cluster',
  programme: 'CAREC (the programme as a whole)',
  crossCutting: 'Cross-cutting',
  rule: {
    title: 'How progress is judged',
    text: 'Progress is the share of the targeted change achieved: (actual − baseline) ÷ (target − baseline), which reads the same whether higher or lower is better. On track at {{onTrack}} or more, at risk from {{atRisk}}, off track below. A target equal to its baseline is on track when the actual is at least as good. No data when the baseline, target or actual is missing.',
    sources:
      'Each value says its year and where it comes from: recorded by the secretariat, derived from the linked projects’ reported results, or interpolated between the baseline and the next target.',
  },
  direction: {
    higher: 'Higher is better',
    lower: 'Lower is better',
  },
  unit: 'Unit',
  baseline: 'Baseline',
  target: 'Target',
  actual: 'Actual',
  progress: 'Progress',
  status: 'Status',
  projects: 'Linked projects',
  statuses: {
    on_track: 'On track',
    at_risk: 'At risk',
    off_track: 'Off track',
    no_data: 'No data',
  },
  sources: {
    recorded: 'recorded',
    derived: 'derived',
    interpolated: 'interpolated',
  },
  valueIn: '{{value}} ({{year}}, {{source}})',
  summary_one: 'Status of {{n}} indicator–country pair',
  summary_other: 'Status of {{n}} indicator–country pairs',
  noIndicators: 'No indicator matches these filters.',
  demo: 'Demonstration framework: made-up indicators and values consistent with the demo projects.',
  workspace: {
    title: 'Results values',
    lead: 'The secretariat records baselines, targets and actuals per indicator, member (or CAREC as a whole) and year. A recorded value takes precedence over one derived from the projects.',
    indicator: 'Indicator',
    country: 'Member or CAREC',
    year: 'Year',
    kind: 'Kind',
    value: 'Value',
    valueHint: 'A decimal number, in the indicator’s unit ({{unit}}).',
    note: 'Note',
    noteHint: 'Where the figure comes from.',
    record: 'Record the value',
    recorded: 'Recorded: {{kind}} {{value}} for {{country}}, {{year}}.',
    values: 'Values recorded for {{indicator}}',
    recordedBy: 'Recorded by',
    remove: 'Delete',
    removeLabel: 'Delete the {{kind}} of {{year}} for {{country}}',
    confirmRemove: 'Delete this value?',
    removed: 'Deleted: {{kind}} of {{year}} for {{country}}.',
    none: 'No value is recorded for this indicator and country.',
    kinds: {
      baseline: 'Baseline',
      target: 'Target',
      actual: 'Actual',
    },
    errors: {
      year: 'A year from 1990 to 2100.',
      value: 'A decimal number, such as 12 or 12.5.',
      required: 'Required.',
    },
  },
};

/** Russian also has the plural forms English does not use (`_few`, `_many`). */
export type ResultsMessages = typeof en & { summary_few: string; summary_many: string };
