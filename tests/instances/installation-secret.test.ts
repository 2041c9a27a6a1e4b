// Instances on one PostgreSQL database sign session cookies with one secret, without an
// operator having to set NEXTAUTH_SECRET: the first to start creates it, the others read it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '@/db/client';
import { installationSecret } from '@/lib/auth/installation-secret';
import { createTestDatabase, serverUrl, type TestDatabase } from '../support/databases';

describe.runIf(serverUrl)('the installation secret on PostgreSQL', () => {
  let database: TestDatabase;
  let others: DatabaseHandle[];
  const noDataDir = { NEXTAUTH_SECRET: undefined, DATA_DIR: path.join(os.tmpdir(), 'sap-no-such-dir') };

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    others = Array.from({ length: 5 }, () => openDatabase({ driver: 'postgres', url: database.url! }));
  });
  afterAll(async () => {
    await Promise.all(others.map((handle) => handle.close()));
    await database.drop();
  });

  it('is created once when six instances start at once, each with a data directory of its own, and read back by every later start', async () => {
    const dataDirs = Array.from({ length: 6 }, (_, i) => path.join(os.tmpdir(), `sap-no-such-dir-${i}`));
    const secrets = await Promise.all([database.handle, ...others].map((handle, i) => installationSecret(handle, { NEXTAUTH_SECRET: undefined, DATA_DIR: dataDirs[i]! })));
    expect(new Set(secrets.map((s) => s.secret)).size).toBe(1);
    expect(secrets.every((s) => s.source === 'database')).toBe(true);
    expect(secrets[0]!.secret.length).toBeGreaterThanOrEqual(32);
    expect((await installationSecret(others[0]!, noDataDir)).secret).toBe(secrets[0]!.secret);
  });

  it('yields to NEXTAUTH_SECRET when it is set', async () => {
    const configured = 'x'.repeat(40);
    expect(await installationSecret(database.handle, { ...noDataDir, NEXTAUTH_SECRET: configured })).toEqual({ secret: configured, source: 'environment' });
  });
});

describe.runIf(serverUrl)('a data directory that had a secret', () => {
  it('keeps signing with it, so that sessions from before stay valid', async () => {
    const database = await createTestDatabase('postgres');
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sap-secret-'));
    try {
      fs.writeFileSync(path.join(dataDir, 'secret'), 'an-existing-secret-of-more-than-32-characters\n');
      expect(await installationSecret(database.handle, { NEXTAUTH_SECRET: undefined, DATA_DIR: dataDir })).toEqual({
        secret: 'an-existing-secret-of-more-than-32-characters',
        source: 'database',
      });
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
      await database.drop();
    }
  });
});
