import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { actingAs } from '../src/facility/caller.ts';
import { addToAgenda, castVote, createMeeting } from '../src/facility/committee.service.ts';
import type { FundStatement } from '../src/facility/fund.service.ts';
import { recordFundEntry } from '../src/facility/fund.service.ts';
import { parseProposalId } from '../src/facility/proposal.repository.ts';
import { submitScore } from '../src/facility/review.service.ts';
import { RULES } from '../src/facility/facility.test-support.ts';
import { transition } from '../src/facility/workflow.service.ts';
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

const demo = (name: string) => `${name}@demo.caravan.example`;
const SECRETARIAT = actingAs(demo('analyst'), 'secretariat');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const SCORES = {
  climate_impact: 4,
  regional_benefit: 4,
  readiness: 3,
  financing_likelihood: 4,
  gender_inclusion: 3,
};

const unavailable = browserUnavailable();

describe.skipIf(unavailable !== null)('the facility in Chromium', () => {
  let portal: PortalServer;
  let browser: Browser;
  let context: BrowserContext | undefined;
  let page: Page;
  let problems: string[];
  /** The proposal the focal point submits, once it exists. */
  let reference = '';
  let meetingId = 0;

  beforeAll(async () => {
    [portal, browser] = await Promise.all([startPortal(), launchChromium()]);
    // A funded ledger: the PRC pledges and pays in 3 million dollars (test data).
    for (const type of ['pledge', 'receipt'] as const) {
      await recordFundEntry(portal.store.db, SECRETARIAT, {
        type,
        contributor: 'CN',
        amount: '3000000',
        currency: 'USD',
        valueDate: '2025-01-15',
      });
    }
  });
  afterAll(async () => {
    await browser?.close();
    await portal?.close();
  });

  /** A new browser profile signed in as one of the demo accounts (or nobody). */
  async function as(name: string | null, lang = 'en'): Promise<Page> {
    await context?.close();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    problems = watchProblems(page);
    if (name) {
      await page.goto(`${portal.url}/signin?lang=${lang}`);
      await page.fill('#signin-email', demo(name));
      await page.fill('#signin-password', DEMO_PASSWORD);
      await page.locator('form button[type=submit]').click();
      await eventually(() => page.url()).toMatch(/\/workspace\?/);
    }
    return page;
  }

  const proposalId = () => parseProposalId(reference);
  const available = async () => {
    const response = await fetch(`${portal.url}/api/facility/statement`);
    return ((await response.json()) as FundStatement).balances.available;
  };
  const shownAvailable = () => page.locator('[data-balance="available"]').textContent();

  it('shows the public the fund statement, the pipeline and the outcomes, with tables', async () => {
    await as(null);
    await page.goto(`${portal.url}/?lang=en`);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Preparation facility' })
      .click();
    await eventually(() => page.locator('h1').textContent()).toBe('Project preparation facility');
    await eventually(shownAvailable).toBe('US$3,000,000');
    await waitForDrawings(page);
    const contributors = page.locator('figure', { hasText: 'Contributions by contributor' });
    await contributors.getByRole('button', { name: 'Table' }).click();
    await eventually(() => contributors.locator('tbody').textContent()).toMatch(
      /Government of the People's Republic of China\s*US\$3,000,000\s*US\$3,000,000\s*US\$0/,
    );
    expect(page.url()).toMatch(/tables=facility-contributors/);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('lets a Kazakhstan focal point draft a proposal, attach its documents and submit it', async () => {
    await as('focal.kz');
    await page.getByRole('link', { name: /Project preparation facility/ }).click();
    await page.getByRole('link', { name: 'New proposal' }).click();
    await eventually(() => page.locator('h1').textContent()).toBe('New proposal');
    expect(await axeViolations(page)).toEqual([]);

    // The form checks what the API would refuse before sending anything.
    await page.getByRole('button', { name: 'Add a preparation item' }).click();
    await page.fill('#p-prep-0-budget', '650000.555');
    await page.getByRole('button', { name: 'Create the draft' }).click();
    await eventually(() => page.locator('#p-title-en-error').textContent()).toBe('Required.');
    expect(await page.locator('#p-prep-0-budget-error').textContent()).toMatch(/250000\.50/);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('p-title-en');
    expect(await axeViolations(page)).toEqual([]);

    await page.fill('#p-title-en', 'Test: Almaty–Bishkek grid interconnector, feasibility study');
    await page.fill('#p-title-ru', 'Тест: межсистемная связь Алматы–Бишкек, ТЭО');
    await page.fill('#p-summary-en', 'A proposal written for Caravan’s browser test.');
    await page.selectOption('#p-cluster', '3');
    await page.getByRole('button', { name: 'Add a sector' }).click();
    await page.selectOption('#p-sector-0', '23630');
    await page.fill('#p-sector-0-percentage', '100');
    await page.getByLabel('Mitigation').check();
    await page.fill('#p-climate-share', '80');
    await page.fill('#p-climate-rationale', 'Carries wind power from Kazakhstan to the region.');
    await page.fill('#p-regional', 'Shared transmission capacity with the Kyrgyz Republic.');
    await page.fill('#p-investment', 'Interconnector and substations');
    await page.fill('#p-investment-size', '120000000');
    await page.selectOption('#p-financier', 'XM-DAC-46004');
    await page.selectOption('#p-prep-0-kind', 'feasibility_study');
    await page.fill('#p-prep-0-description', 'Feasibility study of the interconnector');
    await page.fill('#p-prep-0-budget', '650000');
    await page.fill('#p-prep-0-start', '2026-03-01');
    await page.fill('#p-prep-0-end', '2026-12-31');
    await page.getByRole('button', { name: 'Add co-financing' }).click();
    await page.fill('#p-cofi-0-source', 'CARAVAN-GOV-KZ');
    await page.fill('#p-cofi-0-amount', '100000');
    expect(await page.locator('.proposal-form').textContent()).toContain(
      'Amount requested: US$650,000',
    );
    await page.getByRole('button', { name: 'Create the draft' }).click();
    await eventually(() => page.url()).toMatch(/\/workspace\/facility\/proposals\/PPF-\d{4}\?/);
    reference = /PPF-\d{4}/.exec(page.url())![0];
    await eventually(() => page.locator('.page-head .tags').textContent()).toContain('Draft');

    for (const [kind, file] of [
      ['concept_note', 'Concept note.pdf'],
      ['terms_of_reference', 'Terms of reference.pdf'],
      ['endorsement_letter', 'Endorsement KZ.pdf'],
    ]) {
      await page.selectOption('#document-kind', kind!);
      await page.setInputFiles('#document-file', {
        name: file!,
        mimeType: 'application/pdf',
        buffer: PDF,
      });
      await page.getByRole('button', { name: 'Attach', exact: true }).click();
      await eventually(() => page.getByRole('status').textContent()).toBe(`${file} is attached.`);
    }
    await eventually(() =>
      page.locator('section', { hasText: 'Documents' }).locator('tbody tr').count(),
    ).toBe(3);
    await page.getByRole('button', { name: 'Endorse for Kazakhstan' }).click();
    await eventually(() => page.locator('.page-head').textContent()).toContain(
      `endorsed by ${demo('focal.kz')}`,
    );
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Submit', exact: true }).click();
    await eventually(() => page.locator('.page-head .tags').textContent()).toContain('Submitted');
    expect(problems).toEqual([]);
  });

  it('lets a reviewer score it against the rubric', async () => {
    // The secretariat screens it; two other reviewers have scored it.
    const db = portal.store.db;
    await transition(db, SECRETARIAT, proposalId(), 'start_screening', undefined, RULES);
    await transition(db, SECRETARIAT, proposalId(), 'pass_screening', undefined, RULES);
    for (const reviewer of ['ge', 'mn']) {
      const caller = actingAs(demo(`reviewer.${reviewer}`), 'reviewer', {
        country: reviewer.toUpperCase(),
      });
      await submitScore(db, caller, proposalId(), { scores: SCORES }, RULES);
    }

    await as('reviewer.pk');
    await page.goto(`${portal.url}/workspace/facility/reviews?lang=en`);
    const queue = page.locator('section', { hasText: 'Awaiting your review' });
    await queue.getByRole('link', { name: reference }).click();
    await eventually(() => page.locator('#score-title').count()).toBe(1);
    expect(await page.locator('section', { hasText: 'Reviews' }).textContent()).toContain(
      '2 of 3 scores received',
    );
    for (const [criterion, points] of Object.entries({ ...SCORES, climate_impact: 5 })) {
      await page.selectOption(`#score-${criterion}`, String(points));
    }
    expect(await page.locator('.score-form').textContent()).toContain('Weighted score: 4.05');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Submit score' }).click();
    await eventually(() => page.locator('#proposal-reviews + p').textContent()).toBe(
      '3 of 3 scores received · average score 3.85',
    );
    expect(problems).toEqual([]);
  });

  it('lets a committee member approve it, and the public sees the available balance drop', async () => {
    const db = portal.store.db;
    await transition(db, SECRETARIAT, proposalId(), 'send_to_committee', undefined, RULES);
    const meeting = await createMeeting(
      db,
      SECRETARIAT,
      { title: 'Test committee meeting', heldOn: '2026-04-01' },
      RULES,
    );
    meetingId = meeting.id;
    await addToAgenda(db, SECRETARIAT, meeting.id, proposalId());
    for (const member of ['committee.1', 'committee.2']) {
      await castVote(db, actingAs(demo(member), 'committee'), meeting.id, proposalId(), {
        vote: 'approve',
      });
    }
    const before = await available();

    await as('committee.3');
    await page.goto(`${portal.url}/workspace/facility/meetings?lang=en`);
    await page.getByRole('link', { name: 'Test committee meeting' }).click();
    const item = page.locator('.agenda-item', { hasText: reference });
    await eventually(() => item.textContent()).toContain('2 of 3 votes for a quorum');
    expect(await item.locator(`#decide-${proposalId()}-amount`).inputValue()).toBe('650000.00');
    await item.locator(`#decide-${proposalId()}-rationale`).fill('Strong regional case (test).');
    // Before the quorum, the API refuses and the page says why in the API's words.
    await item.getByRole('button', { name: 'Record the decision' }).click();
    await eventually(() => item.getByRole('alert').textContent()).toContain(
      '2 of the 3 votes the quorum needs have been cast',
    );
    problems.length = 0; // the browser logs the refused request
    expect(await axeViolations(page)).toEqual([]);

    await item.getByRole('button', { name: 'Cast vote' }).click();
    await eventually(() => item.textContent()).toContain('3 of 3 votes for a quorum');
    await item.getByRole('button', { name: 'Record the decision' }).click();
    await eventually(() => item.locator('.decision').textContent()).toContain(
      'Grant of US$650,000.',
    );
    expect(await item.locator('.decision').textContent()).toContain(
      `Approve: decided by ${demo('committee.3')}`,
    );
    expect(problems).toEqual([]);

    expect(await available()).toBe('2350000.00');
    expect(Number(before) - Number(await available())).toBe(650000);
    await page.getByRole('link', { name: 'Public page' }).click();
    await eventually(shownAvailable).toBe('US$2,350,000');
    await eventually(() => page.locator('#pipeline-title + p + div').textContent()).toContain(
      reference,
    );
  });

  it('passes axe-core’s checks on the facility’s pages in English and in Russian', async () => {
    // The steps above checked the pages they went through in English; here are the others,
    // and every facility page in Russian, as the secretariat sees them.
    const seen = [
      '/facility',
      `/workspace/facility/proposals/${reference}`,
      `/workspace/facility/meetings/${meetingId}`,
    ];
    const others = [
      '/workspace/facility',
      '/workspace/facility/reviews',
      '/workspace/facility/meetings',
      '/workspace/facility/ledger',
    ];
    const tour = { en: others, ru: [...seen, ...others] };
    for (const [lang, paths] of Object.entries(tour)) {
      await as('analyst', lang);
      for (const path of paths) {
        await page.goto(`${portal.url}${path}?lang=${lang}`);
        await page.locator('main h1').first().waitFor();
        await page.waitForFunction(() => document.querySelector('main .loading') === null);
        expect(await axeViolations(page), `${path} in ${lang}`).toEqual([]);
      }
      expect(problems).toEqual([]);
    }
    // The ledger shows amounts exactly, in Russian too.
    expect(await page.locator('main').textContent()).toMatch(/3\s000\s000\s\$/);
    await as('focal.kz', 'ru');
    await page.goto(`${portal.url}/workspace/facility/new?lang=ru`);
    await eventually(() => page.locator('h1').textContent()).toBe('Новая заявка');
    expect(await axeViolations(page)).toEqual([]);
  });
});
