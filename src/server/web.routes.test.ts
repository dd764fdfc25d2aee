import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../config.ts';
import { newTestStore, type TestStore } from '../../test/support/stores.ts';
import { buildApp } from './app.ts';

describe('the web application', () => {
  let store: TestStore;
  let app: FastifyInstance;
  let root: string;
  const script = 'console.log("caravan");'.repeat(20);

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'caravan-web-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Caravan</title>');
    writeFileSync(join(root, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(join(root, 'assets', 'index-AbC123.js'), script);
    writeFileSync(join(root, 'assets', 'index-AbC123.js.br'), brotliCompressSync(script));
    store = await newTestStore('sqlite');
    app = await buildApp({
      store,
      config: { ...loadConfig({}), logLevel: 'silent' },
      webRoot: root,
    });
  });
  afterAll(async () => {
    await app.close();
    await store.dispose();
    rmSync(root, { recursive: true, force: true });
  });

  it("answers the application's own paths with its page, revalidated every time", async () => {
    for (const url of ['/', '/explore?country=KZ&lang=ru', '/projects/XM-DAC-46004-1%2F2']) {
      const response = await app.inject(url);
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.body).toContain('<title>Caravan</title>');
    }
  });

  it('sends hashed assets for a year, compressed as the browser accepts', async () => {
    const response = await app.inject({
      url: '/assets/index-AbC123.js',
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.headers['content-encoding']).toBe('br');
    const plain = await app.inject('/assets/index-AbC123.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  it('keeps other files briefly, and answers a missing asset with 404, not the page', async () => {
    const icon = await app.inject('/favicon.svg');
    expect(icon.headers['cache-control']).toBe('public, max-age=3600');
    const stale = await app.inject('/assets/index-Old999.js');
    expect(stale.statusCode).toBe(404);
  });

  it('leaves /api to the API: an unknown API path is a JSON 404', async () => {
    const response = await app.inject('/api/nowhere');
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({
      error: { code: 'not_found', message: 'No route for GET /api/nowhere' },
    });
  });

  it('never sends a file from outside the build', async () => {
    for (const url of [
      '/assets/../../package.json',
      '/%2e%2e/package.json',
      '/..%2fpackage.json',
    ]) {
      const response = await app.inject(url);
      expect(response.body, url).not.toContain('"name"');
    }
  });
});
