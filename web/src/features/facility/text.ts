import i18next from 'i18next';
import { useTranslation } from 'react-i18next';
import { en } from './locales/en.ts';
import { ru } from './locales/ru.ts';

// The facility's words travel with its pages, not with the home page: they join the app's
// translations (under `facility.`) when the first facility page loads.
for (const [language, messages] of [
  ['en', en],
  ['ru', ru],
] as const) {
  i18next.addResourceBundle(language, 'translation', { facility: messages }, true, false);
}

/** The translation function, with the facility's messages loaded. */
export function useFacilityText() {
  return useTranslation();
}
