import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FundStatement } from '../src/facility/fund.service.ts';
import { openStore } from '../src/db/database.ts';
import { KZ_FOCAL, proposalContent, RULES } from '../src/facility/facility.test-support.ts';
import { createDraft } from '../src/facility/proposal.service.ts';
import { transition } from '../src/facility/workflow.service.ts';
import { runCaravan } from './support/cli.ts';

describe('caravan facility', () => {
  let dir: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'caravan-facility-'));
    env = { DATABASE_URL: `sqlite:${join(dir, 'caravan.db')}` };
    expect((await runCaravan(['db', 'migrate'], env)).code).toBe(0);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('records contributions and prints the fund statement', async () => {
    const record = (...args: string[]) => runCaravan(['facility', 'record', ...args], env);
    const pledge = await record(
      '--type',
      'pledge',
      '--contributor',
      'KR',
      '--amount',
      '2700000000',
      '--currency',
      'KRW',
      '--usd',
      '2000000',
      '--date',
      '2024-11-29',
    );
    expect(pledge.stderr).toBe('');
    expect(pledge.stdout).toMatch(/ledger entry 1: pledge of 2700000000 KRW = 2000000.00 USD/);
    // With no US dollar value given, the exchange-rate table's annual average prices it.
    const receipt = await record(
      '--type',
      'receipt',
      '--contributor',
      'KR',
      '--amount',
      '1306763700',
      '--currency',
      'KRW',
      '--date',
      '2023-06-30',
    );
    expect(receipt.stdout).toMatch(
      /receipt of 1306763700 KRW = 1000000.00 USD \(.*2023: 1306.7637 KRW\/USD\)/,
    );
    const overdrawn = await record(
      '--type',
      'receipt',
      '--contributor',
      'CN',
      '--amount',
      '5',
      '--date',
      '2025-01-01',
    );
    expect(overdrawn.code).toBe(1);
    expect(overdrawn.stderr).toMatch(
      /CARAVAN-GOV-CN has 0 USD \(minor units\) pledged and not yet received/,
    );

    const text = await runCaravan(['facility', 'report'], env);
    expect(text.stdout).toMatch(/Available for new grants\s+\$1,000,000\.00/);
    expect(text.stdout).toMatch(
      /Government of the Republic of Korea \(KRW\): pledged 2700000000, received 1306763700, outstanding 1393236300 KRW/,
    );
    const json = JSON.parse(
      (await runCaravan(['facility', 'report', '--json', '--as-of', '2023-12-31'], env)).stdout,
    ) as FundStatement;
    expect(json.balances).toMatchObject({
      pledged: '0.00',
      received: '1000000.00',
      available: '1000000.00',
    });
  });

  it('moves a proposal through the secretariat’s steps of the workflow', async () => {
    const store = openStore(env['DATABASE_URL']!);
    try {
      const { id } = await createDraft(store.db, KZ_FOCAL, {
        content: proposalContent(['KZ', 'UZ']),
      });
      await transition(store.db, KZ_FOCAL, id, 'submit', undefined, RULES);
    } finally {
      await store.close();
    }
    const move = (...args: string[]) =>
      runCaravan(['facility', 'transition', 'PPF-0001', ...args], env);
    expect((await move('--action', 'start_screening')).stdout).toBe('PPF-0001: screening\n');
    const unexplained = await move('--action', 'reject');
    expect(unexplained.code).toBe(1);
    expect(unexplained.stderr).toMatch(/reason: say why/);
    expect((await move('--action', 'submit')).stderr).toMatch(/argument 'submit' is invalid/);
    expect((await move('--action', 'return', '--reason', 'Budget lines missing')).stdout).toBe(
      'PPF-0001: returned\n',
    );
  });

  it('checks a rules document and names what is wrong', async () => {
    const bad = join(dir, 'rules.json');
    writeFileSync(
      bad,
      JSON.stringify({ version: 'x', eligibility: {}, scoring: {}, committee: {} }),
    );
    const result = await runCaravan(['facility', 'rules', '--check', bad], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /rules\.json: invalid facility rules:\n {2}eligibility\.memberCountriesOnly/,
    );
    const served = await runCaravan(['serve'], { ...env, FACILITY_RULES: bad, PORT: '0' });
    expect(served.code).toBe(1);
    expect(served.stderr).toMatch(/invalid facility rules/);
    const rules = JSON.parse((await runCaravan(['facility', 'rules'], env)).stdout) as {
      version: string;
    };
    expect(rules.version).toBe('caravan-default-1');
  });
});
