import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { atlasFile } from './build/atlas-plugin.ts';
import { precompress } from './build/precompress.ts';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('.'),
  plugins: [atlasFile(here('./src/features/map/generated/carec-atlas.json')), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Chunks of a page load in parallel; the home page's whole budget is 250 KB of gzip.
    chunkSizeWarningLimit: 700,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
});
