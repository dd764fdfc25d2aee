import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { setFlagsFromString } from 'node:v8';
import {
  importIati,
  type FileSummary,
  type ImportProgress,
  type ImportSummary,
} from '../iati/import.service.ts';
import { expandSources, type ImportSource } from '../iati/sources.ts';
import { cliActor } from './audit.ts';
import { withStore } from './context.ts';

interface ImportFlags {
  json?: boolean;
  dryRun?: boolean;
}

const MB = 1024 * 1024;
const SHOWN_ERRORS = 20;

/**
 * V8 sizes a heap for the machine: on one with much memory it lets a busy thread's young
 * generation grow from 32 MB to 128 MB and its old generation to several times what is live.
 * A long import reaches both; neither saves it more than a few collections. These flags are read
 * whenever V8 considers resizing, so setting them now keeps the young generation at the size it
 * has (and starts the parsing thread's at its full 16 MB) and lets the old one grow by half
 * what is live: peak RSS on a 1 GB file about 290 MB instead of 330 MB (README, Benchmarks).
 * The import command ends the process, so nothing else depends on them.
 */
function sizeHeapsForImport(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
  setFlagsFromString('--min-semi-space-size=8');
  setFlagsFromString('--heap-growing-percent=50');
}

/** A progress bar on a terminal: bytes, activities, activities/s and the time left. */
function terminalProgress(sources: readonly ImportSource[]) {
  const totalBytes = sources.reduce((sum, s) => sum + (s.size ?? 0), 0);
  const bar = new cliProgress.SingleBar(
    {
      format:
        '{bar} {percentage}% | {done}/{size} MB | {activities} activities | {rate}/s | ETA {eta_formatted}',
      hideCursor: true,
      etaBuffer: 50,
      stream: process.stderr,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  let finishedBytes = 0;
  let finishedActivities = 0;
  bar.start(Math.max(totalBytes, 1), 0, { done: '0.0', size: (totalBytes / MB).toFixed(1) });
  return {
    update(progress: ImportProgress) {
      const bytes = finishedBytes + progress.bytes;
      const activities = finishedActivities + progress.activities;
      const seconds = (Date.now() - started) / 1000;
      bar.update(Math.min(bytes, totalBytes), {
        done: (bytes / MB).toFixed(1),
        activities,
        rate: seconds > 0 ? Math.round(activities / seconds) : 0,
      });
    },
    fileDone(file: FileSummary, source: ImportSource | undefined) {
      finishedBytes += source?.size ?? 0;
      finishedActivities += file.activities;
    },
    stop: () => bar.stop(),
  };
}

function describeFile(file: FileSummary): string {
  if (file.refused) return `${file.path}: refused — ${file.errors.join('; ')}`;
  const legacy = file.legacy ? ` (version ${file.version ?? '1.x'}: best-effort mapping)` : '';
  const unpriced = file.unpriced ? `, ${file.unpriced} values without an exchange rate` : '';
  return (
    `${file.path}: ${file.activities} activities — ${file.imported} imported, ` +
    `${file.unchanged} unchanged, ${file.replaced} replaced, ${file.rejected} rejected` +
    `${unpriced}${legacy}`
  );
}

function printSummary(summary: ImportSummary, out: NodeJS.WriteStream): void {
  const t = summary.totals;
  out.write(
    `${summary.dryRun ? 'dry run, nothing stored: ' : ''}${t.files} file(s), ${t.activities} activities — ` +
      `${t.imported} imported, ${t.unchanged} unchanged, ${t.replaced} replaced, ` +
      `${t.rejected} rejected${t.refused ? `; ${t.refused} file(s) refused` : ''}\n`,
  );
}

export function registerImportCommand(program: Command): void {
  const imports = program.command('import').description('import data');

  imports
    .command('iati')
    .description('import IATI activity files: files, folders (recursively), .gz, or - for stdin')
    .argument('<paths...>', 'files, folders or -')
    .option('--json', 'print a machine-readable summary on standard output')
    .option('--dry-run', 'validate and count without storing anything')
    .action((paths: string[], flags: ImportFlags, command: Command) =>
      withStore(command, async (store) => {
        sizeHeapsForImport();
        const sources: ImportSource[] = [];
        for await (const source of expandSources(paths)) sources.push(source);
        const human = flags.json ? process.stderr : process.stdout;
        const bar = process.stderr.isTTY ? terminalProgress(sources) : null;
        const byPath = new Map(sources.map((s) => [s.path, s]));

        const summary = await importIati(store.db, sources, {
          dryRun: flags.dryRun ?? false,
          label: paths.join(' '),
          actor: cliActor(),
          origin: 'cli',
          onProgress: (progress) => bar?.update(progress),
          onFile: (file) => {
            bar?.fileDone(file, byPath.get(file.path));
            if (!bar) human.write(`${describeFile(file)}\n`);
          },
        });
        bar?.stop();
        if (bar) for (const file of summary.files) human.write(`${describeFile(file)}\n`);
        for (const file of summary.files) {
          if (file.refused) continue;
          for (const error of file.errors.slice(0, SHOWN_ERRORS))
            human.write(`  rejected: ${error}\n`);
          const more = file.errors.length - SHOWN_ERRORS;
          if (more > 0) human.write(`  … and ${more} more reasons (--json lists them all)\n`);
        }
        printSummary(summary, human);
        if (flags.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
        if (summary.totals.refused > 0) process.exitCode = 1;
      }),
    );
}
