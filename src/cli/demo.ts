import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Option, type Command } from 'commander';
import { migrateToLatest } from '../db/migrate.ts';
import { iatiDocument } from '../iati/export/index.ts';
import type { ActivityInput } from '../portfolio/activity.model.ts';
import { loadDemoPortfolio } from '../portfolio/demo.service.ts';
import { generateDemoPortfolio } from '../portfolio/demo/generate.ts';
import { syncReferenceData } from '../reference/reference.repository.ts';
import { loadDemoAccounts } from '../accounts/demo-accounts.ts';
import { appendAudit } from '../accounts/audit.service.ts';
import { cliActor } from './audit.ts';
import { AppError } from '../errors.ts';
import { withStore } from './context.ts';
import { loadDemoFacility } from '../facility/demo.ts';
import { loadRules } from '../facility/rules.ts';
import { loadDemoClimateShares } from '../climate/demo.ts';
import { loadDemoResults } from '../results/demo.ts';

/** One IATI file per reporting organisation, as partners publish them. */
async function writeDemoIati(folder: string): Promise<string[]> {
  const byPublisher = new Map<string, ActivityInput[]>();
  for (const activity of generateDemoPortfolio()) {
    const ref = activity.reportingOrg.ref;
    byPublisher.set(ref, [...(byPublisher.get(ref) ?? []), activity]);
  }
  await mkdir(folder, { recursive: true });
  const written: string[] = [];
  for (const [ref, activities] of [...byPublisher].sort(([a], [b]) => a.localeCompare(b))) {
    const path = join(folder, `${ref.replace(/[^A-Za-z0-9-]+/g, '_')}.xml`);
    const document = iatiDocument(activities, { generatedAt: '2025-06-30T00:00:00Z' });
    await pipeline(Readable.from(document), createWriteStream(path));
    written.push(`${path} (${activities.length} activities)`);
  }
  return written;
}

export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description(
      'load the demonstration CAREC portfolio (seeded, idempotent; labelled as demo data)',
    )
    .option(
      '--write-iati <dir>',
      'write the demo portfolio as IATI 2.03 files instead of loading it',
    )
    .addOption(
      new Option(
        '--password <password>',
        'one password for every demo account (default: generated, shown once)',
      ).env('CARAVAN_DEMO_PASSWORD'),
    )
    .action(async (flags: { writeIati?: string; password?: string }, command: Command) => {
      if (flags.writeIati) {
        for (const line of await writeDemoIati(flags.writeIati)) console.log(line);
        return;
      }
      await withStore(
        command,
        async (store, config) => {
          await migrateToLatest(store.db);
          await syncReferenceData(store.db);
          const counts = await loadDemoPortfolio(store.db, cliActor());
          const total = counts.imported + counts.unchanged + counts.replaced;
          console.log(
            `${store.location}: demo portfolio of ${total} activities ` +
              `(${counts.imported} imported, ${counts.replaced} replaced, ${counts.unchanged} unchanged)`,
          );
          const accounts = await store.db
            .transaction()
            .execute(async (trx) => {
              const loaded = await loadDemoAccounts(trx, flags.password);
              for (const account of loaded.filter((a) => a.created)) {
                await appendAudit(trx, {
                  actor: cliActor(),
                  action: 'user.add',
                  targetType: 'user',
                  targetId: account.email,
                  after: { email: account.email, roles: account.role, demo: true },
                  origin: 'cli',
                });
              }
              return loaded;
            })
            .catch((error: unknown) => {
              // An installation with real data keeps its portfolio demo but gets no demo accounts.
              if (error instanceof AppError && error.code === 'conflict') {
                console.log(`demo accounts not added: ${error.message}`);
                return [];
              }
              throw error;
            });
          const created = accounts.filter((a) => a.created);
          if (created.length > 0) {
            console.log('demo accounts (passwords are shown this once):');
            for (const a of created) {
              console.log(
                `  ${a.email.padEnd(40)} ${a.role.padEnd(28)} ${a.password ?? '(the --password given)'}`,
              );
            }
          } else {
            console.log(
              `demo accounts: ${accounts.length} already present (caravan user reset EMAIL gives a new password)`,
            );
          }
          // The fund's ledger is real money, and a results framework is the programme's own: demo
          // ones only where the demo lives.
          if (accounts.length === 0) {
            console.log(
              'demo facility, climate shares and results framework not set up: this installation has real users',
            );
            return;
          }
          const shares = await loadDemoClimateShares(store.db, cliActor());
          console.log(
            shares > 0
              ? `demo climate shares: ${shares} marked demo projects given component shares`
              : 'demo climate shares: already recorded, nothing added',
          );
          const results = await loadDemoResults(store.db, cliActor());
          console.log(
            results.loaded
              ? `demo results framework: ${results.indicators} indicators, ${results.values} recorded values`
              : 'demo results framework: already set up, nothing added',
          );
          const facility = await loadDemoFacility(store.db, loadRules(config.facilityRulesFile));
          console.log(
            facility.loaded
              ? `demo facility: contributions as signed and ${facility.proposals} demo proposals in every state`
              : 'demo facility: already set up (or the facility has data), nothing added',
          );
        },
        { anySchema: true },
      );
    });
}
