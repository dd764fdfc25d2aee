import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CLUSTERS } from '../../../src/reference/clusters.ts';
import { CORRIDORS } from '../../../src/reference/corridors.ts';
import { COUNTRIES, countryByIso2 } from '../../../src/reference/countries.ts';
import { organisationByRef } from '../../../src/reference/organisations.ts';
import type { Narrative } from '../../../src/portfolio/activity.model.ts';

export { CLUSTERS, CORRIDORS, COUNTRIES };
export const MEMBERS = COUNTRIES.filter((c) => c.member);

export interface Names {
  country: (code: string) => string;
  /** Short enough for a map label. */
  countryShort: (code: string) => string;
  partner: (ref: string) => string;
  /** The short form for charts: the acronym where there is one. */
  partnerShort: (ref: string) => string;
  cluster: (code: number | string) => string;
  corridor: (n: number | string) => string;
  /** The narrative in the current language, else English, else the first one. */
  narrative: (narratives: readonly Narrative[] | undefined) => string;
}

/** Names of the programme's countries, partners, clusters and corridors in the current language. */
export function useNames(): Names {
  const { t, i18n } = useTranslation();
  return useMemo(
    () => namesIn(i18n.language, t('common.regional'), t('common.unknown')),
    [i18n.language, t],
  );
}

export function namesIn(language: string, regional: string, unknown: string): Names {
  const ru = language === 'ru';
  const country = (code: string) => {
    if (code === 'regional') return regional;
    const found = countryByIso2(code);
    return found ? (ru ? found.nameRu : found.nameEn) : code;
  };
  return {
    country,
    countryShort: (code) => (code === 'CN' ? (ru ? 'КНР' : 'PRC') : country(code)),
    partner(ref) {
      if (!ref) return unknown;
      const org = organisationByRef(ref);
      return org ? (ru ? org.nameRu : org.nameEn) : ref;
    },
    partnerShort(ref) {
      if (!ref) return unknown;
      const org = organisationByRef(ref);
      if (!org) return ref;
      // Governments' acronyms (GOV-KZ) are Caravan's own: their names read better.
      const name = ru ? org.nameRu : org.nameEn;
      return org.role === 'government' || !org.acronym ? name : org.acronym;
    },
    cluster(code) {
      const cluster = CLUSTERS.find((c) => c.code === Number(code));
      return cluster ? (ru ? cluster.nameRu : cluster.nameEn) : unknown;
    },
    corridor(n) {
      const corridor = CORRIDORS.find((c) => c.number === Number(n));
      return corridor ? (ru ? corridor.nameRu : corridor.nameEn) : String(n);
    },
    narrative(narratives) {
      if (!narratives || narratives.length === 0) return '';
      const pick =
        narratives.find((n) => n.lang === language) ??
        narratives.find((n) => n.lang === 'en' || n.lang === null) ??
        narratives[0]!;
      return pick.text;
    },
  };
}
