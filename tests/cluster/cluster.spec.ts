// The production layout on one machine (npm run cluster): two app instances behind HAProxy on
// PgBouncer, a primary and a streaming replica. What an operator relies on: any instance serves
// any admin, a stop loses no request, a crash loses only what was in flight on it, the replica's
// absence or lag never shows, an export through PgBouncer and the replica is the direct one.
// Load is bounded and on loopback only.
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { startLocalCluster, type AppInstance, type LocalCluster } from '../../scripts/cluster/local-cluster';
import { stopProcess } from '../../scripts/cluster/processes';
import { signInAt } from '../e2e/support/sign-in';

test.describe.configure({ mode: 'serial' });

let cluster: LocalCluster;
let admin: BrowserContext;
let page: Page;

interface Outcome {
  startedAt: number;
  status: number | string;
}

async function cookieHeader(context: BrowserContext): Promise<string> {
  return (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
}

/** `concurrency` loops requesting `paths` in turn through HAProxy for `durationMs`; `during` runs meanwhile. */
async function underLoad(paths: string[], cookie: string, { concurrency = 6, durationMs = 9_000 } = {}, during: () => Promise<void>): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  const until = Date.now() + durationMs;
  const loop = async (offset: number) => {
    for (let i = offset; Date.now() < until; i++) {
      const startedAt = Date.now();
      try {
        const response = await fetch(`${cluster.url}${paths[i % paths.length]}`, { headers: { cookie }, redirect: 'manual', signal: AbortSignal.timeout(30_000) });
        await response.arrayBuffer();
        outcomes.push({ startedAt, status: response.status });
      } catch (error) {
        outcomes.push({ startedAt, status: (error as Error).cause ? String((error as { cause: Error }).cause.message) : (error as Error).message });
      }
    }
  };
  await Promise.all([...Array.from({ length: concurrency }, (_, i) => loop(i)), during()]);
  return outcomes;
}

async function freshAdmin(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  const fresh = await context.newPage();
  await signInAt(fresh, '/users', 'admin@acme.test');
  return fresh;
}

/** The instances HAProxy balances that are running. */
const balanced = () => cluster.instances.filter((i) => i.name.startsWith('app') && i.process.exitCode === null && i.process.signalCode === null);

const health = async (instance: AppInstance) => (await (await fetch(`${instance.url}/api/health`)).json()) as { load?: { replica?: { status: string } } };

test.beforeAll(async ({ browser }) => {
  test.setTimeout(12 * 60_000);
  cluster = await startLocalCluster({ log: (m) => console.log(`[cluster] ${m}`), env: { REPLICA_MAX_LAG_SECONDS: '2' }, keepLogsIn: 'test-results/cluster-logs' });
  process.env.E2E_BASE_URL = cluster.url;
  admin = await browser.newContext();
  page = await admin.newPage();
  await signInAt(page, '/users', 'admin@acme.test');
});

test.afterAll(async () => {
  await admin?.close();
  await cluster?.stop();
});

let userName = '';
let userPath = '';

test('a toggle made through one instance is seen through every instance at once', async ({ browser }) => {
  await page.goto(`${cluster.url}/users?status=enabled`);
  const link = page.getByRole('grid', { name: 'Users' }).getByRole('link').first();
  userName = (await link.textContent())!;
  await link.click();
  await expect(page.getByRole('heading', { name: userName })).toBeVisible();
  userPath = new URL(page.url()).pathname;
  await page.getByRole('button', { name: 'Disable sync' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Disable sync' }).click();
  await expect(page.getByText('Sync disabled for the user.')).toBeVisible();
  // The admin who wrote reads the primary: the list (a replica read otherwise) shows it at once.
  for (const instance of balanced()) {
    await page.goto(`${instance.url}/users?status=disabled&q=${encodeURIComponent(userName)}`);
    await expect(page.getByRole('grid', { name: 'Users' }).locator(`a[href="${userPath}"]`)).toBeVisible({ timeout: 2_000 });
  }
  // Another admin reads the replica, streamed within moments.
  const other = await freshAdmin(browser);
  for (const instance of balanced()) {
    await other.goto(`${instance.url}/users?status=disabled&q=${encodeURIComponent(userName)}`);
    await expect(other.getByRole('grid', { name: 'Users' }).locator(`a[href="${userPath}"]`)).toBeVisible({ timeout: 3_000 });
  }
  for (const instance of balanced()) expect((await health(instance)).load?.replica?.status).toBe('in use');
  await other.context().close();
});

test('an export through PgBouncer and the replica is byte for byte the one read directly from the primary', async () => {
  const direct = await cluster.startInstance('direct', undefined, { DATABASE_URL: cluster.primaryUrl, DATABASE_READ_URL: '' });
  const cookie = await cookieHeader(admin);
  const path = `/api${userPath}/statistics.csv`;
  const read = async (base: string) => {
    const response = await fetch(`${base}${path}`, { headers: { cookie } });
    expect(response.status, base).toBe(200);
    return Buffer.from(await response.arrayBuffer());
  };
  // Past the own-write window of the toggle above, so the pooled instances read the replica.
  await page.waitForTimeout(8_000);
  const [pooled, primary] = [await read(cluster.url), await read(direct.url)];
  expect(pooled.length).toBeGreaterThan(1_000);
  expect(pooled.equals(primary)).toBe(true);
  await stopProcess(direct.process);
});

test('while the replica lags, reads come from the primary', async ({ browser }) => {
  cluster.pauseReplay(true);
  try {
    // A change the paused replica does not get: the user enabled again.
    await page.goto(`${cluster.url}${userPath}`);
    await page.getByRole('button', { name: 'Enable sync' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Enable sync' }).click();
    await expect(page.getByText('Sync enabled for the user.')).toBeVisible();
    await expect.poll(async () => (await health(balanced()[0]!)).load?.replica?.status, { timeout: 10_000 }).toBe('lagging');
    await expect.poll(async () => (await health(balanced()[1]!)).load?.replica?.status, { timeout: 10_000 }).toBe('lagging');
    const other = await freshAdmin(browser);
    for (const instance of balanced()) {
      await other.goto(`${instance.url}/users?status=enabled&q=${encodeURIComponent(userName)}`);
      await expect(other.getByRole('grid', { name: 'Users' }).locator(`a[href="${userPath}"]`)).toBeVisible({ timeout: 2_000 });
    }
    await other.context().close();
  } finally {
    cluster.pauseReplay(false);
  }
  await expect.poll(async () => (await health(balanced()[0]!)).load?.replica?.status, { timeout: 10_000 }).toBe('in use');
});

test('with the replica stopped, every read is answered from the primary', async () => {
  const cookie = await cookieHeader(admin);
  cluster.stopReplica();
  try {
    const outcomes = await underLoad(['/users', '/profiles', `${userPath}/statistics`, '/'], cookie, { concurrency: 4, durationMs: 6_000 }, async () => {});
    expect(outcomes.length).toBeGreaterThan(8);
    expect(outcomes.filter((o) => o.status !== 200)).toEqual([]);
    for (const instance of balanced()) expect((await health(instance)).load?.replica?.status).toBe('unreachable');
  } finally {
    await cluster.startReplica();
  }
  await expect.poll(async () => (await health(balanced()[0]!)).load?.replica?.status, { timeout: 15_000 }).toBe('in use');
});

test('SIGTERM to one instance under load: not one request fails', async () => {
  const cookie = await cookieHeader(admin);
  const app2 = cluster.instances.find((i) => i.name === 'app2')!;
  let code: number | null = null;
  const outcomes = await underLoad(['/users', '/api/health/live', `${userPath}/statistics`, '/profiles'], cookie, {}, async () => {
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    code = await stopProcess(app2.process, 'SIGTERM');
  });
  console.log(`SIGTERM: ${outcomes.length} requests, app2 exited with ${code}`);
  expect(code).toBe(0);
  expect(outcomes.length).toBeGreaterThan(30);
  expect(outcomes.filter((o) => o.status !== 200)).toEqual([]);
  await cluster.startInstance('app2', app2.port);
});

test('SIGKILL to one instance under load: only what was in flight on it fails, the rest goes to the other', async () => {
  const cookie = await cookieHeader(admin);
  // Both back in HAProxy's rotation first (the restarted app2 passes its checks).
  await page.waitForTimeout(2_000);
  const app1 = cluster.instances.find((i) => i.name === 'app1')!;
  let killedAt = 0;
  const concurrency = 6;
  const outcomes = await underLoad(['/users', '/api/health/live', `${userPath}/statistics`, '/profiles'], cookie, { concurrency }, async () => {
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    killedAt = Date.now();
    await stopProcess(app1.process, 'SIGKILL');
  });
  const failed = outcomes.filter((o) => o.status !== 200);
  console.log(`SIGKILL: ${outcomes.length} requests, ${failed.length} failed: ${JSON.stringify(failed.map((f) => [f.status, f.startedAt - killedAt]))}`);
  expect(failed.every((o) => o.startedAt <= killedAt)).toBe(true);
  expect(failed.length).toBeLessThanOrEqual(concurrency);
  expect(outcomes.filter((o) => o.startedAt > killedAt + 100).length).toBeGreaterThan(10);
});
