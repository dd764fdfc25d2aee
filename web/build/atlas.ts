import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The part of world-atlas's 1:50m TopoJSON that the CAREC map shows: the countries with any
 * point inside the region's frame, with only the arcs they use. Arcs are copied as they are
 * (quantized, delta-encoded), so topojson-client reads the subset like the original.
 */

type Arc = [number, number][];
interface Geometry {
  type: string;
  id?: string;
  properties?: Record<string, unknown>;
  arcs?: unknown;
}
interface Topology {
  type: 'Topology';
  transform: { scale: [number, number]; translate: [number, number] };
  objects: Record<string, { type: 'GeometryCollection'; geometries: Geometry[] }>;
  arcs: Arc[];
}

/** West, south, east, north in degrees: from the Caucasus to the east of China. */
export const FRAME = [38, 18, 135, 56] as const;

function absolute(arc: Arc, topology: Topology): [number, number][] {
  const { scale, translate } = topology.transform;
  let x = 0;
  let y = 0;
  return arc.map(([dx, dy]) => {
    x += dx;
    y += dy;
    return [x * scale[0] + translate[0], y * scale[1] + translate[1]];
  });
}

function arcIndices(arcs: unknown, into: Set<number>): void {
  if (typeof arcs === 'number') into.add(arcs < 0 ? ~arcs : arcs);
  else if (Array.isArray(arcs)) for (const a of arcs) arcIndices(a, into);
}

function remap(arcs: unknown, index: Map<number, number>): unknown {
  if (typeof arcs === 'number') return arcs < 0 ? ~index.get(~arcs)! : index.get(arcs)!;
  return Array.isArray(arcs) ? arcs.map((a) => remap(a, index)) : arcs;
}

export function carecAtlas(): string {
  const path = createRequire(import.meta.url).resolve('world-atlas/countries-50m.json');
  const topology = JSON.parse(readFileSync(path, 'utf8')) as Topology;
  const [west, south, east, north] = FRAME;
  const inside = topology.arcs.map((arc) =>
    absolute(arc, topology).some(([x, y]) => x >= west && x <= east && y >= south && y <= north),
  );
  const countries = topology.objects['countries']!.geometries.filter((g) => {
    const used = new Set<number>();
    arcIndices(g.arcs, used);
    return [...used].some((i) => inside[i]);
  });
  const used = new Set<number>();
  for (const g of countries) arcIndices(g.arcs, used);
  const order = [...used].sort((a, b) => a - b);
  const index = new Map(order.map((old, i) => [old, i]));
  const subset: Topology = {
    type: 'Topology',
    transform: topology.transform,
    objects: {
      countries: {
        type: 'GeometryCollection',
        geometries: countries.map((g) => ({ ...g, arcs: remap(g.arcs, index) })),
      },
    },
    arcs: order.map((i) => topology.arcs[i]!),
  };
  return JSON.stringify(subset);
}
