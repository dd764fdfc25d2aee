import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ACTIVITY_STATUS_NAMES_RU,
  CODELISTS,
  SECTOR_CATEGORY_NAMES_RU,
  TRANSACTION_TYPE_NAMES_RU,
  type CodelistName,
} from '../../../src/reference/codes.ts';
import {
  DOCUMENT_CATEGORY_NAMES_RU,
  POLICY_MARKER_NAMES_RU,
  POLICY_SIGNIFICANCE_NAMES_RU,
  RELATED_ACTIVITY_TYPE_NAMES_RU,
  RESULT_TYPE_NAMES_RU,
} from '../../../src/reference/codes-ru.ts';
import { SECTOR_NAMES_RU } from '../../../src/reference/sectors-ru.ts';

/** Russian names of the other lists the pages show (Caravan's translations, codes-ru.ts). */
const RUSSIAN: Partial<Record<CodelistName, ReadonlyMap<string, string>>> = {
  ResultType: RESULT_TYPE_NAMES_RU,
  PolicyMarker: POLICY_MARKER_NAMES_RU,
  PolicySignificance: POLICY_SIGNIFICANCE_NAMES_RU,
  RelatedActivityType: RELATED_ACTIVITY_TYPE_NAMES_RU,
  DocumentCategory: DOCUMENT_CATEGORY_NAMES_RU,
};

/** IATI code names in the current language (Caravan's Russian where IATI has none). */
export interface CodeNames {
  status: (code: string | null) => string;
  sectorCategory: (code: string) => string;
  /** A DAC 5-digit sector (Caravan's Russian, sectors-ru.ts). */
  sector: (code: string) => string;
  transactionType: (code: string) => string;
  code: (list: CodelistName, code: string) => string;
}

export const STATUS_CODES = [...CODELISTS.ActivityStatus.keys()];
export const SECTOR_CATEGORIES = [...SECTOR_CATEGORY_NAMES_RU.keys()];

export function useCodeNames(): CodeNames {
  const { i18n, t } = useTranslation();
  return useMemo(() => {
    const ru = i18n.language === 'ru';
    const named = (list: CodelistName, code: string, russian?: ReadonlyMap<string, string>) =>
      (ru ? russian?.get(code) : undefined) ?? CODELISTS[list].get(code) ?? code;
    return {
      status: (code) =>
        code ? named('ActivityStatus', code, ACTIVITY_STATUS_NAMES_RU) : t('common.unknown'),
      sectorCategory: (code) =>
        code ? named('SectorCategory', code, SECTOR_CATEGORY_NAMES_RU) : t('common.unknown'),
      sector: (code) => named('Sector', code, SECTOR_NAMES_RU),
      transactionType: (code) => named('TransactionType', code, TRANSACTION_TYPE_NAMES_RU),
      code: (list, code) => named(list, code, RUSSIAN[list]),
    };
  }, [i18n.language, t]);
}
