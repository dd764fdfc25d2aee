import type { Command } from 'commander';
import { backupDatabase, restoreDatabase, type BackupReport } from '../db/backup.ts';
import { openStore } from '../db/database.ts';
import { moveStore } from '../db/migrate-store.ts';
import { rebuildDerivedTables } from '../portfolio/search-rebuild.ts';
import { configFrom } from './context.ts';

function describe(report: BackupReport): string {
  const rows = report.rows ? `, ${Object.values(report.rows).reduce((a, b) => a + b, 0)} rows` : '';
  return `${report.file}: ${report.format}, ${report.tables} tables${rows}, checked`;
}

export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description(
      'write a consistent copy of the database to a file while it runs (SQLite online backup, or pg_dump), and check it',
    )
    .requiredOption('--out <file>', 'where to write the backup')
    .action(async (flags: { out: string }, command: Command) => {
      console.log(describe(await backupDatabase(configFrom(command).databaseUrl, flags.out)));
    });

  program
    .command('restore')
    .description('replace the database with a backup of the same engine (stop the servers first)')
    .argument('<file>', 'a file written by caravan backup')
    .option('--force', 'replace a database that already holds tables')
    .action(async (file: string, flags: { force?: boolean }, command: Command) => {
      const report = await restoreDatabase(configFrom(command).databaseUrl, file, {
        force: flags.force ?? false,
      });
      console.log(`restored ${describe(report)}`);
    });
}

export function registerMigrateStoreCommand(program: Command): void {
  program
    .command('migrate-store')
    .description(
      'move a whole installation between stores, e.g. from SQLite to PostgreSQL (stop its servers first)',
    )
    .requiredOption('--from <url>', 'the store to read: sqlite:PATH or postgres://…')
    .requiredOption('--to <url>', 'an empty database to fill: postgres://… or sqlite:PATH')
    .action(async (flags: { from: string; to: string }) => {
      const source = openStore(flags.from);
      const target = openStore(flags.to);
      try {
        const report = await moveStore(source, target, rebuildDerivedTables, (name, rows) =>
          console.log(`  ${name.padEnd(32)} ${String(rows).padStart(10)} rows`),
        );
        const rows = report.tables.reduce((sum, t) => sum + t.rows, 0);
        console.log(
          `${source.location} → ${target.location}: ${report.tables.length} tables, ${rows} rows, counts checked; rebuilt ${report.rebuilt.join(', ')}`,
        );
      } finally {
        await source.close();
        await target.close();
      }
    });
}
