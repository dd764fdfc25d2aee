import type { Db } from '../db/database.ts';
import { MEMBER_CODES } from '../reference/index.ts';
import { deliveredBy, matcherOf, type ProjectSeries } from './derive.ts';
import {
  PROGRAMME,
  type Indicator,
  type RecordedValue,
  type ValueKind,
} from './indicator.model.ts';
import { findIndicators, findValues } from './indicator.repository.ts';
import { loadLinkedSeries } from './linked-projects.repository.ts';
import { AT_RISK, ON_TRACK, progressOf, type Status } from './progress.ts';

export type ValueSource = 'recorded' | 'derived' | 'interpolated';

export interface Point {
  year: number;
  value: number;
  source: ValueSource;
}

export interface ScorecardEntry {
  /** A member's ISO alpha-2, or CAREC for the programme. */
  country: string;
  baseline: Point | null;
  target: Point | null;
  actual: Point | null;
  progress: number | null;
  status: Status;
  /** Linked projects reporting results towards the indicator here. */
  projects: number;
}

export interface ScorecardIndicator extends Omit<Indicator, 'mappings' | 'demo'> {
  programme: ScorecardEntry;
  countries: ScorecardEntry[];
}

export interface Scorecard {
  year: number;
  asOf: string | null;
  rule: { onTrack: number; atRisk: number };
  indicators: ScorecardIndicator[];
}

const round = (value: number, decimals: number) => {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor + 0;
};

interface Context {
  indicator: Indicator;
  recorded: RecordedValue[];
  series: ProjectSeries[];
  /** The cut-off for a year: its last day, or the as-of day when earlier. */
  cutOff: (year: number) => string;
}

function recorded(ctx: Context, country: string, kind: ValueKind) {
  return ctx.recorded
    .filter((v) => v.country === country && v.kind === kind)
    .map((v) => ({ year: v.year, value: Number(v.value) }))
    .sort((a, b) => a.year - b.year);
}

/**
 * Derived from linked projects, for indicators that add up: null where none is linked, or (for
 * a target or an actual) where none has reported one by then. A baseline is what was delivered
 * by the end of the baseline year, nothing when no linked project had reported by then.
 */
function derived(
  ctx: Context,
  country: string,
  kind: 'baseline' | 'actuals' | 'targets',
  year: number,
) {
  if (ctx.indicator.aggregation !== 'sum') return null;
  const found = deliveredBy(
    ctx.series,
    kind === 'baseline' ? 'actuals' : kind,
    ctx.cutOff(year),
    country === PROGRAMME ? null : country,
  );
  return found && (kind === 'baseline' || found.reported > 0) ? found : null;
}

function entry(ctx: Context, country: string, year: number): ScorecardEntry {
  const { indicator } = ctx;
  // Values stay exact until progress is judged; only what is shown is rounded.
  const point = (y: number, value: number, source: ValueSource): Point => ({
    year: y,
    value,
    source,
  });
  const shown = (p: Point | null): Point | null =>
    p && { ...p, value: round(p.value, indicator.decimals) };

  const recordedBaseline = recorded(ctx, country, 'baseline').at(-1);
  const derivedBaseline = derived(ctx, country, 'baseline', indicator.baselineYear);
  const baseline = recordedBaseline
    ? point(recordedBaseline.year, recordedBaseline.value, 'recorded')
    : derivedBaseline
      ? point(indicator.baselineYear, derivedBaseline.value, 'derived')
      : null;

  const targets = recorded(ctx, country, 'target');
  const targetNow = targets.find((t) => t.year === year);
  const derivedTarget = derived(ctx, country, 'targets', year);
  const next = targets.find((t) => t.year > year);
  const previous = targets.filter((t) => t.year < year).at(-1);
  const target = targetNow
    ? point(year, targetNow.value, 'recorded')
    : derivedTarget
      ? point(year, derivedTarget.value, 'derived')
      : next && baseline && next.year > baseline.year && year >= baseline.year
        ? point(
            year,
            baseline.value +
              ((next.value - baseline.value) * (year - baseline.year)) /
                (next.year - baseline.year),
            'interpolated',
          )
        : previous
          ? point(previous.year, previous.value, 'recorded')
          : null;

  const actuals = recorded(ctx, country, 'actual');
  const actualNow = actuals.find((a) => a.year === year);
  const derivedActual = derived(ctx, country, 'actuals', year);
  const earlier = actuals.filter((a) => a.year < year).at(-1);
  const actual = actualNow
    ? point(year, actualNow.value, 'recorded')
    : derivedActual
      ? point(year, derivedActual.value, 'derived')
      : earlier
        ? point(earlier.year, earlier.value, 'recorded')
        : null;

  const { progress, status } = progressOf(
    indicator.direction,
    baseline?.value ?? null,
    target?.value ?? null,
    actual?.value ?? null,
  );
  const linked = new Set(
    ctx.series
      .filter(
        (s) => country === PROGRAMME || s.countries.some((c) => c.key === country && c.weight > 0n),
      )
      .map((s) => s.iatiIdentifier),
  );
  return {
    country,
    baseline: shown(baseline),
    target: shown(target),
    actual: shown(actual),
    progress,
    status,
    projects: linked.size,
  };
}

/**
 * The results scorecard for a year: for every indicator, the programme and each member, its
 * baseline, the target for the year, the actual, and the progress status by the documented rule.
 * Recorded values come first; indicators that add up fall back on what linked projects report.
 */
export async function scorecard(
  db: Db,
  { year, asOf = null, indicator }: { year: number; asOf?: string | null; indicator?: string },
): Promise<Scorecard> {
  const indicators = await findIndicators(db, indicator);
  const values = await findValues(db, indicator ? { indicator } : {});
  // A project's result goes to the indicator the whole framework matches it to, whichever one
  // is asked for: matched against the one asked for alone, it could count towards two.
  const framework = indicator ? await findIndicators(db) : indicators;
  const allSeries = await loadLinkedSeries(db, matcherOf(framework));
  const cutOff = (y: number) => {
    const end = `${y}-12-31`;
    return asOf !== null && asOf < end ? asOf : end;
  };
  return {
    year,
    asOf,
    rule: { onTrack: ON_TRACK, atRisk: AT_RISK },
    indicators: indicators.map((ind) => {
      const ctx: Context = {
        indicator: ind,
        recorded: values.filter((v) => v.indicator === ind.code),
        series: allSeries.filter((s) => s.indicator === ind.code),
        cutOff,
      };
      return {
        code: ind.code,
        name: ind.name,
        unit: ind.unit,
        cluster: ind.cluster,
        direction: ind.direction,
        aggregation: ind.aggregation,
        baselineYear: ind.baselineYear,
        decimals: ind.decimals,
        programme: entry(ctx, PROGRAMME, year),
        countries: MEMBER_CODES.map((country) => entry(ctx, country, year)),
      };
    }),
  };
}
