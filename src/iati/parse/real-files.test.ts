import { createReadStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IatiFileError } from './errors.ts';
import { parseIatiStream } from './parse-stream.ts';
import { ACTIVITIES, HAVE_REAL_DATA, xmlFiles } from './real-data.testkit.ts';
import type { ParsedActivity } from './types.ts';

const FILES = xmlFiles(ACTIVITIES).filter((file) => !file.startsWith('conformance/'));

/** The files that are not XML or not well-formed (SOURCES.md says which). */
const REFUSED = [
  'edge-cases/jsval_act-xml-errors.xml',
  'edge-cases/jsval_not-xml.xml',
  'edge-cases/jsval_xlsx-spreadsheet-with-extension.xml',
];

/** iati-activity start tags in the raw bytes, counted without the parser (comments aside). */
function startTags(path: string): number {
  const text = readFileSync(path)
    .toString('latin1')
    .replace(/<!--[\s\S]*?-->/g, '');
  return text.match(/<iati-activity[\s/>]/g)?.length ?? 0;
}

async function read(
  path: string,
): Promise<{ items: ParsedActivity[]; activities: number } | IatiFileError> {
  const items: ParsedActivity[] = [];
  try {
    const parser = parseIatiStream(createReadStream(path), { source: path });
    for (let next = await parser.next(); ; next = await parser.next()) {
      if (next.done) return { items, activities: next.value.activities };
      items.push(next.value);
    }
  } catch (error) {
    if (error instanceof IatiFileError) return error;
    throw error;
  }
}

describe.skipIf(!HAVE_REAL_DATA)('the real files in ../shared/data/iati/activities', () => {
  it('are all here', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(60);
  });

  it.each(FILES)(
    '%s is refused whole with line and column, or yields one item per activity',
    async (file) => {
      const path = join(ACTIVITIES, file);
      const result = await read(path);
      if (result instanceof IatiFileError) {
        expect(REFUSED).toContain(file);
        expect(result.message).toMatch(
          new RegExp(`^${path.replace(/[.]/g, '\\.')}:\\d+:\\d+: \\S`),
        );
        expect(result.line).toBeGreaterThanOrEqual(1);
        expect(result.column).toBeGreaterThanOrEqual(1);
        return;
      }
      expect(REFUSED).not.toContain(file);
      expect(result.items).toHaveLength(startTags(path));
      expect(result.activities).toBe(result.items.length);
      let lastLine = 0;
      for (const item of result.items) {
        expect(item.line).toBeGreaterThanOrEqual(lastLine);
        lastLine = item.line;
        if (item.ok) expect(item.identifier).not.toBe('');
        else for (const error of item.errors) expect(error).toMatch(/^line \d+: \S/);
      }
    },
  );

  it('reads most activities of the development banks’ 2.0x files', async () => {
    const banks = [
      'dportal/dportal_004_worldbank.xml',
      'dportal/dportal_005_afdb-adb.xml',
      'dportal/dportal_040_sweden.xml',
    ];
    for (const file of banks) {
      const result = await read(join(ACTIVITIES, file));
      if (result instanceof IatiFileError) throw result;
      const ok = result.items.filter((item) => item.ok).length;
      expect(ok / result.items.length, file).toBeGreaterThanOrEqual(0.95);
    }
  });
});
