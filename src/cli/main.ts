import { Command, Option } from 'commander';
import { reportFailure } from './context.ts';
import { registerAuditCommands } from './audit.ts';
import { registerBackupCommands, registerMigrateStoreCommand } from './backup.ts';
import { registerClimateCommands } from './climate.ts';
import { registerResultsCommands } from './results.ts';
import { registerReportCommands } from './report.ts';
import { registerDbCommands } from './db.ts';
import { registerDemoCommand } from './demo.ts';
import { registerExportCommands } from './export.ts';
import { registerFacilityCommands } from './facility.ts';
import { registerFxCommands } from './fx.ts';
import { registerImportCommand } from './import.ts';
import { registerPortfolioCommands } from './portfolio.ts';
import { registerUserCommands } from './user.ts';
import { registerServeCommand } from './serve.ts';

const program = new Command('caravan')
  .description('Caravan: the CAREC Program information system')
  .addOption(
    new Option(
      '--database-url <url>',
      'sqlite:PATH or postgres://… (default sqlite:./data/caravan.db)',
    ).env('DATABASE_URL'),
  )
  .addOption(
    new Option('--log-level <level>', 'fatal|error|warn|info|debug|trace|silent').env('LOG_LEVEL'),
  )
  .showHelpAfterError();

registerDbCommands(program);
registerDemoCommand(program);
registerImportCommand(program);
registerFxCommands(program);
registerExportCommands(program);
registerPortfolioCommands(program);
registerUserCommands(program);
registerAuditCommands(program);
registerFacilityCommands(program);
registerBackupCommands(program);
registerMigrateStoreCommand(program);
registerClimateCommands(program);
registerResultsCommands(program);
registerReportCommands(program);
registerServeCommand(program);

await program.parseAsync(process.argv).catch(reportFailure);
