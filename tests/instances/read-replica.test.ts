// Reads that may go to the replica (DATABASE_READ_URL) go there only while it is current and
// the admin has not just written; otherwise, and while it is away, the primary serves. A second
// database stands in for the replica here (it is not in recovery, so its lag is 0) and tells
// apart where a read went; the cluster test (tests/cluster) runs a real streaming replica.
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, queryRows, setDatabase, type Database, type DatabaseHandle } from '@/db/client';
import { checkReplica, markOwnWrite, readDatabase, replicaState } from '@/db/read-replica';
import { GET as ready } from '@/app/api/health/ready/route';
import { getServiceHealth } from '@/lib/health/check-health';
import { serveMetrics } from '@/lib/metrics/metrics-endpoint';
import { instanceState } from '@/lib/server/instance-state';
import { createTestDatabase, serverUrl, type TestDatabase } from '../support/databases';
import { startTcpProxy } from '../support/tcp-proxy';

const nameOf = async (db: Database) => (await queryRows<{ name: string }>(db, sql`select current_database() as name`))[0]!.name;

describe.runIf(serverUrl)('reads with a replica', () => {
  let primary: TestDatabase;
  let standIn: TestDatabase;
  let handle: DatabaseHandle;
  const databaseName = (url: string) => new URL(url).pathname.slice(1);

  beforeAll(async () => {
    primary = await createTestDatabase('postgres');
    standIn = await createTestDatabase('postgres');
    handle = openDatabase({ driver: 'postgres', url: primary.url!, readUrl: standIn.url! });
  });
  afterEach(() => setDatabase(undefined));
  afterAll(async () => {
    await handle.close();
    await Promise.all([primary.drop(), standIn.drop()]);
  });

  it('go to the primary until the replica is measured, then to the replica', async () => {
    expect(replicaState(handle)).toEqual({ status: 'unknown' });
    expect(await nameOf(await readDatabase(handle))).toBe(databaseName(primary.url!));
    expect(await checkReplica(handle)).toEqual({ status: 'in use', lagSeconds: 0 });
    expect(await nameOf(await readDatabase(handle))).toBe(databaseName(standIn.url!));
    // Writes and everything else keep using the primary.
    expect(await nameOf(handle.db)).toBe(databaseName(primary.url!));
  });

  it('go to the primary for the rest of a request that wrote', async () => {
    await checkReplica(handle);
    await instanceState().requests.run({ requestId: 'writes' }, async () => {
      expect(await nameOf(await readDatabase(handle))).toBe(databaseName(standIn.url!));
      await markOwnWrite(handle);
      expect(await nameOf(await readDatabase(handle))).toBe(databaseName(primary.url!));
    });
    expect(await nameOf(await readDatabase(handle))).toBe(databaseName(standIn.url!));
  });

  it('say where reads go in the health report and the metrics', async () => {
    setDatabase(handle);
    await checkReplica(handle);
    const health = await getServiceHealth();
    expect(health.status).toBe('ok');
    expect(health.load?.replica).toEqual({ status: 'in use', lagSeconds: 0 });
    const metrics = await (await serveMetrics(new Request('http://localhost/api/metrics', { headers: { authorization: 'Bearer token-of-sixteen-chars' } }), 'token-of-sixteen-chars')).text();
    expect(metrics).toMatch(/^sync_admin_replica_in_use 1$/m);
    expect(metrics).toMatch(/^sync_admin_replica_lag_seconds 0$/m);
  });
});

describe.runIf(serverUrl)('reads with a replica that is away', () => {
  it('go to the primary, and the instance stays ready', async () => {
    const primary = await createTestDatabase('postgres');
    const handle = openDatabase({ driver: 'postgres', url: primary.url!, readUrl: 'postgres://nobody@127.0.0.1:1/none' });
    try {
      expect(await checkReplica(handle)).toEqual({ status: 'unreachable' });
      expect(await nameOf(await readDatabase(handle))).toBe(new URL(primary.url!).pathname.slice(1));
      setDatabase(handle);
      const health = await getServiceHealth();
      expect(health).toMatchObject({ status: 'ok', load: { replica: { status: 'unreachable' } } });
      const readiness = await ready();
      expect(readiness.status).toBe(200);
      expect(await readiness.json()).toEqual({ status: 'ready', replica: { status: 'unreachable' } });
    } finally {
      setDatabase(undefined);
      await handle.close();
      await primary.drop();
    }
  });
});

describe.runIf(serverUrl)('a replica that goes away between two checks', () => {
  it('has its reads answered by the primary at once, and is left out until it is back', async () => {
    const primary = await createTestDatabase('postgres');
    const standIn = await createTestDatabase('postgres');
    const target = new URL(standIn.url!);
    const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const viaProxy = new URL(standIn.url!);
    viaProxy.port = String(proxy.port);
    const handle = openDatabase({ driver: 'postgres', url: primary.url!, readUrl: viaProxy.toString() });
    try {
      expect(await checkReplica(handle)).toMatchObject({ status: 'in use' });
      const replicaDb = await readDatabase(handle);
      expect(await nameOf(replicaDb)).toBe(target.pathname.slice(1));
      await proxy.close(); // the replica's connections cut, new ones refused
      expect(await nameOf(replicaDb)).toBe(new URL(primary.url!).pathname.slice(1));
      expect(replicaState(handle)).toEqual({ status: 'unreachable' });
      expect(await nameOf(await readDatabase(handle))).toBe(new URL(primary.url!).pathname.slice(1));
    } finally {
      await handle.close();
      await Promise.all([primary.drop(), standIn.drop()]);
    }
  });
});
