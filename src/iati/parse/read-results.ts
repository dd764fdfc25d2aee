import type {
  Baseline,
  Narrative,
  Result,
  ResultIndicator,
  ResultPeriod,
  ResultReference,
  ResultValue,
} from '../../portfolio/activity.model.ts';
import { V1_INDICATOR_MEASURE, V1_RESULT_TYPE } from './legacy-codes.ts';
import { readDocuments } from './read-documents.ts';
import type { El } from './el.ts';
import type { ActivityReader } from './reader.ts';
import { isNumber } from './values.ts';

export function readResults(r: ActivityReader, activity: El): Result[] {
  return r.all(activity, 'result').map((el) => {
    const indicators = r.all(el, 'indicator');
    if (indicators.length === 0 && !r.legacy) r.error(el, 'needs at least one <indicator>');
    return {
      type: r.code(el, 'type', 'ResultType', { required: true, v1: V1_RESULT_TYPE }) ?? '',
      aggregationStatus: r.boolean(el, 'aggregation-status'),
      title: text(r, el, 'title', !r.legacy),
      description: text(r, el, 'description', false),
      documents: readDocuments(r, el),
      references: references(r, el, 'ResultVocabulary'),
      indicators: indicators.flatMap((indicator) => readIndicator(r, indicator)),
    };
  });
}

function readIndicator(r: ActivityReader, el: El): ResultIndicator[] {
  if (r.value(el, 'measure') === null) {
    // Most of UNICEF's indicators have no measure; without one a value cannot be read.
    r.warn(el, 'has no @measure; indicator left out');
    return [];
  }
  return [
    {
      measure:
        r.code(el, 'measure', 'IndicatorMeasure', { required: true, v1: V1_INDICATOR_MEASURE }) ??
        '',
      ascending: r.boolean(el, 'ascending'),
      aggregationStatus: r.boolean(el, 'aggregation-status'),
      title: text(r, el, 'title', !r.legacy),
      description: text(r, el, 'description', false),
      documents: readDocuments(r, el),
      references: references(r, el, 'IndicatorVocabulary'),
      baselines: r.all(el, 'baseline').map((baseline) => readBaseline(r, baseline)),
      periods: r.all(el, 'period').map((period) => readPeriod(r, period)),
    },
  ];
}

/** The element's one title, description or comment, which must hold a narrative. */
function text(r: ActivityReader, parent: El, name: string, required: boolean): Narrative[] {
  const el = r.one(parent, name, required);
  return el ? r.narratives(el, true) : [];
}

function references(
  r: ActivityReader,
  el: El,
  list: 'ResultVocabulary' | 'IndicatorVocabulary',
): ResultReference[] {
  return r.all(el, 'reference').map((reference) => ({
    vocabulary: r.code(reference, 'vocabulary', list, { required: true }) ?? '',
    code: r.required(reference, 'code') ?? '',
    // Results name it vocabulary-uri, indicators indicator-uri.
    uri: r.value(reference, 'vocabulary-uri') ?? r.value(reference, 'indicator-uri'),
  }));
}

function readBaseline(r: ActivityReader, el: El): Baseline {
  const year = r.legacy ? r.value(el, 'year') : r.required(el, 'year');
  let baselineYear: number | null = null;
  if (year !== null && /^\+?0*[1-9]\d*$/.test(year)) baselineYear = Number(year);
  else if (year !== null) r.error(el, `"${year}" is not a year`, 'year');
  return { ...resultValue(r, el), year: baselineYear, isoDate: r.date(el, 'iso-date', false) };
}

function readPeriod(r: ActivityReader, el: El): ResultPeriod {
  const start = r.one(el, 'period-start', true);
  const end = r.one(el, 'period-end', true);
  return {
    periodStart: (start && r.dateElement(start)) ?? '',
    periodEnd: (end && r.dateElement(end)) ?? '',
    targets: r.all(el, 'target').map((target) => resultValue(r, target)),
    actuals: r.all(el, 'actual').map((actual) => resultValue(r, actual)),
  };
}

/**
 * A baseline, target or actual. The schema types @value as a string (qualitative indicators
 * exist), the model as a decimal: a value that is not a number is left out with a warning.
 */
function resultValue(r: ActivityReader, el: El): ResultValue {
  let value = r.value(el, 'value');
  if (value !== null && !isNumber(value, false)) {
    r.warn(el, `${JSON.stringify(value)} is not a number; left out`, 'value');
    value = null;
  }
  return {
    value,
    locationRefs: r.all(el, 'location').flatMap((location) => r.value(location, 'ref') ?? []),
    dimensions: r.all(el, 'dimension').map((dimension) => ({
      name: r.value(dimension, 'name') ?? '',
      value: r.value(dimension, 'value') ?? '',
    })),
    comment: text(r, el, 'comment', false),
    documents: readDocuments(r, el),
  };
}
