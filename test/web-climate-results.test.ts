import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { ClimateAnswer } from '../src/climate/climate.schema.ts';
import { loadDemoClimateShares } from '../src/climate/demo.ts';
import { loadDemoFacility } from '../src/facility/demo.ts';
import { RULES } from '../src/facility/facility.test-support.ts';
import type { ActivitiesPage } from '../src/portfolio/activities.schema.ts';
import type { MinisterialData } from '../src/reports/ministerial/ministerial.data.ts';
import { loadDemoResults } from '../src/results/demo.ts';
import type { Scorecard } from '../src/results/scorecard.service.ts';
import {
  axeViolations,
  browserUnavailable,
  eventually,
  DEMO_PASSWORD,
  launchChromium,
  startPortal,
  waitForDrawings,
  watchProblems,
  type PortalServer,
} from './support/browser.ts';

const SCREENSHOTS = join(import.meta.dirname, '..', 'test-results', 'screenshots');
const AS_OF = '2024-12-31';
const cents = (dollars: number | string) => Math.round(Number(dollars) * 100);
const unavailable = browserUnavailable();

describe.skipIf(unavailable !== null)('climate finance, results and the report in Chromium', () => {
  let portal: PortalServer;
  let browser: Browser;
  let context: BrowserContext | undefined;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    [portal, browser] = await Promise.all([startPortal(), launchChromium()]);
    await loadDemoFacility(portal.store.db, RULES);
    await loadDemoClimateShares(portal.store.db, 'test');
    await loadDemoResults(portal.store.db, 'test');
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await portal?.close();
  });

  /** A new browser profile, signed in as one of the demo accounts (or nobody). */
  async function as(name: string | null, viewport = { width: 1280, height: 900 }): Promise<Page> {
    await context?.close();
    context = await browser.newContext({ viewport, acceptDownloads: true });
    page = await context.newPage();
    problems = watchProblems(page);
    if (name) {
      await page.goto(`${portal.url}/signin?lang=en`);
      await page.fill('#signin-email', `${name}@demo.caravan.example`);
      await page.fill('#signin-password', DEMO_PASSWORD);
      await page.locator('form button[type=submit]').click();
      await eventually(() => page.url()).toMatch(/\/workspace\?/);
    }
    return page;
  }

  const api = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${portal.url}${path}`);
    expect(response.status, path).toBe(200);
    return (await response.json()) as T;
  };
  const shown = (selector: string) => page.locator(selector).first().getAttribute('data-usd');

  it('shows both climate methods with the API’s totals, filtered from the address', async () => {
    await as(null);
    await page.goto(`${portal.url}/?lang=en`);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Climate finance' })
      .click();
    await eventually(() => page.locator('h1').textContent()).toBe('Climate finance');
    const all = await api<ClimateAnswer>('/api/climate');
    await eventually(() => shown('[data-climate="markers.climate"]')).toBe(
      all.total.markers.climate,
    );
    expect(await shown('[data-climate="components.climate"]')).toBe(all.total.components.climate);
    expect(await shown('[data-climate="portfolio"]')).toBe(all.total.portfolio);
    expect(await waitForDrawings(page)).toBe(4); // by country, cluster, partner and year

    await page.selectOption('#climate-country', 'KZ');
    await eventually(() => page.url()).toMatch(/country=KZ/);
    const kazakhstan = await api<ClimateAnswer>('/api/climate?country=KZ');
    await eventually(() => shown('[data-climate="markers.climate"]')).toBe(
      kazakhstan.total.markers.climate,
    );
    expect(await shown('[data-climate="components.climate"]')).toBe(
      kazakhstan.total.components.climate,
    );
    // The pipeline is the facility's, whatever the filters.
    const pipeline = page.locator('section', { hasText: 'The facility’s climate pipeline' });
    await eventually(() => pipeline.locator('tbody tr').count()).toBeGreaterThan(0);

    // The same address in Russian shows the same figures, and the charts as tables.
    const figure = page.locator('figure', { hasText: 'Climate finance by partner' });
    await figure.getByRole('button', { name: 'Table' }).click();
    await eventually(() => page.url()).toMatch(/tables=climate-partner/);
    await page.getByRole('button', { name: 'Русский' }).click();
    await eventually(() => page.locator('h1').textContent()).toBe('Климатическое финансирование');
    expect(page.url()).toMatch(/country=KZ/);
    await eventually(() =>
      page.locator('figure', { hasText: 'по партнёрам' }).locator('table').count(),
    ).toBe(1);
    await page.screenshot({ path: join(SCREENSHOTS, 'climate-ru.png'), fullPage: true });
    expect(problems).toEqual([]);
  });

  it('shows the scorecard by cluster with each status as the API judged it, filtered by country and cluster', async () => {
    await as(null);
    await page.goto(`${portal.url}/results?lang=en&year=2024`);
    await eventually(() => page.locator('h1').textContent()).toBe('Results');
    const card = await api<Scorecard>('/api/results/scorecard?year=2024');
    const statuses = card.indicators.flatMap((i) =>
      [i.programme, ...i.countries].map((e) => e.status),
    );
    await eventually(() => page.locator('[data-indicator] [data-status]').count()).toBe(
      statuses.length,
    );
    expect(await page.locator('[data-count="on_track"]').textContent()).toBe(
      String(statuses.filter((s) => s === 'on_track').length),
    );
    await expect
      .poll(() => page.getByRole('heading', { name: 'How progress is judged' }).count())
      .toBe(1);
    expect(await page.locator('main').textContent()).toMatch(/On track at 90% or more/);
    expect(await page.locator('#scorecard-summary').textContent()).toBe(
      `Status of ${statuses.length} indicator–country pairs`,
    );

    await page.selectOption('#results-country', 'KZ');
    await page.selectOption('#results-cluster', '3');
    await eventually(() => page.url()).toMatch(/country=KZ.*cluster=3|cluster=3.*country=KZ/);
    const infrastructure = card.indicators.filter((i) => i.cluster === 3);
    await eventually(() => page.locator('[data-indicator]').count()).toBe(infrastructure.length);
    for (const indicator of infrastructure) {
      const kz = indicator.countries.find((e) => e.country === 'KZ')!;
      const row = page.locator(`[data-indicator="${indicator.code}"] tbody tr`);
      expect(await row.count()).toBe(1);
      expect(await row.locator('[data-status]').getAttribute('data-status')).toBe(kz.status);
    }
    const pairs = infrastructure.length;
    expect(await page.locator('#scorecard-summary').textContent()).toBe(
      `Status of ${pairs} indicator–country ${pairs === 1 ? 'pair' : 'pairs'}`,
    );
    await page.screenshot({ path: join(SCREENSHOTS, 'results-en.png'), fullPage: true });
    expect(problems).toEqual([]);
  });

  it('shows the Ministerial Conference report with the API’s totals and downloads it as HTML and PDF', async () => {
    await as(null);
    await page.goto(`${portal.url}/report?lang=en&year=2024&asOf=${AS_OF}`);
    await eventually(() => page.locator('h1').textContent()).toBe('Ministerial Conference report');
    const figure = (name: string) =>
      page.locator(`[data-figure="${name}"]`).getAttribute('data-cents');
    const aggregate = await api<{ total: number }>('/api/aggregate?yearTo=2024');
    const disbursed = await api<{ total: number }>(
      '/api/aggregate?yearTo=2024&measure=disbursements',
    );
    await eventually(() => figure('cumulative.commitments')).toBe(String(cents(aggregate.total)));
    expect(await figure('cumulative.disbursements')).toBe(String(cents(disbursed.total)));
    const report = await api<MinisterialData>(
      `/api/reports/ministerial?year=2024&asOf=${AS_OF}&format=json`,
    );
    expect(await figure('sinceLast.commitments')).toBe(
      String(report.portfolio.sinceLast.commitments),
    );
    expect(await page.locator('[data-snapshot]').getAttribute('data-snapshot')).toBe('live');
    for (const heading of [
      'Portfolio overview',
      'New approvals since the last conference',
      'The project preparation facility',
      'Climate finance',
      'Results scorecard',
      'Decisions and what they started',
      'Data sources and their dates',
    ]) {
      expect(await page.getByRole('heading', { name: heading, exact: true }).count(), heading).toBe(
        1,
      );
    }
    expect(await page.locator('main').textContent()).toMatch(/23rd Ministerial Conference, Astana/);
    await waitForDrawings(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'report-en.png'), fullPage: true });

    const html = page.getByRole('link', { name: 'HTML', exact: true });
    expect(await html.getAttribute('href')).toBe(
      `/api/reports/ministerial?year=2024&asOf=${AS_OF}&format=html&lang=en`,
    );
    const download = await fetch(`${portal.url}${await html.getAttribute('href')}`);
    expect(download.headers.get('content-type')).toMatch(/text\/html/);
    expect(await download.text()).toMatch(/CAREC Ministerial Conference report/);
    expect(await page.getByRole('link', { name: 'PDF', exact: true }).getAttribute('href')).toBe(
      `/api/reports/ministerial?year=2024&asOf=${AS_OF}&format=pdf&lang=en`,
    );
    expect(problems).toEqual([]);
  });

  it('lets the secretariat record, refuse, edit and delete an activity’s climate shares', async () => {
    const listed = await api<ActivitiesPage>('/api/activities?limit=1');
    const id = listed.items[0]!.iatiIdentifier;
    await as('analyst');
    page.on('dialog', (dialog) => void dialog.accept());
    await page.getByRole('link', { name: /Climate shares/ }).click();
    await eventually(() => page.locator('h1').textContent()).toBe(
      'Climate shares (component method)',
    );
    const submit = page.getByRole('button', { name: 'Record the shares' });

    // The page's own check, before anything is sent.
    await page.fill('#shares-activity', id);
    await page.fill('#shares-source', 'Browser test assessment');
    await page.fill('#shares-0-mitigationPercent', '70');
    await page.fill('#shares-0-adaptationPercent', '40');
    await submit.click();
    await eventually(() => page.locator('#shares-0-dualPercent-error').textContent()).toMatch(
      /more than 100%/,
    );

    // The API's refusal, in its own words: no such activity.
    await page.fill('#shares-activity', 'NO-SUCH-ACTIVITY');
    await page.fill('#shares-0-adaptationPercent', '20');
    await submit.click();
    await eventually(() => page.getByRole('alert').textContent()).toMatch(
      /no stored activity NO-SUCH-ACTIVITY/,
    );

    await page.fill('#shares-activity', id);
    await submit.click();
    await eventually(() => page.getByRole('status').textContent()).toBe(
      `Recorded the climate shares of ${id}.`,
    );
    const stored = await api<{ components: { mitigationPercent: string }[] }>(
      `/api/climate/shares/${encodeURIComponent(id)}`,
    );
    expect(stored.components[0]!.mitigationPercent).toBe('70');

    await page.getByRole('button', { name: `Edit: ${id}` }).click();
    await eventually(() => page.inputValue('#shares-activity')).toBe(id);
    await page.fill('#shares-0-mitigationPercent', '60');
    await submit.click();
    await eventually(() => page.getByRole('status').textContent()).toBe(
      `Replaced the climate shares of ${id}.`,
    );

    await page.getByRole('button', { name: `Delete: ${id}` }).click();
    await eventually(() => page.getByRole('status').textContent()).toBe(
      `The climate shares of ${id} were deleted.`,
    );
    const gone = await fetch(`${portal.url}/api/climate/shares/${encodeURIComponent(id)}`);
    expect(gone.status).toBe(404);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems.filter((p) => !/status of 404/.test(p))).toEqual([]);
  });

  it('lets the secretariat enter and delete a results value, and shows the API’s refusal', async () => {
    await as('analyst');
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto(`${portal.url}/workspace/results?lang=en&indicator=ROAD-KM&country=KZ`);
    await eventually(() => page.locator('h1').textContent()).toBe('Results values');
    await page.fill('#value-year', '2031');
    await page.selectOption('#value-kind', 'target');
    await page.fill('#value-value', 'many');
    await page.getByRole('button', { name: 'Record the value' }).click();
    await eventually(() => page.locator('#value-value-error').textContent()).toMatch(/decimal/);

    await page.fill('#value-value', '1234.5');
    await page.getByRole('button', { name: 'Record the value' }).click();
    await eventually(() => page.getByRole('status').textContent()).toMatch(
      /Recorded: Target 1234.5 for Kazakhstan, 2031/,
    );
    const values = await api<{ values: { year: number; kind: string; value: string }[] }>(
      '/api/results/values?indicator=ROAD-KM&country=KZ',
    );
    expect(values.values.find((v) => v.year === 2031 && v.kind === 'target')?.value).toBe('1234.5');

    // A session that has ended on the way: the API refuses, and the page says so in words.
    await context!.clearCookies();
    await page.getByRole('button', { name: 'Delete the Target of 2031 for Kazakhstan' }).click();
    await eventually(() => page.getByRole('alert').textContent()).toMatch(/Please sign in/);
    expect(problems.filter((p) => !/status of 401/.test(p))).toEqual([]);
  });

  it('opens the results and the report on the latest year with data, not on the last whole year', async () => {
    await as(null);
    // Some years on, the last whole year (2027) has no data yet; the demo's data ends in 2025.
    await page.clock.setFixedTime(new Date('2028-03-01T12:00:00Z'));
    const actuals = (await api<{ years: number[] }>('/api/results/years')).years.at(-1)!;
    const flows = (await api<{ years: number[] }>('/api/reports/ministerial/years')).years.at(-1)!;
    expect([actuals, flows]).toEqual([2025, 2025]);

    const scorecard = page.waitForResponse((r) =>
      r.url().endsWith(`/api/results/scorecard?year=${actuals}`),
    );
    await page.goto(`${portal.url}/results?lang=en`);
    expect((await scorecard).status()).toBe(200);
    await eventually(() => page.locator('#results-year').inputValue()).toBe(String(actuals));
    await eventually(() => page.locator('[data-indicator] [data-status]').count()).toBeGreaterThan(
      0,
    );
    expect(page.url()).not.toMatch(/year=/);

    const report = page.waitForResponse((r) =>
      r.url().includes(`/api/reports/ministerial?year=${flows}&format=json`),
    );
    await page.goto(`${portal.url}/report?lang=en`);
    expect((await report).status()).toBe(200);
    await eventually(() => page.locator('#report-year').inputValue()).toBe(String(flows));
    expect(await page.locator('a', { hasText: 'PDF' }).getAttribute('href')).toContain(
      `year=${flows}`,
    );
    // Another year goes into the address; the default one leaves it out again.
    await page.selectOption('#report-year', '2024');
    await eventually(() => page.url()).toMatch(/year=2024/);
    await page.selectOption('#report-year', String(flows));
    await eventually(() => page.url()).not.toMatch(/year=/);
    expect(problems).toEqual([]);
  });

  it('passes axe-core’s checks on the new pages in English and Russian, and fits a phone', async () => {
    const pages = [
      '/climate',
      '/results?year=2024',
      `/report?year=2024&asOf=${AS_OF}`,
      '/workspace/climate',
      '/workspace/results',
    ];
    await as('analyst');
    for (const lang of ['en', 'ru']) {
      for (const path of pages) {
        await page.goto(`${portal.url}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
        await page.locator('main h1').first().waitFor();
        await page.waitForLoadState('networkidle');
        expect(await axeViolations(page), `${path} in ${lang}`).toEqual([]);
      }
    }
    await as(null, { width: 360, height: 740 });
    for (const path of pages.slice(0, 3)) {
      await page.goto(`${portal.url}${path}${path.includes('?') ? '&' : '?'}lang=ru`);
      await page.locator('main h1').first().waitFor();
      await page.waitForLoadState('networkidle');
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, path).toBeLessThanOrEqual(0);
      if (path.startsWith('/results')) {
        await page.screenshot({ path: join(SCREENSHOTS, 'results-phone-ru.png'), fullPage: false });
      }
    }
    expect(problems).toEqual([]);
  });
});
