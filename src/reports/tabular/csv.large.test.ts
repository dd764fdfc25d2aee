import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvChunks } from './csv.ts';
import { syntheticColumns, syntheticTransactions, syntheticTx } from './synthetic.test-support.ts';
import {
  convertWithLibreOffice,
  libreOfficeMissing,
  liveHeap,
  withTempDir,
  writeChunks,
} from './tabular.test-support.ts';

const ROWS = 1_000_000;
const MB = 1024 * 1024;
// LibreOffice's CSV filters: comma, double quote, UTF-8 (76), from line 1; on export, quote
// all text cells and write raw values, not as formatted.
const CSV_IMPORT = 'CSV:44,34,76,1';
const CSV_EXPORT = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true,true,false';

/**
 * Checks every line of LibreOffice's re-export, read as a stream. Text comes back quoted and
 * numbers and dates bare, so a number that LibreOffice took for text would show.
 */
async function checkReExport(csv: string): Promise<number> {
  let rows = -1;
  for await (const line of createInterface({ input: createReadStream(csv, 'utf8') })) {
    if (rows++ < 0) {
      expect(line).toBe('"id","date","country","amount_usd","amount_cents"');
      continue;
    }
    const tx = syntheticTx(rows);
    // LibreOffice writes each number as the shortest decimal of the double it read.
    const want = `${tx.id},${tx.date},"${tx.country}",${Number(tx.amount)},${tx.cents}`;
    if (line !== want) expect(line, `row ${rows}`).toBe(want);
  }
  return rows;
}

describe('a CSV export of a million transactions', () => {
  it(
    'streams with flat memory and opens in LibreOffice with every number right',
    { timeout: 180_000 },
    async () => {
      await withTempDir(async (dir) => {
        const file = join(dir, 'transactions.csv');
        const heap: number[] = [];
        const rows = syntheticTransactions(ROWS, 100_000, () => heap.push(liveHeap()));
        let largestChunk = 0;
        async function* measured() {
          for await (const chunk of csvChunks(syntheticColumns, rows)) {
            largestChunk = Math.max(largestChunk, chunk.length);
            yield chunk;
          }
        }
        let started = performance.now();
        await writeChunks(measured(), file);
        const writeSeconds = (performance.now() - started) / 1000;

        expect(heap).toHaveLength(10);
        // Keeping even one small number per row would add 7 MB over the 900,000 rows measured.
        const growth = Math.max(...heap.slice(1)) - (heap[0] ?? 0);
        expect(growth).toBeLessThan(2 * MB);
        expect(largestChunk).toBeLessThan(64 * 1024 + 200);
        expect((await stat(file)).size).toBeGreaterThan(40 * MB);

        if (libreOfficeMissing) {
          console.warn(`skipped the LibreOffice check: ${libreOfficeMissing}`);
          return;
        }
        started = performance.now();
        const outDir = join(dir, 'libreoffice');
        const again = await convertWithLibreOffice(file, CSV_EXPORT, outDir, CSV_IMPORT);
        const convertSeconds = (performance.now() - started) / 1000;
        expect(await checkReExport(again)).toBe(ROWS);
        console.info(
          `CSV of ${ROWS} rows: written in ${writeSeconds.toFixed(1)} s, heap growth ` +
            `${(growth / MB).toFixed(2)} MB; LibreOffice read it in ${convertSeconds.toFixed(1)} s`,
        );
      });
    },
  );
});
