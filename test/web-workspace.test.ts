import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoFacility } from '../src/facility/demo.ts';
import { loadRules } from '../src/facility/rules.ts';
import type { Browser, Page } from 'playwright-core';
import {
  axeViolations,
  browserUnavailable,
  eventually,
  DEMO_PASSWORD,
  launchChromium,
  startPortal,
  watchProblems,
  type PortalServer,
} from './support/browser.ts';

const ACTIVITIES = join(import.meta.dirname, '..', '..', 'shared', 'data', 'iati', 'activities');
/** The real file the admin imports: the largest 2.0x one of the small set, so progress shows. */
function realFile(): string | null {
  const folder = join(ACTIVITIES, 'small');
  if (!existsSync(folder)) return null;
  const files = readdirSync(folder)
    .filter((f) => f.endsWith('.xml'))
    .map((f) => join(folder, f))
    .sort((a, b) => statSync(b).size - statSync(a).size);
  return files[0] ?? null;
}

const unavailable = browserUnavailable();
const file = realFile();
if (!file) console.warn('the browser import test is skipped: ../shared/data/iati is absent');

describe.skipIf(unavailable !== null)('the workspace in Chromium', () => {
  let portal: PortalServer;
  let browser: Browser;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    [portal, browser] = await Promise.all([startPortal(), launchChromium()]);
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    problems = watchProblems(page);
  });
  afterAll(async () => {
    await browser?.close();
    await portal?.close();
  });

  async function signIn(email: string, password: string) {
    await page.goto(`${portal.url}/signin?lang=en`);
    await page.fill('#signin-email', email);
    await page.fill('#signin-password', password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  it('says why a wrong password does not sign in', async () => {
    await signIn('admin@demo.caravan.example', 'not the password at all');
    await eventually(() => page.getByRole('alert').textContent()).toMatch(/Could not sign in/);
    // Only the API's refusal reaches the console, as the browser logs every failed request.
    problems.length = 0;
  });

  it.skipIf(!file)(
    'lets an admin import a real IATI file, with progress and a per-activity report',
    async () => {
      await signIn('admin@demo.caravan.example', DEMO_PASSWORD);
      await eventually(() => page.url()).toMatch(/\/workspace\?/);
      await page.getByRole('link', { name: /Import IATI files/ }).click();
      await page.setInputFiles('#import-file', file!);
      // Record each heading the progress panel shows, to see it go through its phases.
      await page.evaluate(() => {
        const seen: string[] = [];
        (window as unknown as { phases: string[] }).phases = seen;
        new MutationObserver(() => {
          const heading = document.getElementById('import-progress-title')?.textContent;
          if (heading && seen.at(-1) !== heading) seen.push(heading);
        }).observe(document.body, { subtree: true, childList: true, characterData: true });
      });
      // The report streams back slower than loopback, as over a real network, so the page
      // draws frames between its events (on loopback a small file can finish in one frame).
      const network = await page.context().newCDPSession(page);
      await network.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 20,
        downloadThroughput: 64 * 1024,
        uploadThroughput: -1,
      });
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await eventually(
        () => page.locator('.success-message, .error-message').count(),
        120_000,
      ).toBe(1);
      const summary = await page.locator('.success-message').textContent();
      expect(summary).toMatch(/Import finished\. (\d[\d,]*) activities: \1 imported/);
      await network.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 0,
        downloadThroughput: -1,
        uploadThroughput: -1,
      });
      await network.detach();
      const phases = await page.evaluate(() => (window as unknown as { phases: string[] }).phases);
      expect(phases).toContain('Importing…');
      expect(phases.at(-1)).toBe('Finished');
      const activities = Number(/(\d[\d,]*) activities/.exec(summary!)![1]!.replace(/,/g, ''));
      const rows = await page.locator('table tbody tr').count();
      expect(rows).toBe(Math.min(activities, 300));
      expect(await page.locator('td.outcome-imported').count()).toBe(rows);
      const stored = await portal.store.db
        .selectFrom('activity')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('is_demo', '=', 0)
        .executeTakeFirstOrThrow();
      expect(Number(stored.n)).toBe(activities);
      expect(await axeViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
    },
  );

  it('lets the secretariat tag a project with its cluster and corridors', async () => {
    await signIn('analyst@demo.caravan.example', DEMO_PASSWORD);
    await eventually(() => page.url()).toMatch(/\/workspace\?/);
    const { iati_identifier: id } = await portal.store.db
      .selectFrom('activity')
      .select('iati_identifier')
      .orderBy('id')
      .limit(1)
      .executeTakeFirstOrThrow();
    const detailPath = `${portal.url}/api/activities/${encodeURIComponent(id)}`;
    const detail = async () =>
      (
        (await (await fetch(detailPath)).json()) as {
          activity: { cluster: number | null; corridors: number[] };
        }
      ).activity;
    const before = await detail();
    const corridor = [1, 2, 3, 4, 5, 6].find((n) => !before.corridors.includes(n))!;
    const cluster = before.cluster === 5 ? 4 : 5;

    await page.goto(`${portal.url}/projects/${encodeURIComponent(id)}?lang=en`);
    await page.getByLabel('Cluster', { exact: true }).selectOption(String(cluster));
    await page.getByRole('checkbox', { name: new RegExp(`Corridor ${corridor}:`) }).check();
    await page.getByRole('button', { name: 'Save the tags' }).click();
    await eventually(() => page.locator('#curation-saved').textContent()).toMatch(
      /Saved by analyst@demo\.caravan\.example/,
    );
    await eventually(() => page.locator('.summary-list').textContent()).toContain(
      `Corridor ${corridor}:`,
    );
    expect(await detail()).toMatchObject({
      cluster,
      corridors: [...before.corridors, corridor].sort((a, b) => a - b),
    });
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('shows admins the users, their tokens and the audit trail', async () => {
    await signIn('admin@demo.caravan.example', DEMO_PASSWORD);
    await eventually(() => page.url()).toMatch(/\/workspace\?/);
    await page.goto(`${portal.url}/workspace/users?lang=en`);
    await eventually(() => page.locator('main').textContent()).toContain(
      'analyst@demo.caravan.example',
    );
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(`${portal.url}/workspace/tokens?lang=en`);
    await eventually(() => page.locator('main').textContent()).toContain('You have no tokens.');
    await page.fill('#token-name', 'nightly import');
    await page.getByLabel('iati.import').check();
    await page.getByRole('button', { name: 'Create token' }).click();
    await eventually(() => page.locator('.token-secret').textContent()).toMatch(/\S{20,}/);
    await eventually(() => page.locator('table').textContent()).toContain('nightly import');
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(`${portal.url}/workspace/audit?lang=en`);
    await eventually(() => page.locator('main table').textContent()).toContain('token.create');
    expect(await axeViolations(page)).toEqual([]);
    // A demo proposal in review has some of its scores: they are not shown before the rest.
    await loadDemoFacility(portal.store.db, loadRules());
    await page.goto(`${portal.url}/workspace/audit?lang=en&limit=1000`);
    await eventually(() => page.locator('main table').textContent()).toContain(
      'Not shown: a score, until the proposal’s scores are complete',
    );
    await page.getByRole('link', { name: 'Workspace' }).click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await eventually(() => page.getByRole('link', { name: 'Sign in' }).count()).toBe(1);
    expect(problems).toEqual([]);
  });
});
