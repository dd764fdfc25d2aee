import type {
  Budget,
  IsoDate,
  Money,
  PlannedDisbursement,
} from '../../portfolio/activity.model.ts';
import { V1_BUDGET_TYPE } from './legacy-codes.ts';
import { readFlowOrg } from './read-orgs.ts';
import type { El } from './el.ts';
import type { ActivityReader } from './reader.ts';

export interface MoneyContext {
  /** iati-activity/@default-currency, when valid. */
  defaultCurrency: string | null;
}

/**
 * A <value>: the amount as published (trimmed, and "5." or ".5" written plainly), its currency (@currency, else
 * the activity's default) and its value date (@value-date, else `fallbackDate`).
 */
export function readMoney(
  r: ActivityReader,
  el: El,
  context: MoneyContext,
  fallbackDate: IsoDate | null,
): Money {
  const text = el.node.text.trim();
  let value: string | null = null;
  if (text === '') r.error(el, 'is empty; a value needs an amount');
  else value = r.decimal(el, text);
  // Stored in whole cents, which must stay exact integers.
  if (value !== null && Math.abs(Number(value)) * 100 > Number.MAX_SAFE_INTEGER) {
    r.error(el, `${value} is more than can be stored exactly (at most 90071992547409.91)`);
    value = null;
  }
  const currency = r.code(el, 'currency', 'Currency') ?? context.defaultCurrency;
  if (currency === null && r.full)
    r.error(el, 'has no @currency and the activity has no @default-currency');
  let valueDate = r.date(el, 'value-date', false);
  // Empty value dates are common in version 1 files; the period or transaction date stands in.
  if (valueDate === null && r.value(el, 'value-date') === null) valueDate = fallbackDate;
  return { value: value ?? '', currency: currency ?? '', valueDate: valueDate ?? '' };
}

function periodDate(
  r: ActivityReader,
  parent: El,
  name: string,
  required: boolean,
): IsoDate | null {
  const el = r.one(parent, name, required);
  return el && r.dateElement(el);
}

export function readBudgets(r: ActivityReader, activity: El, context: MoneyContext): Budget[] {
  return r.all(activity, 'budget').flatMap((el): Budget[] => {
    if (r.legacy && (r.one(el, 'period-start') === null || r.one(el, 'period-end') === null)) {
      r.warn(el, 'has no period; left out (version 1 file)');
      return [];
    }
    const periodStart = periodDate(r, el, 'period-start', true);
    const periodEnd = periodDate(r, el, 'period-end', true);
    const value = r.one(el, 'value', true);
    return [
      {
        type: r.code(el, 'type', 'BudgetType', { v1: V1_BUDGET_TYPE }),
        status: r.code(el, 'status', 'BudgetStatus'),
        periodStart: periodStart ?? '',
        periodEnd: periodEnd ?? '',
        amount: value
          ? readMoney(r, value, context, periodStart)
          : { value: '', currency: '', valueDate: '' },
      },
    ];
  });
}

export function readPlannedDisbursements(
  r: ActivityReader,
  activity: El,
  context: MoneyContext,
): PlannedDisbursement[] {
  return r.all(activity, 'planned-disbursement').map((el) => {
    const periodStart = periodDate(r, el, 'period-start', true);
    const value = r.one(el, 'value', true);
    return {
      type: r.code(el, 'type', 'BudgetType', { v1: V1_BUDGET_TYPE }),
      periodStart: periodStart ?? '',
      periodEnd: periodDate(r, el, 'period-end', false),
      amount: value
        ? readMoney(r, value, context, periodStart)
        : { value: '', currency: '', valueDate: '' },
      providerOrg: readFlowOrg(r, el, 'provider-org'),
      receiverOrg: readFlowOrg(r, el, 'receiver-org'),
    };
  });
}

export function readCapitalSpend(r: ActivityReader, activity: El): string | null {
  const el = r.one(activity, 'capital-spend');
  if (el === null) return null;
  r.noText(el);
  if (!r.has(el, 'percentage')) {
    r.error(el, 'is required', 'percentage');
    return null;
  }
  return r.percentage(el);
}
