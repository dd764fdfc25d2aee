/** Calm, distinguishable series colours (checked for contrast against white at 3:1). */
export const SERIES = [
  '#0f5c6e',
  '#c2410c',
  '#4d7c0f',
  '#7c3aed',
  '#b45309',
  '#be185d',
  '#0369a1',
  '#57534e',
];

export const COMMITMENTS = '#0f5c6e';
export const DISBURSEMENTS = '#c2410c';

/** Corridors 1–6 on the map. */
export const CORRIDOR_COLOURS = ['#b91c1c', '#c2410c', '#a16207', '#15803d', '#1d4ed8', '#7e22ce'];

/** From little investment to much, on the map. */
export const SHADES = ['#e0f2f1', '#99d5cf', '#4fb0a8', '#1f8580', '#0f5c5c', '#073b3d'];

export const TEXT = '#1f2933';
export const MUTED = '#52606d';
export const GRID = '#e4e7eb';
