/** An indicator's baselines and its periods' targets and actuals. */
import type { Baseline, ResultPeriod, ResultValue } from '../../portfolio/activity.model.ts';
import type { ActivityContext } from './context.ts';
import { documentLinks } from './documents.ts';
import { textElement } from './narratives.ts';

function placesAndDimensions(ctx: ActivityContext, value: ResultValue): void {
  for (const ref of value.locationRefs) ctx.xml.element('location', { ref });
  for (const d of value.dimensions) ctx.xml.element('dimension', { name: d.name, value: d.value });
}

/**
 * IATI 2.03 requires a baseline's year (a positive integer) and there is no stand-in for an
 * unknown one, so a baseline without a year is a problem.
 */
export function baselines(ctx: ActivityContext, where: string, list: Baseline[]): void {
  list.forEach((baseline, i) => {
    const at = `${where}/baseline[${i + 1}]`;
    const year = baseline.year;
    ctx.require(year !== null, at, 'a @year');
    if (year !== null && !(Number.isSafeInteger(year) && year > 0)) {
      ctx.problem(`${at}/@year`, `${year} is not a positive whole number`);
    }
    const attributes = {
      'iso-date': ctx.date(`${at}/@iso-date`, baseline.isoDate),
      year: year === null ? null : String(year),
      value: baseline.value,
    };
    ctx.xml.element('baseline', attributes, () => {
      placesAndDimensions(ctx, baseline);
      documentLinks(ctx, `${at}/`, baseline.documents);
      textElement(ctx, 'comment', `${at}/comment`, baseline.comment);
    });
  });
}

/** A target or an actual: unlike a baseline, its comment comes before its document links. */
function periodValue(ctx: ActivityContext, name: string, at: string, value: ResultValue): void {
  ctx.xml.element(name, { value: value.value }, () => {
    placesAndDimensions(ctx, value);
    textElement(ctx, 'comment', `${at}/comment`, value.comment);
    documentLinks(ctx, `${at}/`, value.documents);
  });
}

export function periods(ctx: ActivityContext, where: string, list: ResultPeriod[]): void {
  list.forEach((period, i) => {
    const at = `${where}/period[${i + 1}]`;
    ctx.xml.element('period', {}, () => {
      const start = ctx.date(`${at}/period-start`, period.periodStart);
      ctx.xml.element('period-start', { 'iso-date': start });
      ctx.xml.element('period-end', { 'iso-date': ctx.date(`${at}/period-end`, period.periodEnd) });
      period.targets.forEach((target, k) => {
        periodValue(ctx, 'target', `${at}/target[${k + 1}]`, target);
      });
      period.actuals.forEach((actual, k) => {
        periodValue(ctx, 'actual', `${at}/actual[${k + 1}]`, actual);
      });
    });
  });
}
