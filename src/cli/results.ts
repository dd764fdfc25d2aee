import { readFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import { isCalendarDate } from '../calendar.ts';
import { AppError } from '../errors.ts';
import { actingAs } from '../facility/caller.ts';
import { countryByIso2 } from '../reference/index.ts';
import { VALUE_KINDS, type ValueKind } from '../results/indicator.model.ts';
import {
  defineIndicator,
  listIndicators,
  listValues,
  recordValue,
  removeValue,
} from '../results/indicator.service.ts';
import { scorecard, type Scorecard, type ScorecardEntry } from '../results/scorecard.service.ts';
import { cliActor } from './audit.ts';
import { withStore } from './context.ts';

const json = (value: unknown) => console.log(JSON.stringify(value, null, 2));
const secretariat = () => ({ ...actingAs(cliActor(), 'secretariat'), origin: 'cli' });

function parseYear(text: string, flag: string): number {
  if (!/^\d{4}$/.test(text)) throw new AppError('bad_request', `${flag}: a year such as 2024`);
  return Number(text);
}

const STATUS_LABEL = {
  on_track: 'on track',
  at_risk: 'at risk',
  off_track: 'off track',
  no_data: 'no data',
} as const;

export function formatScorecard(card: Scorecard): string {
  const lines = [
    `Results scorecard ${card.year}${card.asOf ? ` as of ${card.asOf}` : ''} (on track ≥ ${card.rule.onTrack * 100}% of the targeted change, at risk ≥ ${card.rule.atRisk * 100}%)`,
  ];
  const show = (e: ScorecardEntry) => {
    const v = (p: ScorecardEntry['baseline']) => (p ? `${p.value} (${p.year}, ${p.source})` : '–');
    const name = e.country === 'CAREC' ? 'CAREC' : (countryByIso2(e.country)?.nameEn ?? e.country);
    return `  ${name.padEnd(20)} baseline ${v(e.baseline)}; target ${v(e.target)}; actual ${v(e.actual)}; ${STATUS_LABEL[e.status]}${e.progress === null ? '' : ` (${Math.round(e.progress * 100)}%)`}`;
  };
  for (const i of card.indicators) {
    lines.push('', `${i.code}  ${i.name.en} (${i.unit.en}, ${i.direction} is better)`);
    lines.push(show(i.programme));
    for (const c of i.countries) if (c.status !== 'no_data') lines.push(show(c));
  }
  return lines.join('\n');
}

export function registerResultsCommands(program: Command): void {
  const results = program
    .command('results')
    .description('the results framework: indicators, baselines, targets, actuals, the scorecard');

  results
    .command('indicators')
    .description('list the indicators with their IATI mappings')
    .option('--json', 'print as JSON')
    .action(async (flags: { json?: boolean }, command: Command) => {
      await withStore(command, async (store) => {
        const indicators = await listIndicators(store.db);
        if (flags.json) return json(indicators);
        for (const i of indicators) {
          console.log(
            `${i.code.padEnd(16)} ${i.name.en} (${i.unit.en}; cluster ${i.cluster ?? 'cross-cutting'}; ${i.direction} is better; ${i.aggregation === 'sum' ? 'derived from projects' : 'recorded'})${i.demo ? ' [demo]' : ''}`,
          );
        }
      });
    });

  results
    .command('define')
    .description('define an indicator (or replace it) from a JSON file shaped as the API body')
    .argument('<code>', 'the indicator code, e.g. ROAD-KM')
    .argument(
      '<file>',
      'JSON: name, unit, cluster, direction, aggregation, baselineYear, decimals, mappings',
    )
    .action(async (code: string, file: string, _flags: unknown, command: Command) => {
      let body: unknown;
      try {
        body = JSON.parse(await readFile(file, 'utf8'));
      } catch (error) {
        throw new AppError('bad_request', `${file}: not JSON (${(error as Error).message})`);
      }
      await withStore(command, async (store) => {
        const indicator = await defineIndicator(store.db, secretariat(), code, body);
        console.log(`${indicator.code}: defined, ${indicator.mappings.length} mappings`);
      });
    });

  results
    .command('record')
    .description('record a baseline, target or actual for a member (or CAREC) and a year')
    .requiredOption('--indicator <code>', 'the indicator')
    .requiredOption('--country <code>', 'a member (ISO alpha-2) or CAREC')
    .requiredOption('--year <year>', 'the year')
    .addOption(new Option('--kind <kind>', 'what it is').choices(VALUE_KINDS).makeOptionMandatory())
    .requiredOption('--value <decimal>', 'the value')
    .option('--note <text>', 'where it comes from')
    .action(
      async (
        flags: {
          indicator: string;
          country: string;
          year: string;
          kind: ValueKind;
          value: string;
          note?: string;
        },
        command: Command,
      ) => {
        await withStore(command, async (store) => {
          const v = await recordValue(store.db, secretariat(), {
            indicator: flags.indicator,
            country: flags.country,
            year: parseYear(flags.year, '--year'),
            kind: flags.kind,
            value: flags.value,
            ...(flags.note ? { note: flags.note } : {}),
          });
          console.log(`${v.indicator} ${v.country} ${v.year} ${v.kind}: ${v.value}`);
        });
      },
    );

  results
    .command('remove')
    .description('remove a recorded value')
    .requiredOption('--indicator <code>', 'the indicator')
    .requiredOption('--country <code>', 'a member (ISO alpha-2) or CAREC')
    .requiredOption('--year <year>', 'the year')
    .addOption(new Option('--kind <kind>', 'what it is').choices(VALUE_KINDS).makeOptionMandatory())
    .action(
      async (
        flags: { indicator: string; country: string; year: string; kind: ValueKind },
        command: Command,
      ) => {
        await withStore(command, async (store) => {
          const key = {
            indicator: flags.indicator,
            country: flags.country.toUpperCase(),
            year: parseYear(flags.year, '--year'),
            kind: flags.kind,
          };
          await removeValue(store.db, secretariat(), key);
          console.log(`${key.indicator} ${key.country} ${key.year} ${key.kind}: removed`);
        });
      },
    );

  results
    .command('values')
    .description('list recorded values')
    .option('--indicator <code>', 'only this indicator')
    .option('--country <code>', 'only this member (or CAREC)')
    .option('--json', 'print as JSON')
    .action(
      async (flags: { indicator?: string; country?: string; json?: boolean }, command: Command) => {
        await withStore(command, async (store) => {
          const values = await listValues(store.db, {
            ...(flags.indicator ? { indicator: flags.indicator } : {}),
            ...(flags.country ? { country: flags.country.toUpperCase() } : {}),
          });
          if (flags.json) return json(values);
          for (const v of values) {
            console.log(
              `${v.indicator.padEnd(16)} ${v.country.padEnd(6)} ${v.year} ${v.kind.padEnd(8)} ${v.value.padStart(14)}  ${v.note ?? ''}`,
            );
          }
        });
      },
    );

  results
    .command('scorecard')
    .description('baseline, target, actual and progress status per indicator and member for a year')
    .requiredOption('--year <year>', 'the year')
    .option('--as-of <date>', 'only results reported by this day (YYYY-MM-DD)')
    .option('--indicator <code>', 'only this indicator')
    .option('--json', 'print as JSON (as GET /api/results/scorecard)')
    .action(
      async (
        flags: { year: string; asOf?: string; indicator?: string; json?: boolean },
        command: Command,
      ) => {
        if (flags.asOf && !isCalendarDate(flags.asOf))
          throw new AppError('bad_request', '--as-of: a date YYYY-MM-DD');
        await withStore(command, async (store) => {
          const card = await scorecard(store.db, {
            year: parseYear(flags.year, '--year'),
            asOf: flags.asOf ?? null,
            ...(flags.indicator ? { indicator: flags.indicator } : {}),
          });
          if (flags.json) json(card);
          else console.log(formatScorecard(card));
        });
      },
    );
}
