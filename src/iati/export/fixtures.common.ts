/** Shared pieces of the test activities in fixtures.ts. */
import type { DocumentLink, Money, Narrative } from '../../portfolio/activity.model.ts';

export const en = (text: string): Narrative => ({ lang: 'en', text });
export const ru = (text: string): Narrative => ({ lang: 'ru', text });
export const both = (english: string, russian: string): Narrative[] => [en(english), ru(russian)];

export const ID = 'XM-DAC-46004-CARAVAN-TEST-0001';
export const adb = () => ({
  ref: 'XM-DAC-46004',
  type: '40',
  narratives: both('Asian Development Bank', 'Азиатский банк развития'),
});
export const kazakhstan = () => ({
  ref: 'XM-DAC-KZ-1',
  type: '10',
  narratives: both('Ministry of Transport', 'Министерство транспорта'),
});
export const USD = (value: string, valueDate: string): Money => ({
  value,
  currency: 'USD',
  valueDate,
});

export function documentLink(name: string): DocumentLink {
  return {
    url: `https://www.adb.org/projects/documents/${name}.pdf?lang=en&format=pdf`,
    format: 'application/pdf',
    title: both(`Report: ${name}`, `Отчёт: ${name}`),
    description: [en(`What ${name} says`)],
    categories: ['A07', 'A12'],
    languages: ['en', 'ru'],
    documentDate: '2023-06-30',
  };
}
