import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { runCaravan, startServer, type RunningServer } from './support/cli.ts';
import { activityXml, iatiDocument } from './support/iati-fixtures.ts';
import { startTestReplication } from './support/replica.ts';

const TOKEN = 'replica-test-admin-token-0123456789';

/** Pauses or resumes the replica's replay of the primary's changes. */
async function replay(url: string, action: 'pause' | 'resume'): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`select pg_wal_replay_${action}()`);
  } finally {
    await client.end();
  }
}

describe('two servers on a PostgreSQL primary with a streaming replica', () => {
  const replication = startTestReplication();
  const servers: RunningServer[] = [];
  afterAll(async () => {
    for (const server of servers) await server.stop();
    replication.destroy();
  });

  it('serve each other’s writes, read anonymously from the replica, and fall back without it', async () => {
    const env = {
      DATABASE_URL: replication.primaryUrl,
      DATABASE_REPLICA_URL: replication.replicaUrl,
      ADMIN_TOKEN: TOKEN,
    };
    expect(
      (await runCaravan(['db', 'migrate'], { DATABASE_URL: replication.primaryUrl })).code,
    ).toBe(0);
    const [a, b] = [await startServer(env), await startServer(env)];
    servers.push(a, b);
    const admin = { authorization: `Bearer ${TOKEN}` };
    const upload = (server: RunningServer, id: string) =>
      fetch(`${server.baseUrl}/api/imports?name=${id}.xml`, {
        method: 'POST',
        headers: { ...admin, 'content-type': 'application/xml' },
        body: iatiDocument([activityXml({ id })]),
      });

    // Written through one server, read anonymously through the other once replicated.
    expect((await upload(a, 'XM-REPLICA-1')).status).toBe(201);
    let seen = 0;
    for (let i = 0; i < 100 && seen !== 200; i++) {
      seen = (await fetch(`${b.baseUrl}/api/activities/XM-REPLICA-1`)).status;
      if (seen !== 200) await sleep(100);
    }
    expect(seen).toBe(200);

    // With replay paused the replica lags: anonymous readers see it, the writer does not.
    await replay(replication.replicaUrl, 'pause');
    expect((await upload(b, 'XM-REPLICA-2')).status).toBe(201);
    expect((await fetch(`${a.baseUrl}/api/activities/XM-REPLICA-2`)).status).toBe(404);
    expect(
      (await fetch(`${a.baseUrl}/api/activities/XM-REPLICA-2`, { headers: admin })).status,
    ).toBe(200);
    await replay(replication.replicaUrl, 'resume');

    // Without the replica, anonymous reads fall back to the primary.
    replication.stopReplica();
    const fallback = await fetch(`${b.baseUrl}/api/activities/XM-REPLICA-2`);
    expect(fallback.status).toBe(200);
    expect((await fetch(`${a.baseUrl}/api/activities`)).status).toBe(200);
  }, 120_000);
});
