import { expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { loadDemoAccounts } from '../../src/accounts/demo-accounts.ts';
import { loadConfig } from '../../src/config.ts';
import { loadDemoPortfolio } from '../../src/portfolio/demo.service.ts';
import { syncReferenceData } from '../../src/reference/reference.repository.ts';
import { buildApp } from '../../src/server/app.ts';
import { WEB_DIST } from '../../src/server/web.routes.ts';
import { newTestStore, type TestStore } from './stores.ts';

/** Debian's Chromium, as .ci/run installs it. */
export const CHROMIUM = '/usr/bin/chromium';

/** The page answers when the server and the browser get to it; both share two cores here. */
export const eventually = <T>(value: () => T | Promise<T>, timeout = 15_000) =>
  expect.poll(value, { timeout });
export const DEMO_PASSWORD = 'Caravan walks 2024 far';

/** Why browser tests cannot run here, or null when they can. */
export function browserUnavailable(): string | null {
  if (!existsSync(CHROMIUM)) return `no ${CHROMIUM}: apt-get install chromium (see .ci/run)`;
  if (!existsSync(join(WEB_DIST, 'index.html'))) return 'web/dist is not built: npm run build';
  return null;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

export interface PortalServer {
  url: string;
  store: TestStore;
  close(): Promise<void>;
}

/** The real server over HTTP on a free loopback port, with the demo portfolio and accounts. */
export async function startPortal(): Promise<PortalServer> {
  const store = await newTestStore('sqlite');
  await syncReferenceData(store.db);
  await loadDemoPortfolio(store.db);
  await loadDemoAccounts(store.db, DEMO_PASSWORD);
  const app: FastifyInstance = await buildApp({
    store,
    config: { ...loadConfig({}), logLevel: 'silent', signInRateLimit: 1000 },
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    store,
    close: async () => {
      await app.close();
      await store.dispose();
    },
  };
}

/** Collects what a page should never do: script errors, CSP refusals, failed API calls. */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  return problems;
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: string[] }[];
}

/** WCAG 2.1 A and AA checks by axe-core on the page as it is now; returns the violations. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern.
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<unknown> } })
      .axe;
    const result = (await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    })) as { violations: unknown[] };
    return result.violations;
  });
  return (violations as AxeViolation[]).map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
}

/** Waits until every chart and map on the page is drawn. */
export async function waitForDrawings(page: Page): Promise<number> {
  await page.waitForFunction(() => {
    const all = document.querySelectorAll('[data-chart]');
    return all.length > 0 && [...all].every((el) => (el as HTMLElement).dataset['drawn']);
  });
  return page.locator('[data-chart]').count();
}
