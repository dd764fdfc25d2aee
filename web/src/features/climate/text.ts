import i18next from 'i18next';
import { useTranslation } from 'react-i18next';
import { en } from './locales/en.ts';
import { ru } from './locales/ru.ts';

// The climate pages' words travel with those pages, not with the home page: they join the
// app's translations (under `climate.`) when the first of them loads.
for (const [language, messages] of [
  ['en', en],
  ['ru', ru],
] as const) {
  i18next.addResourceBundle(language, 'translation', { climate: messages }, true, false);
}

/** The translation function, with the climate pages' messages loaded. */
export function useClimateText() {
  return useTranslation();
}
