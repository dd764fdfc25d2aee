/** What a demo project is about on the ground: the places, plant or basin its title names. */
import type { Kind, SectorSplit } from './kinds.ts';
import { distanceKm, profileOf, type Place } from './places.ts';
import type { Rng } from './prng.ts';
import { HYDRO_SITES, RIVER_BASINS, type Site } from './sites.ts';

export interface Located {
  iso2: string;
  place: Place;
}

export interface Subject {
  /** Up to two places: a section's ends, a plant's town, a border post. */
  places: Located[];
  site: Site | null;
}

const located = (iso2: string, kinds: readonly Place['kind'][]): Located[] =>
  profileOf(iso2)
    .places.filter((p) => kinds.includes(p.kind))
    .map((place) => ({ iso2, place }));

/** A section between two places some 60–800 km apart, else any two. */
function pair(rng: Rng, from: Located[], to: Located[]): Located[] {
  const pairs: [Located, Located][] = [];
  for (const a of from) {
    for (const b of to) {
      const d = distanceKm(a.place, b.place);
      if (a.place !== b.place && d >= 60 && d <= 800) pairs.push([a, b]);
    }
  }
  if (pairs.length > 0) return rng.pick(pairs);
  const a = rng.pick(from);
  const rest = to.filter((b) => b.place !== a.place);
  return [a, rng.pick(rest.length > 0 ? rest : to)];
}

/** Members too warm for district heating projects. */
const WARM = ['AF', 'PK'];

export function hasPort(iso2: string): boolean {
  return located(iso2, ['port']).length > 0;
}

export function canHost(kind: Kind, iso2: string): boolean {
  if (kind.excluded?.includes(iso2)) return false;
  if (kind.id === 'hydro') return (HYDRO_SITES[iso2] ?? []).length > 0;
  return true;
}

/** Sector splits that make sense here (water transport only where there is a port). */
export function sectorOptions(
  kind: Kind,
  countries: readonly string[],
): (readonly SectorSplit[])[] {
  const options = kind.sectors.filter(
    (split) =>
      (!split.some((s) => s.code === '21040') || countries.every(hasPort)) &&
      (!split.some((s) => s.code === '23620') || !countries.some((c) => WARM.includes(c))),
  );
  return options.length > 0 ? options : [...kind.sectors];
}

export function chooseSubject(
  rng: Rng,
  kind: Kind,
  countries: readonly string[],
  sectors: readonly SectorSplit[],
): Subject {
  const first = countries[0] ?? '';
  const last = countries[countries.length - 1] ?? first;
  const cities = (iso2: string) => located(iso2, ['city']);
  const inland = (iso2: string) => located(iso2, ['city', 'border']);
  const none: Subject = { places: [], site: null };
  switch (kind.id) {
    case 'road':
    case 'rail':
    case 'transmission':
    case 'ict':
      return { places: pair(rng, inland(first), inland(last)), site: null };
    case 'logistics': {
      if (sectors.some((s) => s.code === '21040'))
        return { places: [rng.pick(located(first, ['port']))], site: null };
      // Airports only in the largest cities, listed first.
      const airport = sectors.some((s) => s.code === '21050');
      return {
        places: [rng.pick(airport ? cities(first).slice(0, 2) : cities(first))],
        site: null,
      };
    }
    case 'bcp': {
      const borders = located(last, ['border']);
      return { places: [rng.pick(borders.length > 0 ? borders : cities(last))], site: null };
    }
    case 'hydro':
      return { places: [], site: rng.pick(HYDRO_SITES[first] ?? []) };
    case 'irrigation':
    case 'resilience':
      return { places: [rng.pick(cities(first))], site: rng.pick(RIVER_BASINS[first] ?? []) };
    case 'renewables':
    case 'efficiency':
    case 'skills':
    case 'health':
    case 'tourism':
      return { places: [rng.pick(cities(first))], site: null };
    default:
      return none;
  }
}

/** Points for the map: the subject's towns (border posts and ports by their nearest town). */
export function locationPoints(subject: Subject, countries: readonly string[]): Located[] {
  const points: Located[] = [];
  for (const iso2 of countries) {
    const cities = located(iso2, ['city']);
    const own = subject.places.filter((l) => l.iso2 === iso2);
    for (const l of own) {
      const point =
        l.place.kind === 'city'
          ? l
          : cities.reduce((best, c) =>
              distanceKm(c.place, l.place) < distanceKm(best.place, l.place) ? c : best,
            );
      if (!points.some((p) => p.place === point.place)) points.push(point);
    }
    const capital = cities[0];
    if (own.length === 0 && capital) points.push(capital);
  }
  return points;
}
