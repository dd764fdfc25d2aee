import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en, type Messages } from '../locales/en.ts';
import { ru } from '../locales/ru.ts';
import type { FacilityMessages } from '../features/facility/locales/en.ts';
import type { ClimateMessages } from '../features/climate/locales/en.ts';
import type { ResultsMessages } from '../features/results/locales/en.ts';
import type { ReportMessages } from '../features/report/locales/en.ts';

export const LANGUAGES = ['en', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];

declare module 'i18next' {
  interface CustomTypeOptions {
    // A feature's messages are added when its pages load (features/*/text.ts).
    resources: {
      translation: Messages & {
        facility: FacilityMessages;
        climate: ClimateMessages;
        results: ResultsMessages;
        report: ReportMessages;
      };
    };
  }
}

const STORAGE_KEY = 'caravan.lang';

export function isLanguage(value: string | null | undefined): value is Language {
  return (LANGUAGES as readonly (string | null | undefined)[]).includes(value);
}

function stored(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage refused (private mode, policy): the URL still carries the language
  }
}

export function rememberLanguage(language: Language): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // as above
  }
}

/** The URL's `lang` first (a shared link), then the visitor's last choice, then the browser's. */
export function initialLanguage(search: string): Language {
  const asked = new URLSearchParams(search).get('lang');
  if (isLanguage(asked)) return asked;
  const remembered = stored();
  if (isLanguage(remembered)) return remembered;
  return navigator.language.toLowerCase().startsWith('ru') ? 'ru' : 'en';
}

export function setUpI18n(search: string): void {
  const language = initialLanguage(search);
  rememberLanguage(language);
  void i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    supportedLngs: LANGUAGES,
    resources: { en: { translation: en }, ru: { translation: ru } },
    interpolation: { escapeValue: false }, // React escapes
    initAsync: false,
  });
  document.documentElement.lang = language;
  i18next.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
  });
}
