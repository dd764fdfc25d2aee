import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A throwaway PostgreSQL server in a temporary folder, listening only on a unix socket. */
export interface TestPostgres {
  /** A URL for the given database on this server (default `postgres`). */
  url(database?: string): string;
  socketDir: string;
  start(): void;
  stop(): void;
  destroy(): void;
}

export function postgresBinDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((name) => existsSync(join(root, name, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0) {
    throw new Error(`No PostgreSQL server under ${root}/*/bin: apt-get install -y postgresql`);
  }
  return join(root, versions[0]!, 'bin');
}

export const isRoot = process.getuid?.() === 0;

/** PostgreSQL refuses to run as root, so as root it runs as the `postgres` system user. */
export function run(bin: string, args: string[]): void {
  const [command, argv] = isRoot
    ? ['runuser', ['-u', 'postgres', '--', bin, ...args]]
    : [bin, args];
  execFileSync(command, argv, { stdio: 'pipe' });
}

export function postgresUid(): { uid: number; gid: number } {
  const line = execFileSync('getent', ['passwd', 'postgres'], { encoding: 'utf8' });
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

export function startTestPostgres(): TestPostgres {
  const bin = postgresBinDir();
  const dir = mkdtempSync(join(tmpdir(), 'caravan-pg-'));
  if (isRoot) {
    const { uid, gid } = postgresUid();
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  const user = 'caravan';
  run(join(bin, 'initdb'), ['-D', data, '-U', user, '-A', 'trust', '--no-sync', '-E', 'UTF8']);
  const options = [
    `-k ${dir}`,
    "-c listen_addresses=''",
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    '-c max_connections=200',
  ].join(' ');

  const server: TestPostgres = {
    socketDir: dir,
    url: (database = 'postgres') =>
      `postgres://${user}@localhost/${database}?host=${encodeURIComponent(dir)}`,
    start: () =>
      run(join(bin, 'pg_ctl'), ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', 'start']),
    stop: () => run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']),
    destroy: () => {
      try {
        server.stop();
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  try {
    server.start();
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return server;
}
