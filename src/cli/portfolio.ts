import type { Command } from 'commander';
import { AggregateQuerySchema } from '../portfolio/aggregate.schema.ts';
import { aggregate } from '../portfolio/aggregate.service.ts';
import { verifyRollups } from '../portfolio/rollup-verify.service.ts';
import { parseFlags, withStore } from './context.ts';

const QUERY_FLAGS = [
  ['measure', 'commitments | disbursements | expenditure | budget (default commitments)'],
  [
    'by',
    'dimensions, comma-separated: country,year,sector,sectorCategory,cluster,corridor,partner,status',
  ],
  ['country', 'ISO 3166-1 alpha-2 codes or "regional", comma-separated'],
  ['region', 'IATI recipient region codes (e.g. 619, Central Asia)'],
  ['sector', 'sector codes (DAC 5-digit)'],
  ['sector-category', 'DAC 3-digit categories'],
  ['cluster', 'CAREC clusters 1–5'],
  ['corridor', 'CAREC corridors 1–6'],
  ['partner', 'organisation references of the original funders'],
  ['status', 'ActivityStatus codes'],
  ['climate', 'mitigation | adaptation | drr | any'],
  ['year-from', 'first year'],
  ['year-to', 'last year'],
  ['currency', 'USD (default), EUR or another currency with stored rates'],
] as const;

export function registerPortfolioCommands(program: Command): void {
  const query = program.command('query').description('ask the portfolio');
  const aggregateCommand = query
    .command('aggregate')
    .description('sum a measure by dimensions, as GET /api/aggregate does')
    .option('--json', 'print the JSON answer');
  for (const [flag, help] of QUERY_FLAGS) aggregateCommand.option(`--${flag} <value>`, help);
  aggregateCommand.action((flags: Record<string, string | boolean | undefined>, command: Command) =>
    withStore(command, async (store) => {
      const { json, ...params } = flags;
      const answer = await aggregate(store.db, parseFlags(AggregateQuerySchema, params));
      if (json) {
        console.log(JSON.stringify(answer, null, 2));
        return;
      }
      const money = (value: number) =>
        value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
      for (const row of answer.rows) {
        const labels = answer.by.map((d) => String(row[d])).join('  ');
        console.log(`${labels.padEnd(28)} ${money(row.value).padStart(22)}`);
      }
      console.log(
        `${'total'.padEnd(28)} ${money(answer.total).padStart(22)} ${answer.currency} (${answer.measure})`,
      );
    }),
  );

  program
    .command('rollups')
    .description('portfolio rollup tables')
    .command('verify')
    .description('recompute the rollups from raw transactions and report any difference')
    .action((_flags, command: Command) =>
      withStore(command, async (store) => {
        const differences = await verifyRollups(store.db);
        for (const d of differences.slice(0, 50)) {
          console.log(
            `${JSON.stringify(d.key)}: stored ${d.storedCents} cents, recomputed ${d.recomputedCents}`,
          );
        }
        if (differences.length === 0) console.log('rollups verified: no difference');
        else {
          console.log(`${differences.length} difference(s)`);
          process.exitCode = 1;
        }
      }),
    );
}
