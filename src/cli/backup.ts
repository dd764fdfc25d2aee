import type { Command } from 'commander';
import { backupDatabase, restoreDatabase, type BackupReport } from '../db/backup.ts';
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
