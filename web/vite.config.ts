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
    rolldownOptions: {
      output: {
        // Few, larger files: a browser opens six connections per host over HTTP/1.1, and a
        // page should not wait in line for a dozen small chunks.
        codeSplitting: {
          groups: [
            {
              name: 'vendor',
              test: /node_modules[\\/](react|react-dom|scheduler|i18next|react-i18next)[\\/]/,
            },
            {
              name: 'shell',
              test: /web[\\/]src[\\/](app[\\/](?!codes)|components[\\/](?!echarts|fields|useAction)|features[\\/]portfolio|locales)|src[\\/]reference[\\/](countries|clusters|corridors|organisations)|src[\\/]accounts[\\/]access/,
            },
            {
              // The facility's pages share one chunk of its components and words, which no
              // page outside the facility loads. The two views that read IATI's code lists
              // (sector names) stay with their pages, so the public facility page does not
              // load those lists.
              name: 'facility',
              includeDependenciesRecursively: false,
              test: /web[\\/]src[\\/]features[\\/]facility[\\/](?!Proposal(Form|Content)View)|[\\/]src[\\/]facility[\\/]/,
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
});
