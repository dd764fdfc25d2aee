import { chownSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isRoot, postgresBinDir, postgresUid, run } from './postgres.ts';

/** A PostgreSQL primary and a streaming replica made by pg_basebackup, on unix sockets. */
export interface TestReplication {
  primaryUrl: string;
  replicaUrl: string;
  stopReplica(): void;
  destroy(): void;
}

const USER = 'caravan';
const url = (socketDir: string, port: number) =>
  `postgres://${USER}@localhost:${port}/postgres?host=${encodeURIComponent(socketDir)}`;

export function startTestReplication(): TestReplication {
  const bin = postgresBinDir();
  const root = mkdtempSync(join(tmpdir(), 'caravan-replication-'));
  const primary = join(root, 'primary');
  const replica = join(root, 'replica');
  for (const dir of [primary, replica]) mkdirSync(dir);
  if (isRoot) {
    const { uid, gid } = postgresUid();
    for (const dir of [root, primary, replica]) chownSync(dir, uid, gid);
  }
  const options = (socketDir: string, port: number) =>
    [
      `-k ${socketDir}`,
      `-p ${port}`,
      "-c listen_addresses=''",
      '-c wal_level=replica',
      '-c max_wal_senders=4',
      '-c hot_standby=on',
      '-c fsync=off',
      '-c max_connections=100',
    ].join(' ');
  const pgctl = (data: string, ...args: string[]) =>
    run(join(bin, 'pg_ctl'), ['-D', data, ...args]);
  const start = (name: string, port: number) =>
    pgctl(
      join(root, name, 'data'),
      '-o',
      options(join(root, name), port),
      '-l',
      join(root, name, 'log'),
      '-w',
      'start',
    );
  const stop = (name: string) => pgctl(join(root, name, 'data'), '-m', 'immediate', '-w', 'stop');

  // initdb's pg_hba.conf trusts local replication connections, as -A trust asks.
  run(join(bin, 'initdb'), [
    '-D',
    join(primary, 'data'),
    '-U',
    USER,
    '-A',
    'trust',
    '--no-sync',
    '-E',
    'UTF8',
  ]);
  start('primary', 5432);
  run(join(bin, 'pg_basebackup'), [
    '-D',
    join(replica, 'data'),
    '-h',
    primary,
    '-p',
    '5432',
    '-U',
    USER,
    '-R',
    '-X',
    'stream',
  ]);
  start('replica', 5433);

  let replicaRunning = true;
  return {
    primaryUrl: url(primary, 5432),
    replicaUrl: url(replica, 5433),
    stopReplica: () => {
      stop('replica');
      replicaRunning = false;
    },
    destroy: () => {
      for (const [name, running] of [
        ['replica', replicaRunning],
        ['primary', true],
      ] as const) {
        try {
          if (running) stop(name);
        } catch {
          // already stopped
        }
      }
      rmSync(root, { recursive: true, force: true });
    },
  };
}
