import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { syntheticColumns, syntheticTransactions, syntheticTx } from './synthetic.test-support.ts';
import {
  convertWithLibreOffice,
  libreOfficeMissing,
  liveHeap,
  withTempDir,
  writeChunks,
} from './tabular.test-support.ts';
import { xlsxStream } from './xlsx.ts';

const ROWS = 200_000;
const MB = 1024 * 1024;
// Comma, double quote, UTF-8; text cells quoted, so numbers read as text would show.
const CSV_EXPORT = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true,true,false';

describe('an XLSX export of 200,000 transactions', () => {
  it(
    'streams with flat memory and LibreOffice reads every row back',
    { timeout: 120_000 },
    async () => {
      await withTempDir(async (dir) => {
        const file = join(dir, 'transactions.xlsx');
        const heap: number[] = [];
        const rows = syntheticTransactions(ROWS, 20_000, () => heap.push(liveHeap()));
        let started = performance.now();
        await writeChunks(xlsxStream(syntheticColumns, rows, { sheetName: 'Transactions' }), file);
        const writeSeconds = (performance.now() - started) / 1000;

        expect(heap).toHaveLength(10);
        // Keeping even one small number per row would add 1.4 MB over the 180,000 rows measured.
        const growth = Math.max(...heap.slice(1)) - (heap[0] ?? 0);
        expect(growth).toBeLessThan(1 * MB);

        if (libreOfficeMissing) {
          console.warn(`skipped the LibreOffice check: ${libreOfficeMissing}`);
          return;
        }
        started = performance.now();
        const csv = await convertWithLibreOffice(file, CSV_EXPORT, dir);
        const convertSeconds = (performance.now() - started) / 1000;
        let line = -1;
        for await (const text of createInterface({ input: createReadStream(csv, 'utf8') })) {
          if (++line === 0) {
            expect(text).toBe('"id","date","country","amount_usd","amount_cents"');
            continue;
          }
          const tx = syntheticTx(line);
          const want = `${tx.id},${tx.date},"${tx.country}",${Number(tx.amount)},${tx.cents}`;
          if (text !== want) expect(text, `row ${line}`).toBe(want);
        }
        expect(line).toBe(ROWS);
        console.info(
          `XLSX of ${ROWS} rows: written in ${writeSeconds.toFixed(1)} s, heap growth ` +
            `${(growth / MB).toFixed(2)} MB; LibreOffice read it in ${convertSeconds.toFixed(1)} s`,
        );
      });
    },
  );
});
