import type { Command } from 'commander';
import { migrateToLatest, migrationStatus } from '../db/migrate.ts';
import { syncReferenceData } from '../reference/reference.repository.ts';
import { withStore } from './context.ts';

export function registerDbCommands(program: Command): void {
  const db = program.command('db').description('manage the database schema');

  db.command('migrate')
    .description('apply pending migrations (all or none) and refresh the reference data')
    .action((_options, command: Command) =>
      withStore(
        command,
        async (store) => {
          const applied = await migrateToLatest(store.db);
          await syncReferenceData(store.db);
          if (applied.length === 0) console.log(`${store.location}: already up to date`);
          for (const name of applied) console.log(`${store.location}: applied ${name}`);
        },
        { anySchema: true },
      ),
    );

  db.command('status')
    .description('list migrations and whether each is applied')
    .option('--json', 'print JSON')
    .action((options: { json?: boolean }, command: Command) =>
      withStore(
        command,
        async (store) => {
          const migrations = await migrationStatus(store.db);
          if (options.json) {
            console.log(JSON.stringify({ database: store.location, migrations }, null, 2));
            return;
          }
          console.log(`database: ${store.location} (${store.dialect})`);
          for (const m of migrations) {
            console.log(
              `${m.executedAt ? 'applied' : 'pending'}  ${m.name}  ${m.executedAt ?? ''}`,
            );
          }
          const pending = migrations.filter((m) => !m.executedAt).length;
          console.log(pending ? `${pending} pending: run \`caravan db migrate\`` : 'up to date');
        },
        { anySchema: true },
      ),
    );
}
