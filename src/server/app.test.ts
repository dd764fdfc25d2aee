import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Validator } from '@seriousme/openapi-schema-validator';
import type { FastifyInstance } from 'fastify';
import { connect } from 'node:net';
import { DIALECTS, newTestStore, type TestStore } from '../../test/support/stores.ts';
import { buildApp } from './app.ts';
import { loadConfig } from '../config.ts';

for (const dialect of DIALECTS) {
  describe(`server on ${dialect}`, () => {
    let store: TestStore;
    let app: FastifyInstance;

    beforeAll(async () => {
      store = await newTestStore(dialect);
      app = await buildApp({ store, config: { ...loadConfig({}), logLevel: 'silent' } });
    });
    afterAll(async () => {
      await app.close();
      await store.dispose();
    });

    it('answers a request it cannot read as HTTP in its own error shape', async () => {
      const address = await app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = new URL(address);
      const send = (request: string) =>
        new Promise<string>((resolve, reject) => {
          const socket = connect(Number(port), '127.0.0.1', () => socket.write(request));
          let answer = '';
          socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
          socket.on('end', () => resolve(answer));
          socket.on('error', reject);
        });
      const bodyOf = (raw: string) => JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4)) as unknown;
      const control = await send(
        'GET /healthz HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer a\x01\r\n\r\n',
      );
      expect(control).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
      expect(bodyOf(control)).toEqual({
        error: { code: 'bad_request', message: 'The request could not be read as HTTP' },
      });
      const huge = await send(
        `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(70_000)}\r\n\r\n`,
      );
      expect(huge).toMatch(/^HTTP\/1\.1 431 Request Header Fields Too Large\r\n/);
      expect(bodyOf(huge)).toEqual({
        error: { code: 'headers_too_large', message: 'The headers are too large' },
      });
    });

    it('is live and ready while the database answers', async () => {
      expect((await app.inject('/healthz')).json()).toEqual({ status: 'ok' });
      const ready = await app.inject('/readyz');
      expect(ready.statusCode).toBe(200);
      expect(ready.json()).toEqual({ status: 'ready' });
    });

    it('publishes a valid OpenAPI 3 document', async () => {
      const response = await app.inject('/api/openapi.json');
      expect(response.statusCode).toBe(200);
      const document: unknown = response.json();
      const validator = new Validator();
      const result = await validator.validate(document as Parameters<Validator['validate']>[0]);
      expect(result.errors).toBeUndefined();
      expect(result.valid).toBe(true);
      expect(validator.version).toBe('3.1');
      expect(Object.keys((document as { paths: object }).paths)).toContain('/readyz');
    });

    it('answers an unknown route with the one error shape', async () => {
      const response = await app.inject('/api/nowhere');
      expect(response.statusCode).toBe(404);
      expect(response.json()).toEqual({
        error: { code: 'not_found', message: 'No route for GET /api/nowhere' },
      });
    });
  });
}
