import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { ActivitiesPage } from '../src/portfolio/activities.schema.ts';
import type { ActivityDetail } from '../src/portfolio/activity-detail.service.ts';
import { SECTOR_NAMES_RU } from '../src/reference/sectors-ru.ts';
import {
  axeViolations,
  browserUnavailable,
  eventually,
  launchChromium,
  startPortal,
  waitForDrawings,
  watchProblems,
  type PortalServer,
} from './support/browser.ts';

const SCREENSHOTS = join(import.meta.dirname, '..', 'test-results', 'screenshots');
const unavailable = browserUnavailable();
if (unavailable) console.warn(`browser tests skipped: ${unavailable}`);

describe.skipIf(unavailable !== null)('the public portal in Chromium', () => {
  let portal: PortalServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    [portal, browser] = await Promise.all([startPortal(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await portal?.close();
  });

  async function freshPage(viewport = { width: 1280, height: 900 }): Promise<Page> {
    await context?.close();
    context = await browser.newContext({ viewport, acceptDownloads: true });
    page = await context.newPage();
    problems = watchProblems(page);
    return page;
  }

  const api = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${portal.url}${path}`);
    expect(response.status, path).toBe(200);
    return (await response.json()) as T;
  };

  it('filters Explore to climate projects in Kazakhstan, opens one in Russian, downloads the list', async () => {
    await freshPage();
    await page.goto(`${portal.url}/explore?lang=en`);
    await page.selectOption('#filter-climate', 'any');
    await page.selectOption('#filter-country', 'KZ');
    await eventually(() => page.url()).toMatch(/country=KZ/);
    const listed = await api<ActivitiesPage>('/api/activities?country=KZ&climate=any&limit=500');
    expect(listed.items.length).toBeGreaterThan(0);
    await page.locator('.project-list li').first().waitFor();
    const shownFirst = await page.locator('.project-list .project-title').first().textContent();
    expect(shownFirst).toBe(listed.items[0]!.title);

    // A project whose publisher gave a Russian title too, to see the data switch as well.
    const bilingual = listed.items.find((a) => a.titles.some((t) => t.lang === 'ru'))!;
    const russianTitle = bilingual.titles.find((t) => t.lang === 'ru')!.text;
    const link = page.locator(
      `a[href^="/projects/${encodeURIComponent(bilingual.iatiIdentifier)}?"]`,
    );
    while ((await link.count()) === 0)
      await page.getByRole('button', { name: 'Next page' }).click();
    await link.click();
    await eventually(() => page.locator('h1').textContent()).toBe(bilingual.title);
    await waitForDrawings(page);

    await page.getByRole('button', { name: 'Русский' }).click();
    await eventually(() => page.locator('h1').textContent()).toBe(russianTitle);
    expect(page.url()).toMatch(/lang=ru/);
    expect(await page.getAttribute('html', 'lang')).toBe('ru');
    await eventually(() => page.getByRole('heading', { name: 'Сведения' }).count()).toBe(1);
    expect(await page.evaluate(() => localStorage.getItem('caravan.lang'))).toBe('ru');
    await page.screenshot({ path: join(SCREENSHOTS, 'project-ru.png'), fullPage: true });

    // A link without a language opens in the one last chosen.
    await page.goto(`${portal.url}/explore?country=KZ&climate=any`);
    await eventually(() => page.locator('h1').textContent()).toBe('Проекты');
    expect(page.url()).toMatch(/lang=ru/);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'CSV', exact: true }).click(),
    ]);
    const csv = readFileSync(await download.path(), 'utf8')
      .trim()
      .split(/\r?\n/);
    expect(csv[0]!.split(',')[0]).toBe('iati_identifier');
    expect(csv.slice(1).map((line) => line.split(',')[0])).toEqual(
      listed.items.map((a) => a.iatiIdentifier),
    );
    expect(problems).toEqual([]);
  });

  it('draws the home page’s charts and map, in English and in Russian, with screenshots', async () => {
    for (const lang of ['en', 'ru']) {
      await freshPage();
      await page.goto(`${portal.url}/?lang=${lang}`);
      // The map, by cluster, by partner, over time; on a busy machine the later ones mount after
      // the first are drawn, so ask until all four are.
      await eventually(() => waitForDrawings(page)).toBe(4);
      expect(await page.locator('.carec-map .map-country').count()).toBe(11);
      expect(await page.locator('.carec-map .map-corridor').count()).toBe(6);
      await expect
        .poll(() => page.locator('.demo-notice').textContent())
        .toMatch(lang === 'en' ? /Demonstration data/ : /Демонстрационные данные/);
      await page.screenshot({ path: join(SCREENSHOTS, `home-${lang}.png`), fullPage: true });
      expect(problems).toEqual([]);
    }
  });

  it('names a project’s DAC sectors in Russian on its page', async () => {
    const listed = await api<ActivitiesPage>('/api/activities?sectorCategory=210&limit=1');
    const identifier = listed.items[0]!.iatiIdentifier;
    const detail = await api<ActivityDetail>(`/api/activities/${encodeURIComponent(identifier)}`);
    const codes = [...new Set(detail.bySector.map((r) => r.sector))];
    expect(codes.length).toBeGreaterThan(0);
    await freshPage();
    await page.goto(
      `${portal.url}/projects/${encodeURIComponent(identifier)}?lang=ru&tables=project-sectors`,
    );
    const cells = page.locator('figure:has(#figure-project-sectors) table tbody td');
    await eventually(() => cells.allTextContents()).toEqual(
      expect.arrayContaining(codes.map((code) => SECTOR_NAMES_RU.get(code)!)),
    );
    expect(problems).toEqual([]);
  });

  it('opens a country’s page from the map, by keyboard', async () => {
    await freshPage();
    await page.goto(`${portal.url}/?lang=en`);
    await waitForDrawings(page);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    const kazakhstan = page.locator('a.map-country[aria-label^="Kazakhstan"]');
    await kazakhstan.focus();
    await page.keyboard.press('Enter');
    await eventually(() => page.url()).toMatch(/\/countries\/KZ\?lang=en/);
    await eventually(() => page.locator('h1').textContent()).toBe('Kazakhstan');
    await waitForDrawings(page);
    expect(problems).toEqual([]);
  });

  it('shows every chart as a table too, and keeps that choice in the URL', async () => {
    await freshPage();
    await page.goto(`${portal.url}/clusters/3?lang=en`);
    await waitForDrawings(page);
    const figure = page.locator('figure', { hasText: 'Commitments by partner' });
    await figure.getByRole('button', { name: 'Table' }).click();
    await eventually(() => page.url()).toMatch(/tables=summary-partners/);
    await eventually(() => figure.locator('table tbody tr').count()).toBeGreaterThan(1);
    await page.reload();
    const again = page.locator('figure', { hasText: 'Commitments by partner' });
    await eventually(() => again.locator('table').count()).toBe(1);
  });

  it('says what went wrong when the API refuses', async () => {
    await freshPage();
    await page.goto(`${portal.url}/projects/NO-SUCH-PROJECT?lang=en`);
    const alert = page.getByRole('alert');
    await eventually(() => alert.textContent()).toMatch(/Not found.*No activity NO-SUCH-PROJECT/);
    await page.goto(`${portal.url}/explore?yearFrom=2020&yearTo=2010&lang=en`);
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toMatch(/yearFrom must not be after yearTo/);
  });

  it('folds the navigation behind a menu button on a 360 px phone, operable by keyboard', async () => {
    await freshPage({ width: 360, height: 740 });
    await page.goto(`${portal.url}/?lang=ru`);
    await waitForDrawings(page);
    const button = page.getByRole('button', { name: 'Меню' });
    const nav = page.locator('nav[aria-label="Основное меню"]');
    const report = nav.locator('a', { hasText: 'Доклад конференции' });
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await button.getAttribute('aria-controls')).toBe(await nav.getAttribute('id'));
    expect(await report.isVisible()).toBe(false);
    // The header holds the brand, the languages and the button on one line.
    const top = async (selector: string) => (await page.locator(selector).boundingBox())!.y;
    expect(await top('.menu-button')).toBeLessThan((await top('.brand')) + 20);
    expect(await axeViolations(page), 'menu closed').toEqual([]);

    for (let i = 0; i < 6 && !(await button.evaluate((b) => b === document.activeElement)); i++)
      await page.keyboard.press('Tab');
    expect(await button.evaluate((b) => b.matches(':focus-visible'))).toBe(true);
    await page.keyboard.press('Enter');
    await eventually(() => button.getAttribute('aria-expanded')).toBe('true');
    expect(await report.isVisible()).toBe(true);
    expect(await axeViolations(page), 'menu open').toEqual([]);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Главная');
    await page.keyboard.press('Escape');
    await eventually(() => button.getAttribute('aria-expanded')).toBe('false');
    expect(await button.evaluate((b) => b === document.activeElement)).toBe(true);

    await page.keyboard.press('Space');
    await report.click();
    await eventually(() => page.url()).toMatch(/\/report\?lang=ru/);
    await eventually(() => page.locator('h1').textContent()).toBe(
      'Доклад Министерской конференции',
    );
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await report.isVisible()).toBe(false);
    expect(problems).toEqual([]);
  });

  it('fits a 360 px wide phone', async () => {
    const listed = await api<ActivitiesPage>('/api/activities?country=KZ&climate=any&limit=1');
    const project = `/projects/${encodeURIComponent(listed.items[0]!.iatiIdentifier)}`;
    await freshPage({ width: 360, height: 740 });
    for (const path of ['/', '/explore', project, '/climate', '/report', '/countries/UZ']) {
      for (const lang of ['ru', 'en']) {
        await page.goto(`${portal.url}${path}?lang=${lang}`);
        if (path === '/explore') await page.locator('.project-list').waitFor();
        else await waitForDrawings(page);
        await page.waitForLoadState('networkidle');
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width, `${path} in ${lang}`).toBeLessThanOrEqual(360);
      }
    }
  });

  it('passes axe-core’s WCAG 2.1 AA checks on every public page', async () => {
    const listed = await api<ActivitiesPage>('/api/activities?limit=1');
    const project = encodeURIComponent(listed.items[0]!.iatiIdentifier);
    const pages = [
      '/',
      '/explore?country=KZ',
      `/projects/${project}`,
      '/countries/KZ',
      '/partners/XM-DAC-46004',
      '/clusters/3',
      '/corridors/2',
      '/signin',
      '/workspace',
      '/no-such-page',
    ];
    await freshPage();
    for (const lang of ['en', 'ru']) {
      for (const path of pages) {
        await page.goto(`${portal.url}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
        await page.locator('main h1').first().waitFor();
        await page.waitForLoadState('networkidle');
        expect(await axeViolations(page), `${path} in ${lang}`).toEqual([]);
      }
    }
    expect(problems).toEqual([]);
  });
});
