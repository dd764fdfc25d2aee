/** Narratives, and the elements made only of narratives (title, description, name …). */
import type { Narrative } from '../../portfolio/activity.model.ts';
import type { ActivityContext } from './context.ts';
import type { Attributes } from './xml.ts';

/**
 * A narrative names its language only when it differs from the activity's. A narrative without
 * one in an activity that has one gets xml:lang="" — XML's way to say "no language" — so that a
 * reader does not take the activity's.
 */
function narrativeLanguage(ctx: ActivityContext, where: string, lang: string | null) {
  if (lang === ctx.language) return null;
  return ctx.lang(`${where}/narrative/@xml:lang`, lang ?? '');
}

export function narratives(ctx: ActivityContext, where: string, list: Narrative[]): void {
  for (const narrative of list) {
    const lang = narrativeLanguage(ctx, where, narrative.lang);
    ctx.xml.text('narrative', { 'xml:lang': lang }, narrative.text);
  }
}

/**
 * An element made of narratives. Left out when there are none; when IATI requires it, that is a
 * problem: an element with an empty narrative would say nothing false, but it would read back
 * as a narrative that was never there.
 */
export function textElement(
  ctx: ActivityContext,
  name: string,
  where: string,
  list: Narrative[],
  options: { required?: boolean; attributes?: Attributes } = {},
): void {
  if (list.length === 0) {
    if (options.required) ctx.require(false, where, 'a narrative');
    return;
  }
  ctx.xml.element(name, options.attributes ?? {}, () => narratives(ctx, where, list));
}
