import type { ActivityInput, IsoDate, ResultIndicator } from '../portfolio/activity.model.ts';
import { countryShares, type Share } from '../portfolio/allocation.ts';
import { normalTitle, type Indicator } from './indicator.model.ts';

/** One IATI result indicator of one project that counts towards a framework indicator. */
export interface ProjectSeries {
  iatiIdentifier: string;
  indicator: string;
  /** Where the project's results fall: its recipient countries' shares, the rest regional. */
  countries: Share[];
  baseline: number;
  /** Per reporting period, by its end: the sum of its actual (or target) values. */
  actuals: { end: IsoDate; value: number }[];
  targets: { end: IsoDate; value: number }[];
}

const NO_OWN_DESTINATION = { recipientCountry: null, recipientRegion: null, sectors: [] };

/** Which framework indicator an IATI indicator counts towards, by its references or titles. */
export function matcherOf(indicators: readonly Indicator[]): (i: ResultIndicator) => string | null {
  const byReference = new Map<string, string>();
  const byTitle = new Map<string, string>();
  for (const indicator of indicators) {
    for (const m of indicator.mappings) {
      if ('title' in m) byTitle.set(m.title, indicator.code);
      else byReference.set(`${m.vocabulary}\u0000${m.code}`, indicator.code);
    }
  }
  return (i) => {
    for (const r of i.references) {
      const found = byReference.get(`${r.vocabulary}\u0000${r.code}`);
      if (found) return found;
    }
    for (const t of i.title) {
      const found = byTitle.get(normalTitle(t.text));
      if (found) return found;
    }
    return null;
  };
}

const number = (text: string | null) => {
  const value = text === null ? NaN : Number(text);
  return Number.isFinite(value) ? value : null;
};

function periodValues(
  indicator: ResultIndicator,
  pick: 'actuals' | 'targets',
): { end: IsoDate; value: number }[] {
  return indicator.periods
    .map((p) => {
      const values = p[pick].map((v) => number(v.value)).filter((v): v is number => v !== null);
      return values.length === 0
        ? null
        : { end: p.periodEnd, value: values.reduce((a, b) => a + b, 0) };
    })
    .filter((v): v is { end: IsoDate; value: number } => v !== null)
    .sort((a, b) => (a.end < b.end ? -1 : a.end > b.end ? 1 : 0));
}

/**
 * The baseline as the periods' values are read: the values of one year (the earliest given)
 * added up, since several baselines of a year split it by sex, place or other dimension as
 * several actuals of a period do. Without a year they all count as one year's.
 */
function baselineOf(indicator: ResultIndicator): number {
  const given = indicator.baselines
    .map((b) => ({ year: b.year, value: number(b.value) }))
    .filter((b): b is { year: number | null; value: number } => b.value !== null);
  const years = given.map((b) => b.year).filter((y): y is number => y !== null);
  const first = years.length ? Math.min(...years) : null;
  return given
    .filter((b) => first === null || b.year === null || b.year === first)
    .reduce((sum, b) => sum + b.value, 0);
}

/** The project's results that count towards the framework. */
export function linkedSeries(
  activity: ActivityInput,
  match: (i: ResultIndicator) => string | null,
): ProjectSeries[] {
  const series: ProjectSeries[] = [];
  for (const result of activity.results) {
    for (const indicator of result.indicators) {
      const code = match(indicator);
      if (code === null) continue;
      series.push({
        iatiIdentifier: activity.iatiIdentifier,
        indicator: code,
        countries: countryShares(activity, NO_OWN_DESTINATION),
        baseline: baselineOf(indicator),
        actuals: periodValues(indicator, 'actuals'),
        targets: periodValues(indicator, 'targets'),
      });
    }
  }
  return series;
}

/** The latest value of a period that ended by the date, or null. */
export function latestBy(values: readonly { end: IsoDate; value: number }[], date: IsoDate) {
  let latest: number | null = null;
  for (const v of values) if (v.end <= date) latest = v.value;
  return latest;
}

/**
 * What linked projects delivered (or planned to deliver) by a date, in one country or the whole
 * programme: each project's latest value by then less its baseline, shared among its countries
 * by their percentages. Null when the place has no linked project; `reported` counts the
 * projects with a value by then (the others add nothing).
 */
export function deliveredBy(
  series: readonly ProjectSeries[],
  kind: 'actuals' | 'targets',
  date: IsoDate,
  country: string | null,
): { value: number; projects: number; reported: number } | null {
  let value = 0;
  const projects = new Set<string>();
  const reported = new Set<string>();
  for (const s of series) {
    const total = s.countries.reduce((sum, c) => sum + c.weight, 0n);
    const weight =
      country === null ? total : (s.countries.find((c) => c.key === country)?.weight ?? 0n);
    if (weight === 0n || total === 0n) continue;
    projects.add(s.iatiIdentifier);
    const latest = latestBy(s[kind], date);
    if (latest === null) continue;
    reported.add(s.iatiIdentifier);
    value += ((latest - s.baseline) * Number(weight)) / Number(total);
  }
  return projects.size === 0 ? null : { value, projects: projects.size, reported: reported.size };
}
