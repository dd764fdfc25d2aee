import { useTranslation } from 'react-i18next';
import { words, type Words } from '../../../../src/reports/ministerial/i18n.ts';

/**
 * The printed report's own words (src/reports/ministerial/i18n.ts), so that the page's sections
 * are named as in the HTML and PDF downloads of the same report.
 */
export function useReportWords(): Words {
  const { i18n } = useTranslation();
  return words(i18n.language === 'ru' ? 'ru' : 'en');
}
