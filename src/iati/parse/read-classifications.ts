import { isCode, type CodelistName } from '../../reference/codes.ts';
import type {
  AidType,
  CountryBudgetItems,
  HumanitarianScope,
  PolicyMarker,
  SectorShare,
  VocabularyCode,
} from '../../portfolio/activity.model.ts';
import { V1_SECTOR_VOCABULARY, V1_VOCABULARY } from './legacy-codes.ts';
import { checkShares, groupBy } from './percentages.ts';
import type { El } from './el.ts';
import type { ActivityReader } from './reader.ts';

/** The codelist a sector code must belong to, by SectorVocabulary (only DAC's are shipped). */
function sectorList(vocabulary: string): CodelistName | null {
  if (vocabulary === '1') return 'Sector';
  if (vocabulary === '2') return 'SectorCategory';
  return null;
}

/** A sector, at activity or transaction level. */
export function readSector(r: ActivityReader, el: El): VocabularyCode {
  const published = r.value(el, 'vocabulary');
  let vocabulary: string;
  if (published === null) {
    vocabulary = '1';
  } else if (
    r.legacy &&
    !isCode('SectorVocabulary', published) &&
    !V1_SECTOR_VOCABULARY.has(published.toLowerCase())
  ) {
    // Version 1 files name their own schemes (WB, WBTheme, oxfamgb…): the reporter's own codes.
    r.warn(
      el,
      `version 1 vocabulary "${published}" read as 99 (reporting organisation)`,
      'vocabulary',
    );
    vocabulary = '99';
  } else {
    vocabulary = r.code(el, 'vocabulary', 'SectorVocabulary', { v1: V1_SECTOR_VOCABULARY }) ?? '1';
  }
  const code = r.code(el, 'code', sectorList(vocabulary), { required: true });
  return {
    vocabulary,
    vocabularyUri: r.value(el, 'vocabulary-uri'),
    code: code ?? '',
    narratives: r.narratives(el),
  };
}

export function readSectors(r: ActivityReader, activity: El): SectorShare[] {
  const shares: { el: El; sector: SectorShare }[] = [];
  for (const el of r.all(activity, 'sector')) {
    if (r.legacy && r.value(el, 'code') === null) {
      // Version 1 sectors of the reporter's own scheme were often a name without a code.
      r.warn(el, 'has no @code; left out (version 1 file)');
      continue;
    }
    shares.push({ el, sector: { ...readSector(r, el), percentage: r.percentage(el) } });
  }
  for (const [vocabulary, group] of groupBy(shares, (share) => share.sector.vocabulary)) {
    const split = group.map(({ el, sector }) => ({ el, percentage: sector.percentage }));
    // Caravan splits money by the DAC vocabularies only; the World Bank's themes (98), SDG
    // targets and the like often overlap or add up to more than 100, which harms nothing.
    checkShares(
      r,
      split,
      `sector (vocabulary ${vocabulary})`,
      vocabulary === '1' || vocabulary === '2',
    );
  }
  return shares.map((share) => share.sector);
}

export function readTags(r: ActivityReader, activity: El): VocabularyCode[] {
  return r.all(activity, 'tag').map((el) => ({
    vocabulary: r.code(el, 'vocabulary', 'TagVocabulary', { required: true }) ?? '',
    vocabularyUri: r.value(el, 'vocabulary-uri'),
    code: r.required(el, 'code') ?? '',
    narratives: r.narratives(el),
  }));
}

export function readCountryBudgetItems(r: ActivityReader, activity: El): CountryBudgetItems | null {
  const el = r.one(activity, 'country-budget-items');
  if (el === null) return null;
  const vocabulary =
    r.code(el, 'vocabulary', 'BudgetIdentifierVocabulary', { required: true }) ?? '';
  const items = r.all(el, 'budget-item');
  if (items.length === 0) r.error(el, 'needs at least one <budget-item>');
  return {
    vocabulary,
    items: items.map((item) => {
      const description = r.one(item, 'description');
      return {
        code:
          r.code(item, 'code', vocabulary === '1' ? 'BudgetIdentifier' : null, {
            required: true,
          }) ?? '',
        percentage: r.percentage(item),
        description: description ? r.narratives(description, true) : [],
      };
    }),
  };
}

export function readHumanitarianScopes(r: ActivityReader, activity: El): HumanitarianScope[] {
  return r.all(activity, 'humanitarian-scope').map((el) => ({
    type: r.code(el, 'type', 'HumanitarianScopeType', { required: true }) ?? '',
    vocabulary: r.code(el, 'vocabulary', 'HumanitarianScopeVocabulary', { required: true }) ?? '',
    vocabularyUri: r.value(el, 'vocabulary-uri'),
    code: r.required(el, 'code') ?? '',
    narratives: r.narratives(el),
  }));
}

export function readPolicyMarkers(r: ActivityReader, activity: El): PolicyMarker[] {
  const markers: PolicyMarker[] = [];
  for (const el of r.all(activity, 'policy-marker')) {
    const vocabulary =
      r.code(el, 'vocabulary', 'PolicyMarkerVocabulary', { v1: V1_VOCABULARY }) ?? '1';
    const dac = vocabulary === '1';
    const code = r.code(el, 'code', dac ? 'PolicyMarker' : null, { required: true, lenient: true });
    if (code === null && r.legacy) continue;
    markers.push({
      vocabulary,
      vocabularyUri: r.value(el, 'vocabulary-uri'),
      code: code ?? '',
      narratives: r.narratives(el),
      significance: r.code(el, 'significance', dac ? 'PolicySignificance' : null, {
        lenient: true,
      }),
    });
  }
  return markers;
}

/** default-aid-type or a transaction's aid-type. */
export function readAidTypes(r: ActivityReader, parent: El, name: string): AidType[] {
  return r.all(parent, name).flatMap((el) => {
    r.noText(el);
    if (r.value(el, 'code') === null) {
      // An empty aid type says nothing (IADB's and the World Bank's 2012 files have some).
      r.warn(el, 'has no @code; left out');
      return [];
    }
    const vocabulary = r.code(el, 'vocabulary', 'AidTypeVocabulary');
    const dac = vocabulary === null || vocabulary === '1';
    return [
      { code: r.code(el, 'code', dac ? 'AidType' : null, { required: true }) ?? '', vocabulary },
    ];
  });
}
