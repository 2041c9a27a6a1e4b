import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveDatabaseConfig } from '@/db/client';
import { isDemoMode, parseEnv } from '@/config/env';

describe('database driver choice', () => {
  it('uses the embedded PGlite under DATA_DIR without DATABASE_URL', () => {
    expect(resolveDatabaseConfig(parseEnv({}))).toEqual({ driver: 'pglite', dataDir: path.resolve('.data', 'pglite') });
    expect(resolveDatabaseConfig(parseEnv({ DATA_DIR: '/var/lib/panel' }))).toEqual({ driver: 'pglite', dataDir: '/var/lib/panel/pglite' });
  });

  it('uses PostgreSQL through pg with DATABASE_URL', () => {
    const url = 'postgres://panel@db.internal:5432/panel';
    expect(resolveDatabaseConfig(parseEnv({ DATABASE_URL: url }))).toEqual({ driver: 'postgres', url });
  });

  it('runs demo mode by default only on the embedded database', () => {
    expect(isDemoMode(parseEnv({}))).toBe(true);
    expect(isDemoMode(parseEnv({ DATABASE_URL: 'postgres://x@y/z' }))).toBe(false);
    expect(isDemoMode(parseEnv({ DATABASE_URL: 'postgres://x@y/z', DEMO: '1' }))).toBe(true);
    expect(isDemoMode(parseEnv({ DEMO: '0' }))).toBe(false);
  });
});
