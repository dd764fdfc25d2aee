/** Result indicators with baselines, targets and actuals that follow the project's progress. */
import type { IsoDate, Result, ResultPeriod, ResultValue } from '../activity.model.ts';
import type { IndicatorSpec, Kind } from './kinds.ts';
import { addMonths, monthsOf, progressAt, type Lifecycle } from './lifecycle.ts';
import { distanceKm } from './places.ts';
import type { Rng } from './prng.ts';
import type { Subject } from './subject.ts';
import { AS_OF } from './targets.ts';

const PERIOD_SHARES = [0.3, 0.7, 1];

function dayBefore(date: IsoDate): IsoDate {
  const day = Number(date.slice(8, 10));
  return day > 1
    ? `${date.slice(0, 8)}${String(day - 1).padStart(2, '0')}`
    : `${addMonths(date, -1).slice(0, 8)}28`;
}

/** Three consecutive reporting periods from the start to the (actual, else planned) end. */
function periodBounds(life: Lifecycle): [IsoDate, IsoDate][] {
  const end = life.actualEnd ?? life.plannedEnd;
  const months = Math.max(3, Math.round(monthsOf(end) - monthsOf(life.actualStart)));
  const step = Math.floor(months / 3);
  const starts = [0, 1, 2].map((i) => addMonths(life.actualStart, i * step));
  return starts.map((start, i) => [start, i < 2 ? dayBefore(starts[i + 1] ?? end) : end]);
}

function baselineAndTarget(
  rng: Rng,
  spec: IndicatorSpec,
  amount: number,
  subject: Subject,
): [number, number, number] {
  if (spec.fixed) {
    const {
      baseline: [b0, b1],
      improvement: [i0, i1],
      decimals,
    } = spec.fixed;
    const base = rng.range(b0, b1);
    const change = rng.range(i0, i1);
    let target = spec.ascending ? base * (1 + change) : base * (1 - change);
    if (spec.measure === '2') target = Math.min(target, 98);
    return [round(base, decimals), round(target, decimals), decimals];
  }
  let target = (amount / (spec.costPerUnit ?? 1)) * rng.range(0.75, 1.3);
  const [a, b] = subject.places;
  if (spec.title.includes('(km)') && a && b)
    target = Math.min(target, distanceKm(a.place, b.place) * 1.3 + 20);
  return [0, Math.max(1, Math.round(target)), 0];
}

function resultValue(value: string): ResultValue {
  return { value, locationRefs: [], dimensions: [], comment: [], documents: [] };
}

const round = (value: number, decimals: number): number => Number(value.toFixed(decimals));

function indicatorResult(
  rng: Rng,
  spec: IndicatorSpec,
  amount: number,
  life: Lifecycle,
  subject: Subject,
): Result {
  const [baseline, target, decimals] = baselineAndTarget(rng, spec, amount, subject);
  const performance = rng.range(0.85, 1.08);
  const periods: ResultPeriod[] = periodBounds(life).map(([periodStart, periodEnd], i) => {
    const planned = baseline + (target - baseline) * (PERIOD_SHARES[i] ?? 1);
    const reached =
      periodEnd <= AS_OF
        ? baseline + (target - baseline) * progressAt(life, periodEnd) * performance
        : null;
    const cap = spec.measure === '2' ? (v: number) => Math.min(v, 100) : (v: number) => v;
    return {
      periodStart,
      periodEnd,
      targets: [resultValue(cap(planned).toFixed(decimals))],
      actuals: reached === null ? [] : [resultValue(cap(reached).toFixed(decimals))],
    };
  });
  const name = spec.title.replace(/ \([^)]*\)$/, '');
  return {
    type: spec.resultType,
    aggregationStatus: null,
    title: [{ lang: 'en', text: name }],
    description: [],
    documents: [],
    references: [],
    indicators: [
      {
        measure: spec.measure,
        ascending: spec.ascending,
        aggregationStatus: null,
        title: [{ lang: 'en', text: spec.title }],
        description: [],
        documents: [],
        references: [],
        baselines: [
          {
            ...resultValue(baseline.toFixed(decimals)),
            year: Number(life.approval.slice(0, 4)),
            isoDate: null,
          },
        ],
        periods,
      },
    ],
  };
}

/** One to three indicators: the kind's main output always, then a few of the others. */
export function makeResults(
  rng: Rng,
  kind: Kind,
  amount: number,
  life: Lifecycle,
  subject: Subject,
): Result[] {
  const [main, ...others] = kind.indicators;
  if (!main) return [];
  const extra = rng.shuffle(others).slice(0, rng.int(0, Math.min(2, others.length)));
  return [main, ...extra].map((spec) => indicatorResult(rng, spec, amount, life, subject));
}
