import type { Kysely } from 'kysely';
import { Migrator, type Migration } from 'kysely/migration';
import { AppError } from '../errors.ts';
import { MIGRATIONS } from './migrations/index.ts';

export interface MigrationState {
  name: string;
  executedAt: string | null;
}

function migrator<T>(db: Kysely<T>, migrations: Readonly<Record<string, Migration>>): Migrator {
  return new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve({ ...migrations }) },
  });
}

/**
 * Applies every pending migration in one transaction, so a failure leaves the database
 * at the version it had. Returns the names applied (none when already up to date).
 */
export async function migrateToLatest<T>(
  db: Kysely<T>,
  migrations: Readonly<Record<string, Migration>> = MIGRATIONS,
): Promise<string[]> {
  const { error, results = [] } = await migrator(db, migrations).migrateToLatest();
  if (error) {
    const failed = results.find((result) => result.status === 'Error')?.migrationName;
    const reason = error instanceof Error ? error.message : 'unknown error';
    throw new AppError(
      'internal',
      `Migration ${failed ?? '(unknown)'} failed: ${reason}. The database is unchanged.`,
    );
  }
  return results.map((result) => result.migrationName);
}

export async function migrationStatus<T>(
  db: Kysely<T>,
  migrations: Readonly<Record<string, Migration>> = MIGRATIONS,
): Promise<MigrationState[]> {
  const known = await migrator(db, migrations).getMigrations();
  return known.map((migration) => ({
    name: migration.name,
    executedAt: migration.executedAt?.toISOString() ?? null,
  }));
}

/** The migrations this code has that the database has not committed, oldest first. */
export async function pendingMigrations<T>(
  db: Kysely<T>,
  migrations: Readonly<Record<string, Migration>> = MIGRATIONS,
): Promise<string[]> {
  const states = await migrationStatus(db, migrations);
  return states.filter((state) => !state.executedAt).map((state) => state.name);
}
