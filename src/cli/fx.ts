import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { parseRatesCsv } from '../reference/fx.csv.ts';
import { priceUnpricedValues, saveRates } from '../reference/fx.service.ts';
import { refreshAllocations } from '../portfolio/allocation.service.ts';
import { appendAudit } from '../accounts/audit.service.ts';
import { cliActor } from './audit.ts';
import { withStore } from './context.ts';

export function registerFxCommands(program: Command): void {
  const fx = program.command('fx').description('exchange rates to US dollars');

  fx.command('import')
    .description(
      'load rates from a CSV file: currency,period,per_usd,source (period YYYY or YYYY-MM-DD)',
    )
    .argument('<file>', 'CSV file')
    .option('--dry-run', 'check the file without storing it')
    .action((file: string, flags: { dryRun?: boolean }, command: Command) =>
      withStore(command, async (store) => {
        const rows = parseRatesCsv(await readFile(file, 'utf8'), file);
        if (flags.dryRun) {
          console.log(`${file}: ${rows.length} rates, all valid (dry run: nothing stored)`);
          return;
        }
        const { priced } = await store.db.transaction().execute(async (trx) => {
          await saveRates(trx, rows);
          const result = await priceUnpricedValues(trx);
          await refreshAllocations(trx, result.activityIds);
          await appendAudit(trx, {
            actor: cliActor(),
            action: 'fx.import',
            targetType: 'exchange_rate',
            targetId: file,
            after: { rates: rows.length, priced: result.priced },
            origin: 'cli',
          });
          return result;
        });
        console.log(
          `${file}: ${rows.length} rates stored; ${priced} stored values now have a US dollar value`,
        );
      }),
    );
}
