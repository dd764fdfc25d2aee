import { readdirSync, existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';

/** Where `npm run build` writes the web application. */
export const WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));

/** Vite names these by content hash, so a browser may keep them for a year. */
const HASHED = /^assets\//;

function filesUnder(root: string): Set<string> {
  if (!existsSync(root)) return new Set();
  const found = readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !/\.(gz|br)$/.test(entry.name))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'));
  return new Set(found);
}

/**
 * Serves the built web application from the API's origin: its files as built (brotli or gzip
 * copies when the browser takes them), and index.html for any other path outside /api so that
 * the application's own routes survive a reload or a shared link.
 */
export async function registerWebApp(app: FastifyInstance, root = WEB_DIST): Promise<void> {
  // The file list is fixed at build time; reading it once also keeps any request from naming
  // a file outside it.
  const files = filesUnder(root);
  const built = files.has('index.html');
  if (!built) app.log.warn({ root }, 'the web application is not built: run `npm run build`');
  await app.register(fastifyStatic, { root, serve: false, preCompressed: true });

  app.get<{ Params: { '*': string } }>(
    '/*',
    {
      config: { permission: 'public' },
      schema: { hide: true },
    },
    (request, reply) => {
      const path = request.params['*'];
      if (path === 'api' || path.startsWith('api/')) return reply.callNotFound();
      if (!built) {
        throw new AppError('not_found', 'The web application is not built: run `npm run build`');
      }
      if (files.has(path) && path !== 'index.html') {
        return HASHED.test(path)
          ? reply.sendFile(path, { maxAge: '365d', immutable: true })
          : reply.sendFile(path, { maxAge: '1h' });
      }
      if (HASHED.test(path)) return reply.callNotFound(); // a stale chunk must not get HTML
      // The page itself is revalidated every time, so a new build is picked up at once.
      return reply
        .header('cache-control', 'no-cache')
        .sendFile('index.html', { cacheControl: false });
    },
  );
}
