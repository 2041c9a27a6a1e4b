// The cluster tests (npm run test:cluster): the local cluster of scripts/cluster/local-cluster.ts
// — primary, replica, PgBouncer, two instances, HAProxy — started by the spec itself, which
// stops, kills and restarts its parts. Needs the Debian packages postgresql-15, pgbouncer and
// haproxy; fails with the apt-get line when they are missing.
import { defineConfig } from '@playwright/test';
import base from './playwright.config';

export default defineConfig({
  ...base,
  testDir: 'tests/cluster',
  globalSetup: undefined,
  globalTeardown: undefined,
  timeout: 180_000,
});
