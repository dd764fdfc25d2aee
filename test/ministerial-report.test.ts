import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { buildApp } from '../src/server/app.ts';
import type { MinisterialData } from '../src/reports/ministerial/ministerial.data.ts';
import { CHROMIUM } from '../src/reports/ministerial/pdf.ts';
import { AS_OF as DEMO_AS_OF } from '../src/portfolio/demo/targets.ts';
import { MEMBER_CODES } from '../src/reference/index.ts';
import type { Scorecard } from '../src/results/scorecard.service.ts';
import { loadWholeDemo } from './support/demo-store.ts';
import { signedIn, type Session } from './support/http.ts';
import { DIALECTS, newTestStore, type TestStore } from './support/stores.ts';

const AS_OF = '2024-12-31';
const cents = (dollars: number | string) => Math.round(Number(dollars) * 100);
const has = (tool: string) => {
  try {
    execFileSync('which', [tool]);
    return true;
  } catch {
    return false;
  }
};
const canPrint = existsSync(CHROMIUM) && has('pdftotext') && has('pdftoppm');

type Figures = MinisterialData & { snapshot: { id: string; takenAt: string } | null };

for (const dialect of DIALECTS) {
  describe(`the Ministerial Conference report on the demo portfolio on ${dialect}`, () => {
    let store: TestStore;
    let app: FastifyInstance;
    let analyst: Session;
    let dir: string;

    beforeAll(async () => {
      store = await newTestStore(dialect);
      await loadWholeDemo(store);
      app = await buildApp({ store, config: { ...loadConfig({}), logLevel: 'silent' } });
      analyst = await signedIn(app, store.db, 'analyst@example.org', [{ role: 'secretariat' }]);
      dir = mkdtempSync(join(tmpdir(), 'caravan-report-'));
    }, 180_000);
    afterAll(async () => {
      await app.close();
      await store.dispose();
      rmSync(dir, { recursive: true, force: true });
    });

    const get = async <T>(url: string): Promise<T> => {
      const response = await app.inject({ url });
      expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
      return response.json<T>();
    };
    const figures = () =>
      get<Figures>(`/api/reports/ministerial?year=2024&asOf=${AS_OF}&format=json`);

    it('freezes a snapshot that the API then reads, whatever changes afterwards', async () => {
      const frozen = await analyst.expect<{ snapshot: { id: string } }>(
        201,
        'POST',
        '/api/reports/ministerial/snapshots',
        { year: 2024, asOf: AS_OF },
      );
      const before = await figures();
      expect(before.snapshot?.id).toBe(frozen.snapshot.id);
      // No snapshot of a day before the report's year.
      await analyst.expect(400, 'POST', '/api/reports/ministerial/snapshots', {
        year: 2024,
        asOf: '2023-06-30',
      });
      await analyst.expect(400, 'POST', '/api/reports/ministerial/snapshots', {
        year: new Date().getUTCFullYear() + 1,
      });

      // The secretariat changes a component share and records a result after the snapshot.
      const [shares] = (
        await get<{ activities: { iatiIdentifier: string }[] }>('/api/climate/shares')
      ).activities;
      await analyst.expect(200, 'PUT', `/api/climate/shares/${shares!.iatiIdentifier}`, {
        source: 'Test: revised annex',
        assessedOn: '2024-06-30',
        components: [{ mitigationPercent: '100', adaptationPercent: '0' }],
      });
      await analyst.expect(201, 'POST', '/api/results/values', {
        indicator: 'ROAD-KM',
        country: 'KZ',
        year: 2024,
        kind: 'actual',
        value: '1',
      });
      const after = await figures();
      expect(after).toEqual(before);

      // A fresh snapshot sees the change; the report then reads the newer one.
      const fresh = await analyst.expect<{ snapshot: { id: string } }>(
        201,
        'POST',
        '/api/reports/ministerial/snapshots',
        { year: 2024, asOf: AS_OF, fresh: true },
      );
      expect(fresh.snapshot.id).not.toBe(frozen.snapshot.id);
      const renewed = await figures();
      expect(renewed.snapshot?.id).toBe(fresh.snapshot.id);
      expect(renewed.climate.byCountry.total.components).not.toEqual(
        before.climate.byCountry.total.components,
      );
      expect(renewed.portfolio).toEqual(before.portfolio);
    });

    it('has totals equal to the API’s aggregates for the same snapshot', async () => {
      const report = await figures();
      const total = await get<{ total: number }>('/api/aggregate?yearTo=2024');
      expect(report.portfolio.cumulative.commitments).toBe(cents(total.total));
      const disbursed = await get<{ total: number }>(
        '/api/aggregate?yearTo=2024&measure=disbursements',
      );
      expect(report.portfolio.cumulative.disbursements).toBe(cents(disbursed.total));
      for (const [dimension, rows] of [
        ['country', report.portfolio.byCountry],
        ['cluster', report.portfolio.byCluster],
        ['partner', report.portfolio.byPartner],
        ['corridor', report.portfolio.byCorridor],
      ] as const) {
        const api = await get<{ rows: Record<string, string | number>[] }>(
          `/api/aggregate?yearTo=2024&by=${dimension}`,
        );
        const expected = new Map(api.rows.map((r) => [String(r[dimension]), cents(r['value']!)]));
        expect(new Map(rows.map((r) => [String(r.key), r.commitments])), dimension).toEqual(
          expected,
        );
      }
      const climate = await get<{ total: unknown; rows: unknown[] }>(
        `/api/climate?by=country&asOf=${AS_OF}`,
      );
      expect(report.climate.byCountry.total).toEqual(climate.total);
      expect(report.climate.byCountry.rows).toEqual(climate.rows);
      const pipeline = await get<unknown>(`/api/climate/pipeline?asOf=${AS_OF}`);
      expect(report.facility.pipeline).toEqual(pipeline);
      const card = await get<unknown>(`/api/results/scorecard?year=2024&asOf=${AS_OF}`);
      expect(report.results).toEqual(card);
      const statement = await get<unknown>(`/api/facility/statement?asOf=${AS_OF}`);
      expect(report.facility.statement).toEqual(statement);
    });

    it('counts the period since the 22nd conference (Tbilisi, 30 November 2023)', async () => {
      const report = await figures();
      expect(report.conference).toMatchObject({ number: 23, cityEn: 'Astana', date: '2024-11-08' });
      expect(report.since).toBe('2023-12-01');
      const recent = report.approvals.reduce((sum, a) => sum + a.commitments, 0);
      expect(report.approvals.length).toBeGreaterThan(0);
      for (const a of report.approvals) expect(a.firstCommitment >= '2023-12-01').toBe(true);
      expect(recent).toBeLessThanOrEqual(report.portfolio.sinceLast.commitments);
    });

    it('carries a demo results framework with baseline, target and actual for every member', async () => {
      const { results } = await figures();
      expect(results.indicators).toHaveLength(10);
      for (const member of MEMBER_CODES) {
        const complete = results.indicators.filter((i) => {
          const entry = i.countries.find((c) => c.country === member)!;
          return entry.baseline && entry.target && entry.actual && entry.status !== 'no_data';
        });
        expect(complete.length, member).toBeGreaterThanOrEqual(3);
      }
      const statuses = new Set(results.indicators.flatMap((i) => i.countries.map((c) => c.status)));
      expect([...statuses].sort()).toEqual(['at_risk', 'no_data', 'off_track', 'on_track']);
    });

    it('says which years have data: the report’s years with flows and the scorecard’s with actuals', async () => {
      const demoEnds = Number(DEMO_AS_OF.slice(0, 4));
      const { years } = await get<{ years: number[] }>('/api/reports/ministerial/years');
      expect(years.at(-1)).toBe(demoEnds);
      const last = await get<Figures>(`/api/reports/ministerial?year=${demoEnds}&format=json`);
      expect(years).toEqual(
        last.portfolio.byYear
          .filter((r) => r.commitments !== 0 || r.disbursements !== 0)
          .map((r) => Number(r.key)),
      );

      const actuals = await get<{ years: number[] }>('/api/results/years');
      expect(actuals.years.at(-1)).toBe(demoEnds);
      const card = await get<Scorecard>(`/api/results/scorecard?year=${demoEnds}`);
      expect(card.indicators.some((i) => i.programme.actual?.year === demoEnds)).toBe(true);
    });

    it('serves the page with a policy that allows its own style and nothing else', async () => {
      const response = await app.inject({
        url: `/api/reports/ministerial?year=2024&asOf=${AS_OF}&lang=ru`,
      });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.headers['content-security-policy']).toMatch(
        /^default-src 'none'; style-src 'sha256-/,
      );
      expect(response.body).not.toMatch(/<script|style="/);
      expect(response.body).toContain('Климатическое финансирование');
      // Contributors are named in Russian, amounts outstanding written as the other amounts are.
      expect(response.body).not.toContain('Government of');
      // The climate tables' last row sums every column, the portfolio's too: it is the total.
      expect(response.body).toMatch(/<td><strong>Итого<\/strong><\/td>/);
      expect(response.body).toMatch(/<td>Правительство[^<]*\(USD\)<\/td>/);
      expect(response.body).toMatch(/\d,\d\d USD<\/td>/);
      const bad = await app.inject({ url: '/api/reports/ministerial?year=1999' });
      expect(bad.statusCode).toBe(400);
      // A year not yet begun has no day ended to report as of, by default or otherwise.
      const next = new Date().getUTCFullYear() + 1;
      const unbegun = await app.inject({
        url: `/api/reports/ministerial?year=${next}&format=json`,
      });
      expect(unbegun.json()).toMatchObject({
        error: { message: `year: ${next} has no day ended yet to report as of` },
      });
      const noYear = await app.inject({ url: '/api/reports/ministerial' });
      expect(noYear.json()).toMatchObject({
        error: { details: [{ path: 'year', message: 'a year such as 2024' }] },
      });
      const noSuchDay = await app.inject({
        url: '/api/reports/ministerial?year=2024&format=json&asOf=2024-13-45',
      });
      expect(noSuchDay.statusCode).toBe(400);
      expect(noSuchDay.json()).toMatchObject({ error: { message: 'asOf: a date YYYY-MM-DD' } });
      const tomorrow = new Date(Date.now() + 36 * 60 * 60 * 1000).toISOString().slice(0, 10);
      for (const [asOf, message] of [
        ['2023-01-01', "asOf: 2023-01-01 is before 2024, the report's year"],
        [tomorrow, `asOf: ${tomorrow} is after today`],
      ]) {
        for (const url of [
          `/api/reports/ministerial?year=2024&format=json&asOf=${asOf}`,
          `/api/reports/ministerial?year=2024&asOf=${asOf}&lang=ru`,
        ]) {
          const refused = await app.inject({ url });
          expect(refused.statusCode, url).toBe(400);
          expect(refused.json<{ error: { message: string } }>().error.message).toContain(message);
        }
      }
    });

    it('counts as demo data the demo activities the report counts, and marks demo approvals', async () => {
      const early = await get<Figures>(
        '/api/reports/ministerial?year=2005&asOf=2005-12-31&format=json',
      );
      const counted = early.portfolio.cumulative.activities;
      expect(counted).toBeGreaterThan(0);
      // Every activity of the demo is demo data; far fewer than all 280 had commitments by then.
      expect(early.demoActivities).toBe(counted);
      expect(counted).toBeLessThan(280);
      const html = (await app.inject('/api/reports/ministerial?year=2005&asOf=2005-12-31')).body;
      expect(html).toContain(`Demonstration data: ${counted} of the activities in this report`);
      expect(early.approvals.length).toBeGreaterThan(0);
      expect(html).toContain(`${early.approvals[0]!.title} (demo)`);
    });

    it.skipIf(!canPrint || dialect !== 'sqlite')(
      'prints English and Russian PDFs whose pages show the text, tables and charts',
      async () => {
        for (const [lang, expected] of [
          [
            'en',
            [
              'Portfolio overview',
              'Climate finance',
              'Results scorecard 2024',
              '23rd Ministerial Conference',
            ],
          ],
          [
            'ru',
            [
              'Обзор портфеля',
              'Климатическое финансирование',
              'Оценочная таблица результатов',
              'Астана',
            ],
          ],
        ] as const) {
          const response = await app.inject({
            url: `/api/reports/ministerial?year=2024&asOf=${AS_OF}&lang=${lang}&format=pdf`,
          });
          expect(response.statusCode, response.body.slice(0, 200)).toBe(200);
          expect(response.headers['content-type']).toBe('application/pdf');
          const pdf = join(dir, `report-${lang}.pdf`);
          writeFileSync(pdf, response.rawPayload);
          const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
          for (const phrase of expected) expect(text, phrase).toContain(phrase);
          // pdftotext ends every page with a form feed.
          const pages = text.split('\f').slice(0, -1);
          expect(pages.length).toBeGreaterThanOrEqual(8);
          execFileSync('pdftoppm', ['-r', '30', pdf, join(dir, `page-${lang}`)]);
          const images = readdirSync(dir).filter((f) => f.startsWith(`page-${lang}`));
          expect(images.length).toBe(pages.length);
          // Charts are drawn in colour: a page with a chart holds the bars' blue.
          const coloured = images.filter((f) => hasColour(readFileSync(join(dir, f))));
          expect(coloured.length).toBeGreaterThanOrEqual(3);
        }
      },
      120_000,
    );
  });
}

/** Whether a PPM image (as pdftoppm writes it) holds pixels near the charts' blue. */
function hasColour(ppm: Buffer): boolean {
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.toString('latin1', 0, 40));
  if (!header) throw new Error('not a binary PPM');
  for (let i = header[0].length; i + 2 < ppm.length; i += 3) {
    const [r, g, b] = [ppm[i]!, ppm[i + 1]!, ppm[i + 2]!];
    if (b > 100 && r < 80 && g > 80 && g < 140) return true;
  }
  return false;
}
