export * from './countries.ts';
export * from './organisations.ts';
export * from './clusters.ts';
export * from './corridors.ts';
export * from './conferences.ts';
export * from './codes.ts';
