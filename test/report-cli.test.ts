import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClimateAnswer } from '../src/climate/climate.schema.ts';
import { CHROMIUM } from '../src/reports/ministerial/pdf.ts';
import type { Scorecard } from '../src/results/scorecard.service.ts';
import { runCaravan } from './support/cli.ts';

describe('caravan climate, results and report ministerial on the demo', () => {
  let dir: string;
  let env: Record<string, string>;
  const caravan = async (...args: string[]) => {
    const result = await runCaravan(args, env);
    expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
    return result;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'caravan-report-cli-'));
    env = {
      DATABASE_URL: `sqlite:${join(dir, 'caravan.db')}`,
      CARAVAN_DEMO_PASSWORD: 'Correct horse 42 battery',
    };
    const demo = await caravan('demo');
    expect(demo.stdout).toMatch(/demo climate shares: \d+ marked demo projects/);
    expect(demo.stdout).toMatch(/demo results framework: 10 indicators/);
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints climate finance in both views and the results scorecard', async () => {
    const climate = JSON.parse(
      (await caravan('climate', 'finance', '--by', 'cluster', '--year-to', '2024', '--json'))
        .stdout,
    ) as ClimateAnswer;
    expect(climate.rows.length).toBeGreaterThan(2);
    expect(climate.total.markers.sharePercent).toBeGreaterThan(5);
    expect(climate.total.components.activities).toBeGreaterThan(50);
    const text = (await caravan('climate', 'finance', '--significant', '50')).stdout;
    expect(text).toMatch(/significant 50%/);
    const bad = await runCaravan(['climate', 'finance', '--by', 'sector'], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--by/);

    const card = JSON.parse(
      (await caravan('results', 'scorecard', '--year', '2024', '--json')).stdout,
    ) as Scorecard;
    expect(card.indicators.map((i) => i.code)).toContain('ROAD-KM');
    expect((await caravan('climate', 'pipeline', '--as-of', '2025-12-31')).stdout).toMatch(
      /PPF-0001/,
    );
  });

  it('gives the same numbers for the same --as-of, and new ones with --fresh', async () => {
    const report = (...extra: string[]) =>
      caravan(
        'report',
        'ministerial',
        '--year',
        '2024',
        '--as-of',
        '2024-12-31',
        '--format',
        'json',
        ...extra,
      );
    const first = await report();
    expect(first.stderr).toMatch(/from snapshot [0-9a-f]{12} taken/);
    const shares = JSON.parse((await caravan('climate', 'shares', '--json')).stdout) as {
      iatiIdentifier: string;
    }[];
    await caravan(
      'climate',
      'set',
      shares[0]!.iatiIdentifier,
      '--mitigation',
      '100',
      '--adaptation',
      '0',
      '--source',
      'Test',
      '--date',
      '2024-01-01',
    );
    const second = await report();
    expect(second.stdout).toBe(first.stdout);
    const fresh = await report('--fresh');
    expect(fresh.stdout).not.toBe(first.stdout);
  });

  it('keeps no snapshot of a report it could not write', async () => {
    const report = (out: string) =>
      runCaravan(
        ['report', 'ministerial', '--year', '2023', '--as-of', '2023-12-31', '--out', out],
        env,
      );
    const snapshotsOf2023 = async () => {
      const trail = JSON.parse(
        (await caravan('audit', 'list', '--json', '--limit', '1000')).stdout,
      ) as { action: string; after: { year?: number } | null }[];
      return trail.filter((e) => e.action === 'report.snapshot' && e.after?.year === 2023).length;
    };
    const missingDir = await report(join(dir, 'no-such-dir', 'r.html'));
    expect(missingDir.code).toBe(1);
    expect(missingDir.stderr).toMatch(/^caravan: ENOENT/);
    expect(await snapshotsOf2023()).toBe(0);

    const out = join(dir, 'report-2023.html');
    const written = await report(out);
    expect(written.code, written.stderr).toBe(0);
    expect(written.stderr).toMatch(/from snapshot [0-9a-f]{12} taken/);
    expect(await snapshotsOf2023()).toBe(1);
    expect(readFileSync(out, 'utf8')).toMatch(/^<!doctype html>/);
  });

  it('writes HTML to standard output and a PDF to a file', async () => {
    const html = await caravan('report', 'ministerial', '--year', '2024', '--lang', 'ru');
    expect(html.stdout).toMatch(/^<!doctype html><html lang="ru">/);
    expect(html.stdout).toContain('Министерская конференция');
    expect(html.stdout).toContain('<svg class="chart"');
    if (!existsSync(CHROMIUM)) return;
    const out = join(dir, 'report.pdf');
    await caravan('report', 'ministerial', '--year', '2024', '--format', 'pdf', '--out', out);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('imports component shares from CSV with a dry run first', async () => {
    const shares = JSON.parse((await caravan('climate', 'shares', '--json')).stdout) as {
      iatiIdentifier: string;
    }[];
    const file = join(dir, 'shares.csv');
    writeFileSync(
      file,
      'iati_identifier,component,component_percent,mitigation_percent,adaptation_percent,dual_percent,source,assessed_on\n' +
        `${shares[1]!.iatiIdentifier},,,30,10,5,Test annex,2024-02-01\nNOWHERE,,,1,0,0,Test,2024-02-01\n`,
    );
    const dry = await runCaravan(['climate', 'import', file, '--dry-run'], env);
    expect(dry.code).toBe(1);
    expect(dry.stdout).toMatch(/replaced[\s\S]*NOWHERE: rejected[\s\S]*dry run: nothing stored/);
    const real = await runCaravan(['climate', 'import', file], env);
    expect(real.stdout).toMatch(/2 activities, 1 rejected/);
  });
});
