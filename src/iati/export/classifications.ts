/**
 * Where the money goes and what it is for: recipient countries and regions, sectors, tags,
 * country budget items, humanitarian scopes, policy markers and the activity's default types.
 */
import type {
  ActivityInput,
  AidType,
  CountryBudgetItems,
  VocabularyCode,
} from '../../portfolio/activity.model.ts';
import type { ActivityContext } from './context.ts';
import { narratives, textElement } from './narratives.ts';
import type { Attributes } from './xml.ts';

/** A vocabulary code's element: its attributes, then its narratives. */
function vocabularyCode(
  ctx: ActivityContext,
  name: string,
  where: string,
  item: VocabularyCode,
  extra: Attributes = {},
): void {
  const attributes = {
    vocabulary: item.vocabulary,
    'vocabulary-uri': ctx.uri(`${where}/@vocabulary-uri`, item.vocabularyUri),
    code: item.code,
    ...extra,
  };
  ctx.xml.element(name, attributes, () => narratives(ctx, where, item.narratives));
}

export function vocabularyCodes<T extends VocabularyCode>(
  ctx: ActivityContext,
  name: string,
  items: T[],
  extra: (item: T, where: string) => Attributes = () => ({}),
): void {
  items.forEach((item, i) => {
    const where = `${name}[${i + 1}]`;
    vocabularyCode(ctx, name, where, item, extra(item, where));
  });
}

export function recipients(ctx: ActivityContext, activity: ActivityInput): void {
  activity.recipientCountries.forEach((country, i) => {
    const where = `recipient-country[${i + 1}]`;
    const percentage = ctx.decimal(`${where}/@percentage`, country.percentage);
    ctx.xml.element('recipient-country', { code: country.code, percentage }, () =>
      narratives(ctx, where, country.narratives),
    );
  });
  vocabularyCodes(ctx, 'recipient-region', activity.recipientRegions, (region, where) => ({
    percentage: ctx.decimal(`${where}/@percentage`, region.percentage),
  }));
}

export function countryBudgetItems(ctx: ActivityContext, budget: CountryBudgetItems | null): void {
  if (budget === null) return;
  const where = 'country-budget-items';
  ctx.require(budget.items.length > 0, where, 'a budget-item');
  ctx.xml.element(where, { vocabulary: budget.vocabulary }, () => {
    budget.items.forEach((item, i) => {
      const at = `${where}/budget-item[${i + 1}]`;
      const percentage = ctx.decimal(`${at}/@percentage`, item.percentage);
      ctx.xml.element('budget-item', { code: item.code, percentage }, () =>
        textElement(ctx, 'description', `${at}/description`, item.description),
      );
    });
  });
}

export function aidTypes(ctx: ActivityContext, name: string, list: AidType[]): void {
  for (const aid of list) ctx.xml.element(name, { code: aid.code, vocabulary: aid.vocabulary });
}

/** From sector to default-tied-status, in the schema's order. */
export function classifications(ctx: ActivityContext, activity: ActivityInput): void {
  vocabularyCodes(ctx, 'sector', activity.sectors, (sector, where) => ({
    percentage: ctx.decimal(`${where}/@percentage`, sector.percentage),
  }));
  vocabularyCodes(ctx, 'tag', activity.tags);
  countryBudgetItems(ctx, activity.countryBudgetItems);
  vocabularyCodes(ctx, 'humanitarian-scope', activity.humanitarianScopes, (scope) => ({
    type: scope.type,
  }));
  vocabularyCodes(ctx, 'policy-marker', activity.policyMarkers, (marker) => ({
    significance: marker.significance,
  }));
  ctx.code('collaboration-type', activity.collaborationType);
  ctx.code('default-flow-type', activity.defaultFlowType);
  ctx.code('default-finance-type', activity.defaultFinanceType);
  aidTypes(ctx, 'default-aid-type', activity.defaultAidTypes);
  ctx.code('default-tied-status', activity.defaultTiedStatus);
}
