import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import atlasUrl from './generated/carec-atlas.json?url';
import { COUNTRIES } from '../../../../src/reference/countries.ts';

/** ISO 3166-1 numeric codes, which world-atlas uses as ids, of the countries Caravan names. */
const ISO_NUMERIC: Readonly<Record<string, string>> = {
  '004': 'AF',
  '031': 'AZ',
  '156': 'CN',
  '268': 'GE',
  '398': 'KZ',
  '417': 'KG',
  '496': 'MN',
  '586': 'PK',
  '762': 'TJ',
  '795': 'TM',
  '860': 'UZ',
};

export interface Atlas {
  /** Features named by ISO alpha-2 for CAREC members, by `other-<id>` for the rest. */
  geoJson: FeatureCollection<Polygon | MultiPolygon, { name: string }>;
  /** A point inside each member's largest polygon, [lon, lat]. */
  centres: ReadonlyMap<string, [number, number]>;
}

function ringArea(ring: Position[]): number {
  let area = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    area += ring[j]![0]! * ring[i]![1]! - ring[i]![0]! * ring[j]![1]!;
  }
  return area / 2;
}

function ringCentroid(ring: Position[]): [number, number] {
  let x = 0;
  let y = 0;
  let twiceArea = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [x0, y0] = ring[j] as [number, number];
    const [x1, y1] = ring[i] as [number, number];
    const f = x0 * y1 - x1 * y0;
    x += (x0 + x1) * f;
    y += (y0 + y1) * f;
    twiceArea += f;
  }
  return [x / (3 * twiceArea), y / (3 * twiceArea)];
}

function centre(geometry: Polygon | MultiPolygon): [number, number] {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const largest = polygons.reduce((best, p) =>
    Math.abs(ringArea(p[0]!)) > Math.abs(ringArea(best[0]!)) ? p : best,
  );
  return ringCentroid(largest[0]!);
}

let loading: Promise<Atlas> | null = null;

/** The region's countries from world-atlas (Natural Earth 1:50m), loaded once. */
export function loadAtlas(): Promise<Atlas> {
  if (loading) return loading;
  loading = fetch(atlasUrl)
    .then((response) => {
      if (!response.ok) throw new Error(`map data: ${response.status}`);
      return response.json() as Promise<Topology<{ countries: GeometryCollection }>>;
    })
    .then((topology) => {
      const collection = feature(topology, topology.objects.countries) as FeatureCollection<
        Polygon | MultiPolygon
      >;
      const centres = new Map<string, [number, number]>();
      const features = collection.features.map(
        (f): Feature<Polygon | MultiPolygon, { name: string }> => {
          const iso2 = ISO_NUMERIC[String(f.id)];
          if (iso2) centres.set(iso2, centre(f.geometry));
          return { ...f, properties: { name: iso2 ?? `other-${String(f.id)}` } };
        },
      );
      const geoJson: Atlas['geoJson'] = { type: 'FeatureCollection', features };
      return { geoJson, centres };
    })
    .catch((error: unknown) => {
      loading = null;
      throw error;
    });
  return loading;
}

export const MEMBER_ISO2 = COUNTRIES.filter((c) => c.member).map((c) => c.iso2);
