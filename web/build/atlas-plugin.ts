import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Plugin } from 'vite';
import { carecAtlas } from './atlas.ts';

/** Writes the region's TopoJSON where the map imports it (as a file URL) before each build. */
export function atlasFile(path: string): Plugin {
  return {
    name: 'caravan-atlas',
    buildStart() {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, carecAtlas());
    },
  };
}
