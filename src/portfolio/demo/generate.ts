/**
 * A deterministic demo CAREC portfolio: about 280 projects over 2001–2025 whose commitments
 * add up to the published portfolio (DESIGN.md). Every identifier holds "CARAVAN-DEMO" and
 * every description says the data is a demonstration.
 */
import type { ActivityInput } from '../activity.model.ts';
import { assemble, type AssemblyState, type Scheduled } from './assemble.ts';
import { calibratePortfolio } from './allocation.ts';
import { lifecycle } from './lifecycle.ts';
import { planPortfolio, type PlannedProject } from './plan.ts';
import { createRng } from './prng.ts';

export { DEMO_LABEL } from './assemble.ts';

export function generateDemoPortfolio(seed = 2030): ActivityInput[] {
  const rng = createRng(seed);
  const plans = planPortfolio(rng);
  const cents = calibratePortfolio(plans);
  const scheduled = plans.map((plan, i) => {
    const row = cents[i] ?? [];
    const total = row.reduce((a, b) => a + b, 0) / 100;
    return { plan, cents: row, life: lifecycle(rng, plan.approvalYear, Math.min(1, total / 1e9)) };
  });
  scheduled.sort((a, b) =>
    a.life.approval < b.life.approval ? -1 : a.life.approval > b.life.approval ? 1 : 0,
  );
  const ids = new Map<PlannedProject, string>();
  const withIds: Scheduled[] = scheduled.map((s, i) => {
    const id = `${s.plan.lead.ref}-CARAVAN-DEMO-${String(i + 1).padStart(4, '0')}`;
    ids.set(s.plan, id);
    return { ...s, id };
  });
  const state: AssemblyState = {
    rng,
    idOf: (plan) => {
      const id = ids.get(plan);
      if (!id) throw new Error('related demo project was not scheduled');
      return id;
    },
    titles: new Map(),
    usedTitles: new Set(),
  };
  return withIds.map((s) => assemble(state, s));
}
