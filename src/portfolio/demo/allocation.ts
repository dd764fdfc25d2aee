/** Scales the planned commitments so the portfolio meets its published totals. */
import { rake, type Weighted } from './calibrate.ts';
import { groupOfSector } from './kinds.ts';
import type { PlannedProject } from './plan.ts';
import { BY_CLASS, BY_COUNTRY, BY_GROUP } from './targets.ts';

/** Commitments are rounded to ten thousand dollars, as partners usually state them. */
const ROUNDING_CENTS = 1_000_000;

/** Rakes every funding's amount in place, then returns each project's commitments in cents. */
export function calibratePortfolio(projects: readonly PlannedProject[]): number[][] {
  const items: (Weighted & { project: number; funding: number })[] = [];
  projects.forEach((plan, project) => {
    const countries = plan.countries.map((c) => ({ key: c.iso2, fraction: c.percentage / 100 }));
    const groups = plan.sectors.map((s) => ({
      key: groupOfSector(s.code),
      fraction: s.percentage / 100,
    }));
    plan.fundings.forEach((f, funding) => {
      items.push({
        amount: f.amount,
        memberships: [[{ key: f.cls, fraction: 1 }], countries, groups],
        project,
        funding,
      });
    });
  });
  const gap = rake(items, [BY_CLASS, BY_COUNTRY, BY_GROUP]);
  if (gap > 0.005)
    throw new Error(`demo portfolio calibration left a gap of ${(gap * 100).toFixed(2)}%`);
  const cents = projects.map((plan) => plan.fundings.map(() => 0));
  for (const item of items) {
    const fundings = projects[item.project]?.fundings;
    const row = cents[item.project];
    if (!fundings || !row) continue;
    const funding = fundings[item.funding];
    if (funding) funding.amount = item.amount;
    row[item.funding] =
      Math.max(1, Math.round((item.amount * 100) / ROUNDING_CENTS)) * ROUNDING_CENTS;
  }
  return cents;
}
