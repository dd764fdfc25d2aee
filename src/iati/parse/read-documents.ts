import type { Conditions, DocumentLink, RelatedActivity } from '../../portfolio/activity.model.ts';
import type { El } from './el.ts';
import type { ActivityReader } from './reader.ts';

/** document-link elements of an activity, result, indicator, baseline, target or actual. */
export function readDocuments(r: ActivityReader, parent: El): DocumentLink[] {
  return r.all(parent, 'document-link').map((el) => {
    const title = r.one(el, 'title', !r.legacy);
    const description = r.one(el, 'description');
    const categories = r.all(el, 'category');
    if (categories.length === 0 && !r.legacy) r.error(el, 'needs at least one <category>');
    const date = r.one(el, 'document-date');
    return {
      url: r.required(el, 'url') ?? '',
      format:
        r.code(el, 'format', 'FileFormat', { required: true, lenient: true, lowerCase: true }) ??
        '',
      title: title ? r.narratives(title, true) : [],
      description: description ? r.narratives(description, true) : [],
      categories: categories
        .map((category) => r.codeElement(category, 'DocumentCategory', { lenient: true }))
        .filter(isString),
      languages: r
        .all(el, 'language')
        .map((language) => r.codeElement(language, 'Language', { lenient: true, lowerCase: true }))
        .filter(isString),
      documentDate: date && r.dateElement(date),
    };
  });
}

function isString(value: string | null): value is string {
  return value !== null;
}

export function readRelatedActivities(r: ActivityReader, activity: El): RelatedActivity[] {
  return r.all(activity, 'related-activity').map((el) => {
    r.noText(el);
    return {
      ref: r.required(el, 'ref') ?? '',
      type: r.code(el, 'type', 'RelatedActivityType', { required: true }) ?? '',
    };
  });
}

export function readConditions(r: ActivityReader, activity: El): Conditions | null {
  const el = r.one(activity, 'conditions');
  if (el === null) return null;
  return {
    attached: r.boolean(el, 'attached', true) ?? false,
    items: r.all(el, 'condition').map((condition) => ({
      type: r.code(condition, 'type', 'ConditionType', { required: true }) ?? '',
      narratives: r.narratives(condition, true),
    })),
  };
}
