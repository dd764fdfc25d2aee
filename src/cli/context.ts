import type { Command } from 'commander';
import { ConfigError, loadConfig, type Config } from '../config.ts';
import { openStore, type Store } from '../db/database.ts';
import { pendingMigrations } from '../db/migrate.ts';
import type { z } from 'zod';
import { AppError } from '../errors.ts';

/** Flags that every command accepts, each with the environment variable it overrides. */
export interface GlobalFlags {
  databaseUrl?: string;
  logLevel?: string;
}

export function configFrom(
  command: Command,
  extra: Record<string, string | undefined> = {},
): Config {
  const flags = command.optsWithGlobals<GlobalFlags>();
  return loadConfig({
    ...process.env,
    ...(flags.databaseUrl ? { DATABASE_URL: flags.databaseUrl } : {}),
    ...(flags.logLevel ? { LOG_LEVEL: flags.logLevel } : {}),
    ...Object.fromEntries(Object.entries(extra).filter(([, value]) => value !== undefined)),
  });
}

/**
 * Runs a command body against the configured store and always closes it. The schema must be
 * migrated first, unless the command migrates it itself (`anySchema`): otherwise the first
 * query would fail with the database's own "no such table".
 */
export async function withStore<T>(
  command: Command,
  body: (store: Store, config: Config) => Promise<T>,
  { anySchema = false }: { anySchema?: boolean } = {},
): Promise<T> {
  const config = configFrom(command);
  const store = openStore(config.databaseUrl);
  try {
    if (!anySchema) await requireMigrated(store);
    return await body(store, config);
  } finally {
    await store.close();
  }
}

async function requireMigrated(store: Store): Promise<void> {
  const pending = await pendingMigrations(store.db);
  if (pending.length === 0) return;
  const count = pending.length === 1 ? '1 migration' : `${pending.length} migrations`;
  throw new AppError(
    'unavailable',
    `the database ${store.location} is ${count} behind this version of Caravan: ` +
      'run `caravan db migrate` first',
  );
}

/** `yearFrom` as the flag a user typed: `--year-from` (and `--country` for its second code). */
function flagName(path: readonly PropertyKey[]): string {
  const name = path.filter((part) => typeof part === 'string').join('.');
  return `--${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
}

/**
 * Parses a command's flags with the API's own schema, so that both refuse the same input with
 * the same words; a refusal names the flag (`--year-from: …`) instead of dumping the schema's
 * error. Flags left unset are left out.
 */
export function parseFlags<S extends z.ZodType>(schema: S, flags: object): z.output<S> {
  const given = Object.fromEntries(Object.entries(flags).filter(([, v]) => v !== undefined));
  const parsed = schema.safeParse(given);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const where = issue.path.length > 0 ? `${flagName(issue.path)}: ` : '';
  throw new AppError('bad_request', `${where}${issue.message}`);
}

/** A failure the user can act on prints one clear line; anything else keeps its stack. */
export function reportFailure(error: unknown): never {
  // A reader that stops early (`caravan export csv | head`) is not a failure.
  if (error instanceof Error && 'code' in error && error.code === 'EPIPE') process.exit(0);
  if (error instanceof ConfigError || error instanceof AppError) {
    console.error(`caravan: ${error.message}`);
  } else if (error instanceof Error && 'code' in error && typeof error.code === 'string') {
    console.error(`caravan: ${error.message} (${error.code})`);
  } else {
    console.error(error);
  }
  process.exit(1);
}
