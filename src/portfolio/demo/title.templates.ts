/** Title templates: each turns the names of a project's places into English and Russian. */
import type { Title } from './titles.ts';

export interface Names {
  a: string;
  b: string;
  aRu: string;
  bRu: string;
  site: string;
  siteRu: string;
  country: string;
  countryRu: string;
  group: string;
  groupRu: string;
  corridor: number | null;
}

export type Template = (c: Names) => Title;

export type Templates = Readonly<Record<string, readonly Template[]>>;

export const t = (en: string, ru: string, climate = false): Title =>
  climate ? { en, ru, climate } : { en, ru };
