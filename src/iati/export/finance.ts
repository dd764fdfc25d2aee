/** Money: values, budgets, planned disbursements and capital spend. */
import type { Budget, Money, PlannedDisbursement } from '../../portfolio/activity.model.ts';
import type { ActivityContext } from './context.ts';
import { flowOrg } from './orgs.ts';

/**
 * A value exactly as stored, with its currency and value date always written (not left to the
 * activity's default-currency), so that each value reads back the same on its own.
 */
export function value(ctx: ActivityContext, where: string, money: Money): void {
  const at = `${where}/value`;
  const attributes = {
    currency: money.currency,
    'value-date': ctx.date(`${at}/@value-date`, money.valueDate),
  };
  ctx.xml.text('value', attributes, ctx.decimal(at, money.value));
}

function period(ctx: ActivityContext, where: string, name: string, isoDate: string | null): void {
  if (isoDate === null) return;
  ctx.xml.element(name, { 'iso-date': ctx.date(`${where}/${name}/@iso-date`, isoDate) });
}

export function budgets(ctx: ActivityContext, list: Budget[]): void {
  list.forEach((budget, i) => {
    const where = `budget[${i + 1}]`;
    ctx.xml.element('budget', { type: budget.type, status: budget.status }, () => {
      period(ctx, where, 'period-start', budget.periodStart);
      period(ctx, where, 'period-end', budget.periodEnd);
      value(ctx, where, budget.amount);
    });
  });
}

export function plannedDisbursements(ctx: ActivityContext, list: PlannedDisbursement[]): void {
  list.forEach((planned, i) => {
    const where = `planned-disbursement[${i + 1}]`;
    ctx.xml.element('planned-disbursement', { type: planned.type }, () => {
      period(ctx, where, 'period-start', planned.periodStart);
      period(ctx, where, 'period-end', planned.periodEnd);
      value(ctx, where, planned.amount);
      flowOrg(ctx, where, 'provider', planned.providerOrg);
      flowOrg(ctx, where, 'receiver', planned.receiverOrg);
    });
  });
}

export function capitalSpend(ctx: ActivityContext, percentage: string | null): void {
  if (percentage === null) return;
  ctx.xml.element('capital-spend', {
    percentage: ctx.decimal('capital-spend/@percentage', percentage),
  });
}
