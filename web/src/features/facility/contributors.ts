import { useNames } from '../../app/names.ts';
import { useFacilityText } from './text.ts';

/**
 * A contributor's name in the reader's language: a known organisation by its own name, else a
 * government (the ledger names non-member governments `CARAVAN-GOV-<ISO>`), else the API's name.
 */
export function useContributorName(): (contributor: string, apiName?: string) => string {
  const { t, i18n } = useFacilityText();
  const names = useNames();
  return (contributor, apiName) => {
    const known = names.partner(contributor);
    if (known !== contributor) return known;
    if (apiName && i18n.language === 'en') return apiName;
    const government = /^CARAVAN-GOV-([A-Z]{2})$/.exec(contributor)?.[1];
    return government
      ? t('facility.statement.government', { country: names.country(government) })
      : (apiName ?? contributor);
  };
}
