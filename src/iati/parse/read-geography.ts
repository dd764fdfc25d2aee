import type { RecipientCountry, RecipientRegion } from '../../portfolio/activity.model.ts';
import { V1_VOCABULARY } from './legacy-codes.ts';
import { checkShares, groupBy, type Share } from './percentages.ts';
import type { El } from './el.ts';
import type { ActivityReader } from './reader.ts';

export interface Geography {
  recipientCountries: RecipientCountry[];
  recipientRegions: RecipientRegion[];
}

export function readGeography(r: ActivityReader, activity: El): Geography {
  const countryShares: Share[] = [];
  const recipientCountries: RecipientCountry[] = [];
  for (const el of r.all(activity, 'recipient-country')) {
    const percentage = r.percentage(el);
    countryShares.push({ el, percentage });
    const code = r.code(el, 'code', 'Country', { required: true });
    recipientCountries.push({ code: code ?? '', percentage, narratives: r.narratives(el) });
  }

  const regionShares: (Share & { vocabulary: string })[] = [];
  const recipientRegions: RecipientRegion[] = [];
  for (const el of r.all(activity, 'recipient-region')) {
    const vocabulary = r.code(el, 'vocabulary', 'RegionVocabulary', { v1: V1_VOCABULARY }) ?? '1';
    const percentage = r.percentage(el);
    regionShares.push({ el, percentage, vocabulary });
    const code = r.code(el, 'code', vocabulary === '1' ? 'Region' : null, {
      required: true,
      lenient: true,
    });
    if (code === null && r.legacy) continue;
    recipientRegions.push({
      vocabulary,
      vocabularyUri: r.value(el, 'vocabulary-uri'),
      code: code ?? '',
      narratives: r.narratives(el),
      percentage,
    });
  }

  // Countries and the regions of each region vocabulary are one split each (IATI rule).
  const byVocabulary = groupBy(regionShares, (share) => share.vocabulary);
  if (byVocabulary.size === 0) checkShares(r, countryShares, 'recipient-country');
  for (const regions of byVocabulary.values()) {
    checkShares(r, [...countryShares, ...regions], 'recipient-country and recipient-region');
  }
  return { recipientCountries, recipientRegions };
}
