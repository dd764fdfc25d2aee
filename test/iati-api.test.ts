import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/config.ts';
import { DIALECTS, newTestStore, type TestStore } from './support/stores.ts';
import { activityXml, iatiDocument } from './support/iati-fixtures.ts';

const TOKEN = 'test-admin-token-0123456789abcdef';

for (const dialect of DIALECTS) {
  describe(`IATI over HTTP on ${dialect}`, () => {
    let store: TestStore;
    let app: FastifyInstance;

    beforeAll(async () => {
      store = await newTestStore(dialect);
      const config = {
        ...loadConfig({ ADMIN_TOKEN: TOKEN }),
        logLevel: 'silent' as const,
        importMaxBytes: 64 * 1024,
      };
      app = await buildApp({ store, config });
    });
    afterAll(async () => {
      await app.close();
      await store.dispose();
    });

    const upload = (body: string | Buffer, headers: Record<string, string> = {}) =>
      app.inject({
        method: 'POST',
        url: '/api/imports?name=upload.xml',
        headers: {
          'content-type': 'application/xml',
          authorization: `Bearer ${TOKEN}`,
          ...headers,
        },
        body,
      });
    const activityCount = async () =>
      (await store.db.selectFrom('activity').select('id').execute()).length;

    it('refuses an upload without the admin token', async () => {
      const response = await upload(iatiDocument([activityXml({ id: 'U0' })]), {
        authorization: 'Bearer wrong',
      });
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({ error: { code: 'unauthorized' } });
      expect(await activityCount()).toBe(0);
    });

    it('refuses an upload of a type it does not take, with its own code', async () => {
      const response = await upload('--x\r\n\r\n--x--', {
        'content-type': 'multipart/form-data; boundary=x',
      });
      expect(response.statusCode).toBe(415);
      expect(response.json()).toMatchObject({ error: { code: 'unsupported_media_type' } });
      expect(await activityCount()).toBe(0);
    });

    it('streams progress and each activity’s outcome as NDJSON when asked', async () => {
      // A dry run, so that the other tests' counts stay as they are.
      const response = await app.inject({
        method: 'POST',
        url: '/api/imports?name=events.xml.gz&dryRun=true',
        headers: {
          'content-type': 'application/gzip',
          accept: 'application/x-ndjson',
          authorization: `Bearer ${TOKEN}`,
        },
        body: gzipSync(
          iatiDocument([activityXml({ id: 'N1' }), activityXml({ id: 'N2', value: 'x' })]),
        ),
      });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^application\/x-ndjson/);
      const events = response.body
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { type: string; [key: string]: unknown });
      const activities = events.filter((e) => e.type === 'activity');
      expect(activities.map((e) => [e['outcome'], e['line'] !== undefined])).toEqual([
        ['imported', true],
        ['rejected', true],
      ]);
      expect((activities[1]!['errors'] as string[]).length).toBeGreaterThan(0);
      expect(events.some((e) => e.type === 'progress')).toBe(true);
      expect(events.at(-1)).toMatchObject({
        type: 'done',
        summary: { dryRun: true, totals: { activities: 2, imported: 1, rejected: 1 } },
      });
      expect(await activityCount()).toBe(0);
      const refused = await upload('not xml at all', { accept: 'application/x-ndjson' });
      expect(refused.statusCode).toBe(400);
      expect(refused.json()).toMatchObject({ error: { code: 'bad_request' } });
    });

    it('imports an uploaded file, plain or gzipped, and reports each activity', async () => {
      const plain = await upload(
        iatiDocument([activityXml({ id: 'U1' }), activityXml({ id: 'U2', value: 'x' })]),
      );
      expect(plain.statusCode).toBe(201);
      expect(plain.json()).toMatchObject({ totals: { activities: 2, imported: 1, rejected: 1 } });
      const gz = await upload(gzipSync(iatiDocument([activityXml({ id: 'U3' })])), {
        'content-type': 'application/gzip',
      });
      expect(gz.statusCode).toBe(201);
      expect(await activityCount()).toBe(2);
    });

    it('judges an upload by its content, not its declared type', async () => {
      const response = await upload(Buffer.from('PK\u0003\u0004 not xml at all'));
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ error: { code: 'bad_request' } });
    });

    it('refuses a body that is not a file, such as JSON, plain text or nothing', async () => {
      for (const [type, body] of [
        ['application/json', '{}'],
        ['text/plain', 'hello'],
      ] as const) {
        const response = await upload(body, { 'content-type': type });
        expect(response.statusCode).toBe(400);
        expect(response.json<{ error: { message: string } }>().error.message).toMatch(
          /^The body must be the IATI file itself/,
        );
      }
      const empty = await app.inject({
        method: 'POST',
        url: '/api/imports',
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      expect(empty.statusCode).toBe(400);
    });

    it('answers 413 to an oversized upload and stores nothing of it', async () => {
      const before = await activityCount();
      const many = Array.from({ length: 200 }, (_, i) => activityXml({ id: `BIG-${i}` }));
      const response = await upload(iatiDocument(many));
      expect(response.statusCode).toBe(413);
      expect(await activityCount()).toBe(before);
    });

    it('exports the transactions as CSV and XLSX', async () => {
      const csv = await app.inject('/api/transactions.csv?country=KZ');
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['content-type']).toMatch(/text\/csv/);
      const lines = csv.body.trim().split('\r\n');
      expect([...csv.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(lines[0]).toMatch(/iati_identifier,title,/);
      expect(lines).toHaveLength(3);
      expect(lines[1]).toContain(',1000000.00,USD,');
      for (const misspelt of ['countr=KZ', 'sector=15110', 'yearFrom=2021']) {
        const refused = await app.inject(`/api/transactions.csv?${misspelt}`);
        expect(refused.statusCode, misspelt).toBe(400);
      }
      const xlsx = await app.inject('/api/transactions.xlsx');
      expect(xlsx.statusCode).toBe(200);
      expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    });

    it('exports the stored activities as IATI XML, filtered', async () => {
      const all = await app.inject('/api/activities.xml');
      expect(all.statusCode).toBe(200);
      expect(all.headers['content-type']).toMatch(/application\/xml/);
      expect(all.body.match(/<iati-activity[\s>]/g)).toHaveLength(2);
      const none = await app.inject('/api/activities.xml?country=UZ');
      expect(none.body.match(/<iati-activity[\s>]/g)).toBeNull();
      const bad = await app.inject('/api/activities.xml?country=kazakhstan');
      expect(bad.statusCode).toBe(400);
    });

    it('exports by a country one of its transactions names, as the lists and sums count it', async () => {
      const byTransaction = activityXml({ id: 'XM-DAC-46004-TX-UZ' })
        .replace('<recipient-country code="KZ" percentage="100"/>', '')
        .replace('</value>', '</value>\n      <recipient-country code="UZ"/>');
      const stored = await upload(iatiDocument([byTransaction]), {
        authorization: `Bearer ${TOKEN}`,
      });
      expect(stored.json<{ totals: { imported: number } }>().totals.imported, stored.body).toBe(1);
      const listed = await app.inject('/api/activities?country=UZ');
      expect(listed.body).toContain('XM-DAC-46004-TX-UZ');
      const xml = await app.inject('/api/activities.xml?country=UZ');
      expect(xml.body.match(/<iati-identifier>[^<]*</g)).toEqual([
        '<iati-identifier>XM-DAC-46004-TX-UZ<',
      ]);
      const csv = await app.inject('/api/transactions.csv?country=UZ');
      expect(csv.body.trim().split('\r\n')).toHaveLength(2);
      expect(csv.body).toContain('XM-DAC-46004-TX-UZ');
    });
  });
}
