import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Command } from 'commander';
import { iatiDocument } from '../iati/export/index.ts';
import { ExportFilterSchema, storedActivities } from '../iati/export.service.ts';
import { TRANSACTION_COLUMNS, transactionRows } from '../portfolio/transaction-export.ts';
import { csvChunks } from '../reports/tabular/csv.ts';
import { parseFlags, withStore } from './context.ts';

interface ExportFlags {
  country?: string;
  reportingOrg?: string;
  status?: string;
}

const FILTER_FLAGS = [
  [
    '--country <iso2>',
    'only activities in this recipient country, named by the activity or one of its transactions (e.g. KZ)',
  ],
  ['--reporting-org <ref>', 'only activities reported by this organisation'],
  ['--status <code>', 'only activities with this ActivityStatus code'],
] as const;

export function registerExportCommands(program: Command): void {
  const exports = program.command('export').description('export stored data');

  for (const format of ['csv', 'xlsx'] as const) {
    const command = exports
      .command(format)
      .description(
        `write the transactions of the matching activities as ${format.toUpperCase()} on standard output`,
      );
    for (const [flag, help] of FILTER_FLAGS) command.option(flag, help);
    command.action((flags: ExportFlags, self: Command) =>
      withStore(self, async (store) => {
        const rows = transactionRows(store.db, parseFlags(ExportFilterSchema, flags));
        // The XLSX writer (exceljs, some 15 MB) loads only when asked for, as the server does.
        const chunks =
          format === 'csv'
            ? csvChunks(TRANSACTION_COLUMNS, rows)
            : (await import('../reports/tabular/xlsx.ts')).xlsxStream(TRANSACTION_COLUMNS, rows);
        await pipeline(Readable.from(chunks), process.stdout);
      }),
    );
  }

  exports
    .command('iati')
    .description('write the stored activities as IATI 2.03 XML on standard output')
    .option(
      '--country <iso2>',
      'only activities in this recipient country, named by the activity or one of its transactions (e.g. KZ)',
    )
    .option('--reporting-org <ref>', 'only activities reported by this organisation')
    .option('--status <code>', 'only activities with this ActivityStatus code')
    .action((flags: ExportFlags, command: Command) =>
      withStore(command, async (store) => {
        const filter = parseFlags(ExportFilterSchema, flags);
        let written = 0;
        let skipped = 0;
        const document = iatiDocument(
          (async function* () {
            for await (const activity of storedActivities(store.db, filter)) {
              written += 1;
              yield activity;
            }
          })(),
          {
            generatedAt: new Date().toISOString(),
            onSkip: ({ iatiIdentifier, reasons }) => {
              skipped += 1;
              process.stderr.write(`left out ${iatiIdentifier}: ${reasons.join('; ')}\n`);
            },
          },
        );
        await pipeline(Readable.from(document), process.stdout);
        process.stderr.write(`${written - skipped} activities written, ${skipped} left out\n`);
        if (written - skipped === 0) {
          process.stderr.write('warning: no activity written; IATI requires at least one\n');
        }
      }),
    );
}
