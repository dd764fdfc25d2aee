import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  convertWithLibreOffice,
  libreOfficeMissing,
  readFodsSheet,
  unzipMissing,
  unzipText,
  withTempDir,
  writeChunks,
} from './tabular.test-support.ts';
import type { Column } from './tabular.types.ts';
import { xlsxStream, type XlsxOptions } from './xlsx.ts';

interface Tx {
  id: number;
  title: string;
  amount: string | number | null;
  cents: number;
  date: string;
}

const columns: Column<Tx>[] = [
  { header: 'ID', value: (r) => r.id, kind: 'integer' },
  { header: 'Title', value: (r) => r.title },
  { header: 'Amount (USD)', value: (r) => r.amount, kind: 'number' },
  { header: 'Cents', value: (r) => r.cents, kind: 'integer' },
  { header: 'Date', value: (r) => r.date, kind: 'date' },
];

const rows: Tx[] = [
  {
    id: 1,
    title: 'Almaty–Bishkek <road> & "rail"',
    amount: '1234567.89',
    cents: 123456789,
    date: '2024-01-31',
  },
  { id: 2, title: '=HYPERLINK("x")', amount: -0.05, cents: -5, date: '1999-12-31' },
  { id: 3, title: '  padded\u0001 _x0041_ ', amount: null, cents: 0, date: 'n/a' },
  { id: 4, title: 'two\nlines', amount: 'unknown', cents: 1e15, date: '2023-02-29' },
];

async function withWorkbook<T>(
  data: Iterable<Tx> | AsyncIterable<Tx>,
  use: (file: string, dir: string) => Promise<T>,
  options?: XlsxOptions,
): Promise<T> {
  return withTempDir(async (dir) => {
    const file = join(dir, 'export.xlsx');
    await writeChunks(xlsxStream(columns, data, options), file);
    return use(file, dir);
  });
}

// LibreOffice's CSV filter: comma, double quote, UTF-8 (76).
const CSV_UTF8 = 'csv:Text - txt - csv (StarCalc):44,34,76';

if (libreOfficeMissing) console.warn(`skipping LibreOffice checks: ${libreOfficeMissing}`);

describe('xlsxStream', { skip: unzipMissing !== null }, () => {
  it('writes a bold, frozen header row, typed numbers and dates, and inline text', async () => {
    await withWorkbook(rows, async (file) => {
      const sheet = await unzipText(file, 'xl/worksheets/sheet1.xml');
      expect(sheet).toContain(
        '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>',
      );
      expect(sheet).toContain('<c r="A1" s="1" t="inlineStr"><is><t>ID</t></is></c>');
      expect(sheet).toContain('<c r="C2" t="n"><v>1234567.89</v></c>');
      expect(sheet).toContain('<c r="D2" s="2" t="n"><v>123456789</v></c>');
      expect(sheet).toContain('<c r="E2" s="3" t="n"><v>45322</v></c>');
      expect(sheet).toContain('<t>Almaty–Bishkek &lt;road&gt; &amp; &quot;rail&quot;</t>');
      // The control character is dropped, the spaces kept, and _x0041_ stays literal.
      expect(sheet).toContain('<t xml:space="preserve">  padded _x005F_x0041_ </t>');
      expect(sheet).not.toContain('<c r="C4"'); // null leaves no cell
      expect(sheet).toContain('<c r="E4" t="inlineStr"><is><t>n/a</t></is></c>');
      const styles = await unzipText(file, 'xl/styles.xml');
      expect(styles).toContain('<font><b/>');
      expect(styles).toContain('formatCode="yyyy\\-mm\\-dd"');
    });
  });

  it(
    'opens in LibreOffice with numbers and dates typed and text as written',
    { skip: libreOfficeMissing !== null },
    async () => {
      await withWorkbook(
        rows,
        async (file, dir) => {
          const fods = await convertWithLibreOffice(file, 'fods', dir);
          const sheet = readFodsSheet(await readFile(fods, 'utf8'));
          const cell = (type: string, value: string) => ({ type, value });
          const header = ['ID', 'Title', 'Amount (USD)', 'Cents', 'Date'];
          expect(sheet[0]).toEqual(header.map((h) => cell('string', h)));
          expect(sheet[1]).toEqual([
            cell('float', '1'),
            cell('string', 'Almaty–Bishkek <road> & "rail"'),
            cell('float', '1234567.89'),
            cell('float', '123456789'),
            cell('date', '2024-01-31'),
          ]);
          expect(sheet[2]).toEqual([
            cell('float', '2'),
            cell('string', '=HYPERLINK("x")'),
            cell('float', '-0.05'),
            cell('float', '-5'),
            cell('date', '1999-12-31'),
          ]);
          expect(sheet[3]).toEqual([
            cell('float', '3'),
            cell('string', '  padded _x0041_ '),
            cell('empty', ''),
            cell('float', '0'),
            cell('string', 'n/a'),
          ]);
          expect(sheet[4]).toEqual([
            cell('float', '4'),
            cell('string', 'two\nlines'),
            cell('string', 'unknown'),
            cell('float', '1000000000000000'),
            cell('string', '2023-02-29'),
          ]);
          expect(sheet).toHaveLength(5);
        },
        { sheetName: 'CAREC: Q1/2024' },
      );
    },
  );

  it(
    'converts to CSV in LibreOffice as a user would see it',
    { skip: libreOfficeMissing !== null },
    async () => {
      await withWorkbook(rows.slice(0, 2), async (file, dir) => {
        const csv = await readFile(await convertWithLibreOffice(file, CSV_UTF8, dir), 'utf8');
        expect(csv.split('\n')).toEqual([
          'ID,Title,Amount (USD),Cents,Date',
          '1,"Almaty–Bishkek <road> & ""rail""",1234567.89,123456789,2024-01-31',
          '2,"=HYPERLINK(""x"")",-0.05,-5,1999-12-31',
          '',
        ]);
      });
    },
  );

  it('continues past the row limit on further sheets, with no empty sheet after', async () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => ({ ...rows[0]!, id: i + 1 }));
    const options = {
      sheetName: 'CAREC: Q1/2024 [draft] and a very long tail',
      maxRowsPerSheet: 3,
    };
    await withWorkbook(
      many(7),
      async (file) => {
        const workbook = await unzipText(file, 'xl/workbook.xml');
        const names = [...workbook.matchAll(/<sheet name="([^"]*)"/g)].map(([, name]) => name);
        expect(names).toEqual([
          'CAREC_ Q1_2024 _draft_ and a ve',
          'CAREC_ Q1_2024 _draft_ and (2)',
          'CAREC_ Q1_2024 _draft_ and (3)',
        ]);
        const third = await unzipText(file, 'xl/worksheets/sheet3.xml');
        expect(third).toContain('<row r="1">'); // every sheet repeats the header
        expect(third).toContain('<c r="A2" s="2" t="n"><v>7</v></c>');
        expect(third).not.toContain('<row r="3"');
      },
      options,
    );
    await withWorkbook(
      many(6),
      async (file) => {
        const rels = await unzipText(file, 'xl/_rels/workbook.xml.rels');
        expect(rels).toContain('sheet2.xml');
        expect(rels).not.toContain('sheet3.xml');
      },
      options,
    );
  });

  it('releases the row source when the consumer stops early', async () => {
    let closed = false;
    function* endless(): Generator<Tx> {
      try {
        for (let id = 1; ; id++) yield { ...rows[0]!, id };
      } finally {
        closed = true;
      }
    }
    let bytes = 0;
    for await (const chunk of xlsxStream(columns, endless())) {
      bytes += chunk.length;
      if (bytes > 200_000) break;
    }
    expect(closed).toBe(true);
  });
});
