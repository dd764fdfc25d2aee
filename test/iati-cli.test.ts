import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { spawn } from 'node:child_process';
import { runCaravan, CARAVAN, PROJECT_ROOT } from './support/cli.ts';
import { newTestDatabase, type TestDatabase } from './support/stores.ts';
import { activityXml, iatiDocument } from './support/iati-fixtures.ts';

interface JsonSummary {
  files: {
    path: string;
    activities: number;
    imported: number;
    unchanged: number;
    replaced: number;
    rejected: number;
    errors: string[];
    refused: boolean;
  }[];
  totals: {
    activities: number;
    imported: number;
    unchanged: number;
    replaced: number;
    rejected: number;
  };
}

const REAL = join(PROJECT_ROOT, '../shared/data/iati/activities');

describe('caravan import iati', () => {
  let database: TestDatabase;
  let env: Record<string, string>;
  const dir = mkdtempSync(join(tmpdir(), 'caravan-cli-'));

  beforeAll(async () => {
    database = await newTestDatabase('sqlite');
    env = { DATABASE_URL: database.url };
    expect((await runCaravan(['db', 'migrate'], env)).code).toBe(0);
  });
  afterAll(() => database.drop());

  it('prints one JSON summary whose counts add up, from a file, a .gz and stdin', async () => {
    const plain = join(dir, 'plain.xml');
    writeFileSync(
      plain,
      iatiDocument([activityXml({ id: 'P1' }), activityXml({ id: 'P2', value: 'ten' })]),
    );
    const gz = join(dir, 'packed.xml.gz');
    writeFileSync(gz, gzipSync(iatiDocument([activityXml({ id: 'G1' })])));
    const result = await runCaravan(['import', 'iati', '--json', plain, gz], env);
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as JsonSummary;
    expect(summary.files.map((f) => [f.path, f.activities, f.imported, f.rejected])).toEqual([
      [plain, 2, 1, 1],
      [gz, 1, 1, 0],
    ]);
    expect(summary.totals).toMatchObject({ activities: 3, imported: 2, rejected: 1 });
    expect(summary.files[0]!.errors[0]).toMatch(/P2 \(line \d+\).*ten/);

    const piped = await new Promise<JsonSummary>((resolve, reject) => {
      const child = spawn(process.execPath, [CARAVAN, 'import', 'iati', '--json', '-'], {
        env: { ...process.env, ...env },
      });
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.on('error', reject);
      child.on('close', () => resolve(JSON.parse(out) as JsonSummary));
      child.stdin.end(iatiDocument([activityXml({ id: 'P1' })]));
    });
    expect(piped.files[0]).toMatchObject({ path: '-', activities: 1, unchanged: 1 });
  });

  it('exits with 1 and names line and column when a file is not well-formed', async () => {
    const broken = join(dir, 'broken.xml');
    writeFileSync(
      broken,
      '<?xml version="1.0"?>\n<iati-activities version="2.03">\n<iati-activity>\n',
    );
    const result = await runCaravan(['import', 'iati', broken], env);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/broken\.xml: refused — .*broken\.xml:\d+:\d+/);
  });

  it('refuses a file it cannot read and goes on, closing every refused file', async () => {
    const good = join(dir, 'after-unreadable.xml');
    writeFileSync(good, iatiDocument([activityXml({ id: 'U1' })]));
    // Reading /proc/self/mem from the start fails with EIO.
    const unreadable = await runCaravan(['import', 'iati', '--json', '/proc/self/mem', good], env);
    expect(unreadable.code).toBe(1);
    const summary = JSON.parse(unreadable.stdout) as JsonSummary;
    expect(summary.files.map((f) => [f.path, f.refused])).toEqual([
      ['/proc/self/mem', true],
      [good, false],
    ]);
    expect(summary.files[0]!.errors.join()).toMatch(/EIO|input\/output error/i);

    // More refused files than the process may hold open at once, each refused after its first
    // bytes: a file left open by its refusal would exhaust the descriptors.
    const folder = mkdtempSync(join(dir, 'refused-'));
    const padding = `<!-- ${'x'.repeat(300_000)} -->`;
    for (let i = 0; i < 80; i++) {
      writeFileSync(
        join(folder, `${i}.xml`),
        `<iati-activities><a></b>${padding}</iati-activities>`,
      );
    }
    const limited = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
      const child = spawn(
        'bash',
        [
          '-c',
          `ulimit -n 48 && exec "$0" "$1" import iati --json "$2"`,
          process.execPath,
          CARAVAN,
          folder,
        ],
        { env: { ...process.env, ...env } },
      );
      let stdout = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.on('close', (code) => resolve({ code, stdout }));
    });
    expect(limited.code).toBe(1);
    const refused = JSON.parse(limited.stdout) as JsonSummary;
    expect(refused.files).toHaveLength(80);
    expect(refused.files.every((f) => f.refused)).toBe(true);
  });

  it('validates without storing on --dry-run', async () => {
    const file = join(dir, 'dry.xml');
    writeFileSync(file, iatiDocument([activityXml({ id: 'DRY1' })]));
    const result = await runCaravan(['import', 'iati', '--dry-run', '--json', file], env);
    expect((JSON.parse(result.stdout) as JsonSummary).totals.imported).toBe(1);
    const again = await runCaravan(['import', 'iati', '--dry-run', '--json', file], env);
    expect((JSON.parse(again.stdout) as JsonSummary).totals.imported).toBe(1);
  });

  it.runIf(existsSync(REAL))(
    'accounts for every activity of every real file',
    async () => {
      const result = await runCaravan(['import', 'iati', '--json', REAL], env);
      const summary = JSON.parse(result.stdout) as JsonSummary;
      const refused = summary.files.filter((f) => f.refused);
      expect(result.code).toBe(refused.length > 0 ? 1 : 0);
      for (const file of summary.files) {
        if (file.refused) {
          expect(file.errors[0]).toMatch(/:\d+:\d+/);
          continue;
        }
        const raw = readFileSync(file.path, 'latin1');
        const elements = raw.match(/<iati-activity[\s>/]/g)?.length ?? 0;
        expect(file.activities, file.path).toBe(elements);
        expect(file.imported + file.unchanged + file.replaced + file.rejected, file.path).toBe(
          file.activities,
        );
        for (const error of file.errors) expect(error).toMatch(/\(line \d+\): \S/);
      }
      expect(readdirSync(REAL).length).toBeGreaterThan(0);
    },
    300_000,
  );
});
