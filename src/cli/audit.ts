import { userInfo } from 'node:os';
import { InvalidArgumentError, type Command } from 'commander';
import { AuditListQuerySchema } from '../accounts/audit.schema.ts';
import { lastAuditEntry } from '../accounts/audit.repository.ts';
import { listAuditEntries, verifyAuditChain, type AuditHead } from '../accounts/audit.service.ts';
import { withStore } from './context.ts';

/** The actor of a change made from the command line: `cli:<os user>`. */
export function cliActor(): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    // A container may run under a uid with no passwd entry.
    return `cli:${process.env.USER ?? `uid ${process.getuid?.() ?? '?'}`}`;
  }
}

function parseLimit(value: string): number {
  const parsed = AuditListQuerySchema.shape.limit.safeParse(value);
  if (!parsed.success) throw new InvalidArgumentError('a whole number from 1 to 1000');
  return parsed.data;
}

function parseHead(value: string): AuditHead {
  const match = /^(\d{1,15}):([0-9a-f]{64})$/.exec(value.trim());
  if (!match) throw new InvalidArgumentError('ID:HASH, as `caravan audit verify` prints its head');
  return { id: Number(match[1]), hash: match[2]! };
}

export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('check and read the hash-chained audit log');

  audit
    .command('verify')
    .description('recompute the hash chain; name the first edited, deleted or reordered entry')
    .option(
      '--head <id:hash>',
      'an entry printed by an earlier verify, kept outside the database: fail unless the chain still holds it',
      parseHead,
    )
    .action((flags: { head?: AuditHead }, command: Command) =>
      withStore(command, async (store) => {
        const result = await verifyAuditChain(store.db, flags.head ? { head: flags.head } : {});
        if (result.ok) {
          console.log(`audit chain intact: ${result.entries} ${plural(result.entries)}`);
          const last = await lastAuditEntry(store.db);
          if (last) {
            console.log(
              `head: ${last.id}:${last.hash} (keep it outside the database, and give it back ` +
                'with --head: entries deleted from the end leave no other trace)',
            );
          }
          return;
        }
        console.error(`audit chain broken at entry ${result.firstBadId}: ${result.reason}`);
        process.exitCode = 1;
      }),
    );

  audit
    .command('list')
    .description('show the latest entries, newest first')
    .option('--limit <n>', 'how many entries (1–1000)', parseLimit, 50)
    .option('--json', 'print JSON, with before and after')
    .action((flags: { limit: number; json?: boolean }, command: Command) =>
      withStore(command, async (store) => {
        const entries = await listAuditEntries(store.db, { limit: flags.limit });
        if (flags.json) {
          console.log(JSON.stringify(entries, null, 2));
          return;
        }
        for (const e of entries) {
          console.log(
            `${e.id}  ${e.at}  ${e.actor}  ${e.action}  ${e.targetType}:${e.targetId}  ${e.origin}`,
          );
        }
        if (entries.length === 0) console.log('the audit log is empty');
      }),
    );
}

function plural(count: number): string {
  return count === 1 ? 'entry' : 'entries';
}
