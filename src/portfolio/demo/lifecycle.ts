/** Dates, status and progress of a demo project, all relative to the fixed AS_OF day. */
import type { IsoDate } from '../activity.model.ts';
import type { Rng } from './prng.ts';
import { AS_OF } from './targets.ts';

export interface Lifecycle {
  approval: IsoDate;
  plannedStart: IsoDate;
  actualStart: IsoDate;
  plannedEnd: IsoDate;
  actualEnd: IsoDate | null;
  /** ActivityStatus: 2 implementation, 3 finalisation, 4 closed. */
  status: '2' | '3' | '4';
  /** When the work ends or is expected to end (actual end, else planned end plus expected delay). */
  expectedEnd: IsoDate;
  /** Share of the commitment disbursed by closing. */
  finalFraction: number;
}

/** Whole months since year 0 plus the day's fraction. */
export function monthsOf(date: IsoDate): number {
  const [y, m, d] = date.split('-').map(Number);
  return (y ?? 0) * 12 + ((m ?? 1) - 1) + ((d ?? 1) - 1) / 28;
}

export function isoDate(y: number, m: number, d: number): IsoDate {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Adds whole months; the day is kept (days run 1–28 in demo dates, so it always exists). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number);
  const index = (y ?? 0) * 12 + ((m ?? 1) - 1) + months;
  return isoDate(Math.floor(index / 12), (index % 12) + 1, Math.min(d ?? 1, 28));
}

export const minDate = (a: IsoDate, b: IsoDate): IsoDate => (a < b ? a : b);

export function lifecycle(rng: Rng, approvalYear: number, sizeRank: number): Lifecycle {
  const approval = isoDate(approvalYear, rng.int(1, 12), rng.int(1, 28));
  const plannedStart = addMonths(approval, rng.int(1, 3));
  const actualStart = minDate(addMonths(plannedStart, rng.int(0, 3)), AS_OF);
  // Bigger projects take longer: 3–5 years for small ones, up to 8 for the largest.
  const duration = rng.int(36, 60) + Math.round(sizeRank * 36);
  const plannedEnd = addMonths(plannedStart, duration);
  const delay = rng.chance(0.55) ? rng.int(3, 30) : 0;
  const end = addMonths(plannedEnd, delay);
  const closedBy = addMonths(AS_OF, -12);
  if (end <= closedBy) {
    // Closed loans are rarely drawn to the last dollar: savings are cancelled.
    const finalFraction = rng.chance(0.7) ? rng.range(0.985, 0.998) : rng.range(0.9, 0.985);
    return {
      approval,
      plannedStart,
      actualStart,
      plannedEnd,
      actualEnd: end,
      status: '4',
      expectedEnd: end,
      finalFraction,
    };
  }
  if (end <= AS_OF) {
    const finalFraction = rng.range(0.93, 0.99);
    return {
      approval,
      plannedStart,
      actualStart,
      plannedEnd,
      actualEnd: end,
      status: '3',
      expectedEnd: end,
      finalFraction,
    };
  }
  return {
    approval,
    plannedStart,
    actualStart,
    plannedEnd,
    actualEnd: null,
    status: '2',
    expectedEnd: end,
    finalFraction: rng.range(0.95, 0.998),
  };
}

/** Share of the work done (and money spent) by a date: an S-curve from start to end. */
export function progressAt(life: Lifecycle, date: IsoDate): number {
  const start = monthsOf(life.actualStart);
  const span = monthsOf(life.expectedEnd) - start;
  const x = Math.min(1, Math.max(0, (monthsOf(date) - start) / span));
  return x * x * (3 - 2 * x);
}

/** Cumulative disbursement checkpoints: 15 December of each year, then the end or AS_OF. */
export function disbursementDates(life: Lifecycle): IsoDate[] {
  const limit = life.actualEnd !== null ? minDate(life.actualEnd, AS_OF) : AS_OF;
  const dates: IsoDate[] = [];
  const first = Number(life.actualStart.slice(0, 4));
  const last = Number(limit.slice(0, 4));
  for (let y = first; y <= last; y++) {
    const december = isoDate(y, 12, 15);
    if (december > life.actualStart && december < limit) dates.push(december);
  }
  dates.push(limit);
  return dates;
}

/** Disbursements of one commitment in cents: never more in total than the commitment. */
export function disbursements(
  life: Lifecycle,
  commitmentCents: number,
): { date: IsoDate; cents: number }[] {
  const out: { date: IsoDate; cents: number }[] = [];
  let paid = 0;
  for (const date of disbursementDates(life)) {
    const fraction = life.finalFraction * progressAt(life, date);
    const cumulative = Math.min(commitmentCents, Math.floor(commitmentCents * fraction));
    if (cumulative > paid) {
      out.push({ date, cents: cumulative - paid });
      paid = cumulative;
    }
  }
  return out;
}
