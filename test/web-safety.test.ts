import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../src/config.ts';
import { buildApp } from '../src/server/app.ts';
import { newTestStore, type TestStore } from './support/stores.ts';

describe('web safety', () => {
  let store: TestStore;
  let app: FastifyInstance;
  beforeAll(async () => {
    store = await newTestStore('sqlite');
    app = await buildApp({
      store,
      config: { ...loadConfig({}), logLevel: 'silent', signInRateLimit: 3 },
    });
  });
  afterAll(async () => {
    await app.close();
    await store.dispose();
  });

  it('sends security headers: a CSP without inline scripts, no framing, no sniffing', async () => {
    const response = await app.inject('/api/aggregate');
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/unsafe-inline/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['strict-transport-security']).toBeUndefined();
  });

  it('sends HSTS only over TLS', async () => {
    const response = await app.inject({
      url: '/healthz',
      headers: { 'x-forwarded-proto': 'https' },
    });
    // Fastify trusts no proxy by default, so a forwarded header alone does not make it TLS.
    expect(response.headers['strict-transport-security']).toBeUndefined();
  });

  it('never leaks a stack trace or SQL in an error', async () => {
    const response = await app.inject('/api/activities?cursor=not-a-cursor&limit=0');
    expect(response.statusCode).toBe(400);
    expect(response.body).not.toMatch(/at .*\.ts:\d+|select |insert /i);
  });

  it('limits sign-in attempts per address, with the one error shape', async () => {
    const attempt = () =>
      app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { email: 'x@example.org', password: 'wrong one 123' },
      });
    for (let i = 0; i < 3; i++) expect((await attempt()).statusCode).toBe(401);
    const limited = await attempt();
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ error: { code: 'rate_limited' } });
  });
});
