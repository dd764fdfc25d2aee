/** Document links (of the activity and of results), related activities and conditions. */
import type { Conditions, DocumentLink, RelatedActivity } from '../../portfolio/activity.model.ts';
import { flag, type ActivityContext } from './context.ts';
import { narratives, textElement } from './narratives.ts';

/**
 * IATI requires a title and a category on every document link: a link missing either is a
 * problem (no DocumentCategory code means "unknown", so none can stand in).
 */
export function documentLinks(ctx: ActivityContext, where: string, list: DocumentLink[]): void {
  list.forEach((link, i) => {
    const at = `${where}document-link[${i + 1}]`;
    ctx.require(link.categories.length > 0, at, 'a category');
    const attributes = { url: ctx.uri(`${at}/@url`, link.url), format: link.format };
    ctx.xml.element('document-link', attributes, () => {
      textElement(ctx, 'title', `${at}/title`, link.title, { required: true });
      textElement(ctx, 'description', `${at}/description`, link.description);
      for (const code of link.categories) ctx.xml.element('category', { code });
      for (const code of link.languages) ctx.xml.element('language', { code });
      if (link.documentDate !== null) {
        const isoDate = ctx.date(`${at}/document-date`, link.documentDate);
        ctx.xml.element('document-date', { 'iso-date': isoDate });
      }
    });
  });
}

export function relatedActivities(ctx: ActivityContext, list: RelatedActivity[]): void {
  for (const related of list) {
    ctx.xml.element('related-activity', { ref: related.ref, type: related.type });
  }
}

export function conditions(ctx: ActivityContext, value: Conditions | null): void {
  if (value === null) return;
  ctx.xml.element('conditions', { attached: flag(value.attached) }, () => {
    value.items.forEach((condition, i) => {
      const where = `conditions/condition[${i + 1}]`;
      ctx.require(condition.narratives.length > 0, where, 'a narrative');
      ctx.xml.element('condition', { type: condition.type }, () =>
        narratives(ctx, where, condition.narratives),
      );
    });
  });
}
