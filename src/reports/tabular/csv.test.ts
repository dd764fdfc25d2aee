import { describe, expect, it } from 'vitest';
import { csvChunks } from './csv.ts';
import type { CellValue, Column } from './tabular.types.ts';

async function csvOf<Row>(columns: Column<Row>[], rows: Iterable<Row> | AsyncIterable<Row>) {
  let text = '';
  for await (const chunk of csvChunks(columns, rows)) text += chunk;
  return text;
}

/** One column of the given kind, one row per value; the CSV without BOM and header. */
async function fields(values: CellValue[], kind?: Column<CellValue>['kind']): Promise<string[]> {
  const text = await csvOf([{ header: 'v', value: (v: CellValue) => v, kind }], values);
  return text.slice('\uFEFFv\r\n'.length).split('\r\n').slice(0, -1);
}

describe('csvChunks', () => {
  it('starts with a BOM and a header line and ends every record with CRLF', async () => {
    const columns: Column<{ a: string; b: number }>[] = [
      { header: 'Name', value: (r) => r.a },
      { header: 'Amount, USD', value: (r) => r.b, kind: 'number' },
    ];
    const text = await csvOf(columns, [{ a: 'Kazakhstan', b: 9.5 }]);
    expect(text).toBe('\uFEFFName,"Amount, USD"\r\nKazakhstan,9.5\r\n');
  });

  it('quotes fields with commas, quotes and line breaks, doubling the quotes', async () => {
    expect(await fields(['a,b', 'say "hi"', 'two\nlines', 'cr\r', 'plain', ''])).toEqual([
      '"a,b"',
      '"say ""hi"""',
      '"two\nlines"',
      '"cr\r"',
      'plain',
      '',
    ]);
  });

  it('writes null as an empty field', async () => {
    expect(await fields([null, 'x'])).toEqual(['', 'x']);
  });

  it('guards text that a spreadsheet would run as a formula', async () => {
    expect(await fields(['=1+1', '+49 30', '-x', '@SUM(A1)', '\tcmd', '\rz', 'a=b'])).toEqual([
      "'=1+1",
      "'+49 30",
      "'-x",
      "'@SUM(A1)",
      "'\tcmd",
      `"'\rz"`,
      'a=b',
    ]);
  });

  it('leaves numbers in number columns unguarded, but not formulas disguised as numbers', async () => {
    expect(await fields(['-12.50', '+3', '-0', '=-1', '-1e5'], 'number')).toEqual([
      '-12.50',
      '3',
      '-0',
      "'=-1",
      "'-1e5",
    ]);
    expect(await fields([-5, '-7'], 'integer')).toEqual(['-5', '-7']);
  });

  it('writes numbers with a point and no exponent, and decimal strings digit for digit', async () => {
    expect(await fields([1e21, 1.5e-7, 0.1 + 0.2, '98765432109876543210.01'], 'number')).toEqual([
      '1000000000000000000000',
      '0.00000015',
      '0.30000000000000004',
      '98765432109876543210.01',
    ]);
  });

  it('writes ISO dates as they are', async () => {
    expect(await fields(['2024-01-31', 'soon'], 'date')).toEqual(['2024-01-31', 'soon']);
  });

  it('reads rows from an async source and yields bounded chunks', async () => {
    async function* rows() {
      for (let i = 0; i < 20_000; i++) {
        if (i % 1000 === 0) await Promise.resolve(); // a page from a database cursor
        yield { id: i, note: 'x'.repeat(20) };
      }
    }
    const columns: Column<{ id: number; note: string }>[] = [
      { header: 'id', value: (r) => r.id, kind: 'integer' },
      { header: 'note', value: (r) => r.note },
    ];
    const sizes: number[] = [];
    let lines = 0;
    for await (const chunk of csvChunks(columns, rows())) {
      sizes.push(chunk.length);
      lines += chunk.split('\r\n').length - 1;
    }
    expect(lines).toBe(20_001);
    expect(sizes.length).toBeGreaterThan(5);
    expect(Math.max(...sizes)).toBeLessThan(64 * 1024 + 100);
  });

  it('fails on a number that cannot be written', async () => {
    await expect(fields([Number.NaN], 'number')).rejects.toThrow(RangeError);
  });
});
