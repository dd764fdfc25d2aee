import { readFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import { isCalendarDate } from '../calendar.ts';
import { importSharesCsv } from '../climate/climate-import.service.ts';
import { climateFinance } from '../climate/climate-finance.service.ts';
import { listShares, removeShares, setShares } from '../climate/climate-share.service.ts';
import {
  CLIMATE_MEASURES,
  ClimateQuerySchema,
  type ClimateAmounts,
  type ClimateAnswer,
} from '../climate/climate.schema.ts';
import { climatePipeline, type ClimatePipeline } from '../climate/pipeline.service.ts';
import { actingAs } from '../facility/caller.ts';
import { AppError } from '../errors.ts';
import { cliActor } from './audit.ts';
import { parseFlags, withStore } from './context.ts';

const json = (value: unknown) => console.log(JSON.stringify(value, null, 2));
const usd = (amount: string) =>
  `$${Number(amount).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const secretariat = () => ({ ...actingAs(cliActor(), 'secretariat'), origin: 'cli' });

export function formatClimate(answer: ClimateAnswer): string {
  const lines = [
    `Climate finance, ${answer.measure}${answer.asOf ? ` to ${answer.asOf}` : ''} (US dollars; markers: principal ${answer.coefficients.principal}%, significant ${answer.coefficients.significant}%)`,
    '',
  ];
  const head = (label: string) =>
    `${label.padEnd(24)}${'portfolio'.padStart(20)}${'markers'.padStart(20)}${'share'.padStart(8)}${'components'.padStart(20)}${'share'.padStart(8)}`;
  const line = (
    label: string,
    r: { portfolio: string; markers: ClimateAmounts; components: ClimateAmounts },
  ) =>
    `${label.padEnd(24)}${usd(r.portfolio).padStart(20)}${usd(r.markers.climate).padStart(20)}${`${r.markers.sharePercent}%`.padStart(8)}${usd(r.components.climate).padStart(20)}${`${r.components.sharePercent}%`.padStart(8)}`;
  lines.push(head(answer.by.join(' × ') || 'total'));
  if (answer.by.length > 0) {
    for (const row of answer.rows) {
      lines.push(line(answer.by.map((d) => String(row[d] as string | number)).join(' × '), row));
    }
  }
  lines.push(line('total', answer.total));
  const m = answer.total.markers;
  const c = answer.total.components;
  lines.push(
    '',
    `Markers:    mitigation ${usd(m.mitigation)}, adaptation ${usd(m.adaptation)} (of which disaster-risk reduction ${usd(m.drr)}), both ${usd(m.dual)}`,
    `Components: mitigation ${usd(c.mitigation)}, adaptation ${usd(c.adaptation)}, dual ${usd(c.dual)} (${c.activities} activities with shares)`,
  );
  return lines.join('\n');
}

export function formatPipeline(p: ClimatePipeline): string {
  const lines = [
    `The facility's climate pipeline${p.asOf ? ` as of ${p.asOf}` : ''}: ${p.totals.proposals} proposals, ` +
      `${usd(p.totals.climateInvestmentUsd)} of climate investment in ${usd(p.totals.investmentUsd)} prepared by ${usd(p.totals.grantUsd)} of grants`,
  ];
  for (const x of p.proposals) {
    const markers = Object.entries(x.markers)
      .filter(([, on]) => on)
      .map(([name]) => name)
      .join('+');
    lines.push(
      `  ${x.reference}  ${x.state.padEnd(15)} ${x.countries.join('+').padEnd(9)} ${`${x.sharePercent}%`.padStart(5)} ${markers.padEnd(24)} ${usd(x.climateInvestmentUsd).padStart(18)}  ${x.title.en}`,
    );
  }
  return lines.join('\n');
}

export function registerClimateCommands(program: Command): void {
  const climate = program
    .command('climate')
    .description('climate finance by IATI markers and by component shares; the facility pipeline');

  climate
    .command('finance')
    .description('climate finance in both views, with its share of the portfolio')
    .option('--by <dimensions>', 'group by country, cluster, partner and/or year (comma-separated)')
    .addOption(new Option('--measure <measure>', 'the flow').choices(CLIMATE_MEASURES))
    .option('--country <codes>', 'only these recipient countries (KZ,UZ or regional)')
    .option('--cluster <codes>', 'only these CAREC clusters (1–5)')
    .option('--partner <refs>', 'only these partners (organisation refs)')
    .option('--year-from <year>', 'from this year')
    .option('--year-to <year>', 'to this year')
    .option('--as-of <date>', 'only flows dated on or before this day (YYYY-MM-DD)')
    .option('--principal <percent>', 'share of an amount with a principal marker (default 100)')
    .option('--significant <percent>', 'share of an amount with a significant marker (default 40)')
    .option('--json', 'print the answer as JSON (as GET /api/climate)')
    .action(
      async (flags: Record<string, string | undefined> & { json?: boolean }, command: Command) => {
        const query = parseFlags(ClimateQuerySchema, {
          by: flags['by'],
          measure: flags['measure'],
          country: flags['country'],
          cluster: flags['cluster'],
          partner: flags['partner'],
          yearFrom: flags['yearFrom'],
          yearTo: flags['yearTo'],
          asOf: flags['asOf'],
          principal: flags['principal'],
          significant: flags['significant'],
        });
        await withStore(command, async (store) => {
          const answer = await climateFinance(store.db, query);
          if (flags.json) json(answer);
          else console.log(formatClimate(answer));
        });
      },
    );

  climate
    .command('pipeline')
    .description('the facility’s climate pipeline: approved proposals onwards with a climate share')
    .option('--as-of <date>', 'states and grants as of this day (YYYY-MM-DD)')
    .option('--json', 'print as JSON (as GET /api/climate/pipeline)')
    .action(async (flags: { asOf?: string; json?: boolean }, command: Command) => {
      if (flags.asOf && !isCalendarDate(flags.asOf))
        throw new AppError('bad_request', '--as-of: a date YYYY-MM-DD');
      await withStore(command, async (store) => {
        const pipeline = await climatePipeline(store.db, flags.asOf ?? null);
        if (flags.json) json(pipeline);
        else console.log(formatPipeline(pipeline));
      });
    });

  climate
    .command('shares')
    .description('list the component climate shares recorded per activity')
    .option('--json', 'print as JSON')
    .action(async (flags: { json?: boolean }, command: Command) => {
      await withStore(command, async (store) => {
        const activities = await listShares(store.db);
        if (flags.json) return json(activities);
        for (const a of activities) {
          console.log(`${a.iatiIdentifier}  (${a.source}, ${a.assessedOn})`);
          for (const c of a.components) {
            console.log(
              `  ${(c.component || 'whole activity').padEnd(40)} ${c.componentPercent.padStart(6)}% of the activity: mitigation ${c.mitigationPercent}%, adaptation ${c.adaptationPercent}%, dual ${c.dualPercent}%`,
            );
          }
        }
      });
    });

  climate
    .command('set')
    .description('record an activity’s climate shares as a whole (replaces its components)')
    .argument('<iati-identifier>', 'the activity')
    .requiredOption('--mitigation <percent>', 'mitigation-only share')
    .requiredOption('--adaptation <percent>', 'adaptation-only share')
    .option('--dual <percent>', 'share serving both', '0')
    .requiredOption('--source <text>', 'where the shares come from')
    .requiredOption('--date <date>', 'when they were assessed (YYYY-MM-DD)')
    .action(
      async (
        identifier: string,
        flags: {
          mitigation: string;
          adaptation: string;
          dual: string;
          source: string;
          date: string;
        },
        command: Command,
      ) => {
        await withStore(command, async (store) => {
          const { outcome } = await setShares(store.db, secretariat(), identifier, {
            source: flags.source,
            assessedOn: flags.date,
            components: [
              {
                mitigationPercent: flags.mitigation,
                adaptationPercent: flags.adaptation,
                dualPercent: flags.dual,
              },
            ],
          });
          console.log(`${identifier}: ${outcome}`);
        });
      },
    );

  climate
    .command('remove')
    .description('remove an activity’s climate shares')
    .argument('<iati-identifier>', 'the activity')
    .action(async (identifier: string, _flags: unknown, command: Command) => {
      await withStore(command, async (store) => {
        await removeShares(store.db, secretariat(), identifier);
        console.log(`${identifier}: removed`);
      });
    });

  climate
    .command('import')
    .description(
      'import climate shares from CSV: iati_identifier,component,component_percent,mitigation_percent,adaptation_percent,dual_percent,source,assessed_on',
    )
    .argument('<file>', 'CSV file')
    .option('--dry-run', 'check the file and report without storing anything')
    .option('--json', 'print the outcome of each activity as JSON')
    .action(async (file: string, flags: { dryRun?: boolean; json?: boolean }, command: Command) => {
      const text = await readFile(file, 'utf8');
      await withStore(command, async (store) => {
        const results = await importSharesCsv(store.db, secretariat(), text, file, {
          dryRun: flags.dryRun ?? false,
        });
        if (flags.json) return json(results);
        for (const r of results) {
          console.log(`${r.iatiIdentifier}: ${r.outcome}`);
          for (const error of r.errors ?? []) console.log(`  ${error}`);
        }
        const rejected = results.filter((r) => r.outcome === 'rejected').length;
        console.log(
          `${file}: ${results.length} activities, ${rejected} rejected${flags.dryRun ? ' (dry run: nothing stored)' : ''}`,
        );
        if (rejected > 0) process.exitCode = 1;
      });
    });
}
