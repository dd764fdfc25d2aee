import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

const LOCALES = { en: 'en-GB', ru: 'ru-RU' } as const;

export interface Formatters {
  locale: string;
  /** US dollars, short: "$17.6 bn" / "17,6 млрд $". */
  money: (usd: number) => string;
  /** US dollars in full, for tables: "$1,234,567". */
  moneyFull: (usd: number) => string;
  number: (value: number) => string;
  percent: (share: number) => string;
  date: (iso: string | null | undefined) => string;
  dateTime: (iso: string | null | undefined) => string;
}

export function formatters(language: string): Formatters {
  const locale = language === 'ru' ? LOCALES.ru : LOCALES.en;
  const compact = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: 'USD',
    notation: 'compact',
    maximumFractionDigits: 1,
  });
  const full = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: 'USD',
    maximumFractionDigits: 0,
  });
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const parse = (iso: string) =>
    new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00Z` : iso);
  return {
    locale,
    money: (usd) => compact.format(usd),
    moneyFull: (usd) => full.format(usd),
    number: (value) => number.format(value),
    percent: (share) => percent.format(share),
    date: (iso) => (iso ? date.format(parse(iso)) : '—'),
    dateTime: (iso) => (iso ? dateTime.format(parse(iso)) : '—'),
  };
}

/** Number, money and date formats of the current language. */
export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  return useMemo(() => formatters(i18n.language), [i18n.language]);
}
