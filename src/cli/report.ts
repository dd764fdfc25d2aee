import { writeFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import { AppError } from '../errors.ts';
import { actingAs } from '../facility/caller.ts';
import { LANGUAGES, type Lang } from '../reports/ministerial/i18n.ts';
import {
  FORMATS,
  ministerialReport,
  type ReportFormat,
} from '../reports/ministerial/ministerial.service.ts';
import { cliActor } from './audit.ts';
import { withStore } from './context.ts';

export function registerReportCommands(program: Command): void {
  const report = program.command('report').description('reports for the programme’s meetings');

  report
    .command('ministerial')
    .description(
      'the Ministerial Conference report: portfolio, new approvals, the facility, climate finance, results, decisions, sources',
    )
    .requiredOption('--year <year>', 'the conference’s year, e.g. 2024')
    .addOption(new Option('--lang <lang>', 'language').choices(LANGUAGES).default('en'))
    .addOption(new Option('--format <format>', 'output').choices(FORMATS).default('html'))
    .option(
      '--as-of <date>',
      'figures as of this day (default: the year’s last day, or yesterday while the year runs)',
    )
    .option('--out <file>', 'write here instead of standard output')
    .option('--fresh', 'take a new snapshot even when one exists for the year and day')
    .action(
      async (
        flags: {
          year: string;
          lang: Lang;
          format: ReportFormat;
          asOf?: string;
          out?: string;
          fresh?: boolean;
        },
        command: Command,
      ) => {
        if (!/^\d{4}$/.test(flags.year))
          throw new AppError('bad_request', '--year: a year such as 2024');
        await withStore(command, async (store) => {
          const name = cliActor();
          // A new snapshot is stored only once the report is written: one that cannot be
          // rendered or written leaves no snapshot and no audit entry behind.
          const rendered = await ministerialReport(store.db, {
            year: Number(flags.year),
            lang: flags.lang,
            format: flags.format,
            asOf: flags.asOf,
            freeze: { actor: actingAs(name, 'secretariat').actor, name, origin: 'cli' },
            fresh: flags.fresh ?? false,
            deferFreeze: true,
          });
          if (flags.out) await writeFile(flags.out, rendered.body);
          else process.stdout.write(rendered.body);
          await rendered.figures.keep?.();
          const { snapshot, data } = rendered.figures;
          console.error(
            snapshot
              ? `caravan: report ${data.year} as of ${data.asOf} from snapshot ${snapshot.id.slice(0, 12)} taken ${snapshot.takenAt}`
              : `caravan: report ${data.year} as of ${data.asOf} from live figures (the day has not ended: not frozen)`,
          );
        });
      },
    );
}
