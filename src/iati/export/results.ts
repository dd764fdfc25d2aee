/** Results and their indicators. */
import type { Result, ResultIndicator } from '../../portfolio/activity.model.ts';
import { flag, type ActivityContext } from './context.ts';
import { documentLinks } from './documents.ts';
import { textElement } from './narratives.ts';
import { baselines, periods } from './result-values.ts';

function indicator(ctx: ActivityContext, where: string, i: ResultIndicator): void {
  const attributes = {
    measure: i.measure,
    ascending: flag(i.ascending),
    'aggregation-status': flag(i.aggregationStatus),
  };
  ctx.xml.element('indicator', attributes, () => {
    textElement(ctx, 'title', `${where}/title`, i.title, { required: true });
    textElement(ctx, 'description', `${where}/description`, i.description);
    documentLinks(ctx, `${where}/`, i.documents);
    i.references.forEach((reference, k) => {
      const uri = ctx.uri(`${where}/reference[${k + 1}]/@indicator-uri`, reference.uri);
      const attrs = {
        vocabulary: reference.vocabulary,
        code: reference.code,
        'indicator-uri': uri,
      };
      ctx.xml.element('reference', attrs);
    });
    baselines(ctx, where, i.baselines);
    periods(ctx, where, i.periods);
  });
}

/** IATI requires a title and at least one indicator on every result. */
export function results(ctx: ActivityContext, list: Result[]): void {
  list.forEach((result, r) => {
    const where = `result[${r + 1}]`;
    ctx.require(result.indicators.length > 0, where, 'an indicator');
    const attributes = { type: result.type, 'aggregation-status': flag(result.aggregationStatus) };
    ctx.xml.element('result', attributes, () => {
      textElement(ctx, 'title', `${where}/title`, result.title, { required: true });
      textElement(ctx, 'description', `${where}/description`, result.description);
      documentLinks(ctx, `${where}/`, result.documents);
      result.references.forEach((reference, k) => {
        const uri = ctx.uri(`${where}/reference[${k + 1}]/@vocabulary-uri`, reference.uri);
        const attrs = {
          code: reference.code,
          vocabulary: reference.vocabulary,
          'vocabulary-uri': uri,
        };
        ctx.xml.element('reference', attrs);
      });
      result.indicators.forEach((item, k) => indicator(ctx, `${where}/indicator[${k + 1}]`, item));
    });
  });
}
