/** English and Russian titles from templates and real place names. */
import { countryByIso2 } from '../../reference/countries.ts';
import type { Kind, SectorSplit } from './kinds.ts';
import type { Rng } from './prng.ts';
import type { Subject } from './subject.ts';
import type { Names, Template, Templates } from './title.templates.ts';
import { INFRASTRUCTURE_TITLES } from './titles.infrastructure.ts';
import { OTHER_TITLES, REGIONAL_TITLES } from './titles.other.ts';

export interface Title {
  en: string;
  ru: string;
  /** The template promises climate resilience: the project gets an adaptation marker. */
  climate?: boolean;
}

export interface TitleContext {
  kind: Kind;
  countries: readonly string[];
  sectors: readonly SectorSplit[];
  corridors: readonly number[];
  subject: Subject;
}

const SHORT_EN: Readonly<Record<string, string>> = { CN: 'PRC', KG: 'Kyrgyz Republic' };
const SHORT_RU: Readonly<Record<string, string>> = { CN: 'КНР', KG: 'Кыргызстан' };

function nameEn(iso2: string, subject: Subject): string {
  if (iso2 === 'CN') {
    const lng = subject.places.find((l) => l.iso2 === 'CN')?.place.lng ?? 87;
    return lng > 100 ? 'Inner Mongolia Autonomous Region' : 'Xinjiang Uygur Autonomous Region';
  }
  const name = countryByIso2(iso2)?.nameEn ?? iso2;
  return name.startsWith('Kyrgyz') ? `the ${name}` : name;
}

function nameRu(iso2: string): string {
  return countryByIso2(iso2)?.nameRu ?? iso2;
}

const SINGLE: Templates = { ...INFRASTRUCTURE_TITLES, ...OTHER_TITLES };

function templatesFor(ctx: TitleContext): readonly Template[] {
  const table = ctx.countries.length > 1 ? REGIONAL_TITLES : SINGLE;
  for (const split of ctx.sectors) {
    const bySector = table[split.code];
    if (bySector) return bySector;
  }
  const byKind = table[ctx.kind.id] ?? SINGLE[ctx.kind.id];
  if (!byKind) throw new Error(`no title template for ${ctx.kind.id}`);
  return byKind;
}

export function makeTitle(rng: Rng, ctx: TitleContext): Title {
  const [a, b] = ctx.subject.places;
  const first = ctx.countries[0] ?? '';
  const names: Names = {
    a: a?.place.en ?? '',
    b: b?.place.en ?? '',
    aRu: a?.place.ru ?? '',
    bRu: b?.place.ru ?? '',
    site: ctx.subject.site?.en ?? '',
    siteRu: ctx.subject.site?.ru ?? '',
    country: nameEn(first, ctx.subject),
    countryRu: nameRu(first),
    group: ctx.countries.map((c) => SHORT_EN[c] ?? countryByIso2(c)?.nameEn ?? c).join('–'),
    groupRu: ctx.countries.map((c) => SHORT_RU[c] ?? nameRu(c)).join('–'),
    corridor: ctx.corridors[0] ?? null,
  };
  return rng.pick(templatesFor(ctx))(names);
}
