import { CORRIDORS } from '../../../../src/reference/corridors.ts';

export interface CorridorLine {
  number: number;
  coords: [number, number][];
}

/**
 * A schematic line for each corridor through the centres of the members it crosses, in order
 * along the direction in which those centres spread most. The reference data names the
 * countries, not the routes; the map says the lines are schematic. Each corridor is shifted a
 * little sideways so that corridors through the same countries stay apart.
 */
export function corridorLines(centres: ReadonlyMap<string, [number, number]>): CorridorLine[] {
  return CORRIDORS.map((corridor, index) => {
    const points = corridor.countries
      .map((iso2) => centres.get(iso2))
      .filter((p): p is [number, number] => p !== undefined);
    const mx = points.reduce((s, p) => s + p[0], 0) / points.length;
    const my = points.reduce((s, p) => s + p[1], 0) / points.length;
    let sxx = 0;
    let syy = 0;
    let sxy = 0;
    for (const [x, y] of points) {
      sxx += (x - mx) ** 2;
      syy += (y - my) ** 2;
      sxy += (x - mx) * (y - my);
    }
    const angle = 0.5 * Math.atan2(2 * sxy, sxx - syy);
    const [dx, dy] = [Math.cos(angle), Math.sin(angle)];
    const shift = (index - (CORRIDORS.length - 1) / 2) * 0.7;
    const coords = [...points]
      .sort((a, b) => (a[0] - mx) * dx + (a[1] - my) * dy - ((b[0] - mx) * dx + (b[1] - my) * dy))
      .map(([x, y]): [number, number] => [x - dy * shift, y + dx * shift]);
    return { number: corridor.number, coords };
  });
}
