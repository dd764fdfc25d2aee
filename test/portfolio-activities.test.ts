import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../src/config.ts';
import { loadDemoPortfolio } from '../src/portfolio/demo.service.ts';
import type { ActivitiesPage } from '../src/portfolio/activities.schema.ts';
import type { ActivityDetail } from '../src/portfolio/activity-detail.service.ts';
import type { PublisherQuality } from '../src/portfolio/quality.service.ts';
import { syncReferenceData } from '../src/reference/reference.repository.ts';
import { buildApp } from '../src/server/app.ts';
import { importIati } from '../src/iati/import.service.ts';
import { activityXml, iatiDocument, textSource } from './support/iati-fixtures.ts';
import { DIALECTS, newTestStore, type TestStore } from './support/stores.ts';

for (const dialect of DIALECTS) {
  describe(`activities API on ${dialect}`, () => {
    let store: TestStore;
    let app: FastifyInstance;
    beforeAll(async () => {
      store = await newTestStore(dialect);
      await syncReferenceData(store.db);
      await loadDemoPortfolio(store.db);
      app = await buildApp({ store, config: { ...loadConfig({}), logLevel: 'silent' } });
    });
    afterAll(async () => {
      await app.close();
      await store.dispose();
    });

    const get = async <T>(url: string): Promise<T> => {
      const response = await app.inject(url);
      expect(response.statusCode, response.body).toBe(200);
      return response.json<T>();
    };

    it('pages through every matching activity once, in order, with a cursor', async () => {
      const seen: ActivitiesPage['items'] = [];
      let cursor: string | null = null;
      do {
        const suffix: string = cursor ? `&cursor=${cursor}` : '';
        const page: ActivitiesPage = await get(`/api/activities?country=KZ&limit=7${suffix}`);
        seen.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      const all = await get<ActivitiesPage>('/api/activities?country=KZ&limit=500');
      expect(seen.map((a) => a.iatiIdentifier)).toEqual(all.items.map((a) => a.iatiIdentifier));
      expect(new Set(seen.map((a) => a.iatiIdentifier)).size).toBe(seen.length);
      const commitments = seen.map((a) => a.commitments);
      expect(commitments).toEqual([...commitments].sort((a, b) => b - a));
      expect(seen.every((a) => a.countries.includes('KZ'))).toBe(true);
    });

    it('finds activities by words in any language, combined with filters', async () => {
      const english = await get<ActivitiesPage>(
        '/api/activities?q=transmission%20line&sectorCategory=236&limit=500',
      );
      expect(english.items.length).toBeGreaterThan(0);
      expect(english.items.every((a) => /transmission line/i.test(a.title))).toBe(true);
      const russian = await get<ActivitiesPage>(
        `/api/activities?q=${encodeURIComponent('Линия электропередачи')}`,
      );
      expect(russian.items.length).toBeGreaterThan(0);
      const hostile = await get<ActivitiesPage>(
        `/api/activities?q=${encodeURIComponent('" OR 1=1 -- NEAR(')}`,
      );
      expect(hostile.items).toEqual([]);
    });

    it('sorts by title both ways', async () => {
      const up = await get<ActivitiesPage>('/api/activities?sort=title&limit=20&climate=any');
      const titles = up.items.map((a) => a.title);
      expect(titles).toEqual([...titles].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      const down = await get<ActivitiesPage>('/api/activities?sort=-title&limit=1&climate=any');
      expect(down.items[0]!.title >= titles.at(-1)!).toBe(true);
    });

    it('shows one activity with its financing, transactions and relations', async () => {
      const [first] = (await get<ActivitiesPage>('/api/activities?limit=1')).items;
      const detail = await get<ActivityDetail>(
        `/api/activities/${encodeURIComponent(first!.iatiIdentifier)}`,
      );
      expect(detail.activity.iatiIdentifier).toBe(first!.iatiIdentifier);
      expect(detail.commitments).toBe(first!.commitments);
      const byCountry = detail.byCountry.filter((r) => r.measure === 'commitments');
      expect(byCountry.reduce((sum, r) => sum + r.value, 0)).toBeCloseTo(detail.commitments, 2);
      expect(detail.transactions.length).toBe(detail.activity.transactions.length);
      expect((await app.inject('/api/activities/NO-SUCH-ACTIVITY')).statusCode).toBe(404);
    });

    it('gives titles in every published language', async () => {
      const page = await get<ActivitiesPage>('/api/activities?limit=500');
      const bilingual = page.items.filter((a) => a.titles.some((t) => t.lang === 'ru'));
      expect(bilingual.length).toBeGreaterThan(0);
      for (const a of page.items) expect(a.titles.map((t) => t.text)).toContain(a.title);
    });

    it('exports the filtered, sorted list as CSV and XLSX, every page, matching the API', async () => {
      const filter = 'country=KZ&climate=any&sort=title';
      const listed = await get<ActivitiesPage>(`/api/activities?${filter}&limit=500`);
      const csv = await app.inject(`/api/activities.csv?${filter}`);
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      const lines = csv.body.trim().split(/\r?\n/);
      expect(lines[0]).toBe(
        'iati_identifier,title,reporting_org,status,start,end,countries,commitments_usd,disbursements_usd',
      );
      expect(lines.length - 1).toBe(listed.items.length);
      expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(
        listed.items.map((a) => a.iatiIdentifier),
      );
      const xlsx = await app.inject(`/api/activities.xlsx?${filter}`);
      expect(xlsx.statusCode).toBe(200);
      expect(xlsx.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
      expect((await app.inject('/api/activities.csv?cursor=x')).statusCode).toBe(400);
      const xml = await app.inject(`/api/activities.xml?${filter}`);
      expect(xml.statusCode).toBe(200);
      const identifiers = [...xml.body.matchAll(/<iati-identifier>([^<]+)</g)].map((m) => m[1]);
      expect(identifiers).toEqual(listed.items.map((a) => a.iatiIdentifier));
    });

    it('rates each publisher’s data quality', async () => {
      const quality = await get<PublisherQuality[]>('/api/quality');
      expect(quality.reduce((sum, q) => sum + q.activities, 0)).toBe(280);
      for (const q of quality) expect(q.percentages).toBe(1);
    });

    it('reaches an activity by an identifier of any length the importer stores', async () => {
      // Cyrillic letters take six characters each once percent-encoded.
      const identifier = `XM-DAC-46004-${'дорога-'.repeat(69)}`.slice(0, 500);
      const summary = await importIati(
        store.db,
        [textSource('long.xml', iatiDocument([activityXml({ id: identifier })]))],
        { dryRun: false, label: 'long.xml', actor: 'test', origin: 'test' },
      );
      expect(summary.totals).toMatchObject({ imported: 1 });
      const path = encodeURIComponent(identifier);
      expect(path.length).toBeGreaterThan(2500);
      const found = await get<{ activity: { iatiIdentifier: string } }>(`/api/activities/${path}`);
      expect(found.activity.iatiIdentifier).toBe(identifier);
    });

    it('refuses a forged cursor and unknown parameters', async () => {
      expect((await app.inject('/api/activities?cursor=bm90LWEtY3Vyc29y')).statusCode).toBe(400);
      expect((await app.inject('/api/activities?colour=red')).statusCode).toBe(400);
    });

    it('refuses a well-formed cursor whose values do not fit its sort, on words and without', async () => {
      // JSON text as a client could write it: 1e400 has no JavaScript number to stand for it.
      const cursor = (value: unknown) =>
        Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString(
          'base64url',
        );
      const forged = [
        ['-commitments', { key: 1.5, id: 1 }],
        ['-commitments', '{"key":1e400,"id":1}'],
        ['-commitments', { key: 'abc', id: 1 }],
        ['title', { key: 'Road', id: 1.5 }],
        ['title', { key: 'Road', id: 1e300 }],
        ['title', { key: 'Road', id: -1 }],
        ['title', { key: 7, id: 1 }],
        ['start', { key: 'a\u0000b', id: 1 }],
      ] as const;
      for (const [sort, value] of forged) {
        for (const words of ['', '&q=road']) {
          const url = `/api/activities?sort=${sort}${words}&cursor=${cursor(value)}`;
          const response = await app.inject(url);
          expect(response.statusCode, `${url}: ${response.body}`).toBe(400);
          expect(response.json()).toEqual({
            error: { code: 'bad_request', message: 'cursor: not a cursor this API gave out' },
          });
        }
      }
    });
  });
}
