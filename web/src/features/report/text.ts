import i18next from 'i18next';
import { useTranslation } from 'react-i18next';
import { en } from './locales/en.ts';
import { ru } from './locales/ru.ts';

// The report page's words travel with those pages, not with the home page: they join the
// app's translations (under `report.`) when it loads.
for (const [language, messages] of [
  ['en', en],
  ['ru', ru],
] as const) {
  i18next.addResourceBundle(language, 'translation', { report: messages }, true, false);
}

/** The translation function, with the report page's messages loaded. */
export function useReportText() {
  return useTranslation();
}
