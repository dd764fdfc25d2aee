import type { Command } from 'commander';
import { migrateToLatest } from '../db/migrate.ts';
import { loadDemoPortfolio } from '../portfolio/demo.service.ts';
import { syncReferenceData } from '../reference/reference.repository.ts';
import { withStore } from './context.ts';

export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description(
      'load the demonstration CAREC portfolio (seeded, idempotent; labelled as demo data)',
    )
    .action((_options, command: Command) =>
      withStore(command, async (store) => {
        await migrateToLatest(store.db);
        await syncReferenceData(store.db);
        const counts = await loadDemoPortfolio(store.db);
        const total = counts.imported + counts.unchanged + counts.replaced;
        console.log(
          `${store.location}: demo portfolio of ${total} activities ` +
            `(${counts.imported} imported, ${counts.replaced} replaced, ${counts.unchanged} unchanged)`,
        );
      }),
    );
}
