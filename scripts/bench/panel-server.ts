// The panel as an admin meets it, for the benchmark: the production build started by
// `npm start` on a scale database, a local OpenID Connect provider its tenant trusts, and a
// session cookie obtained by signing in through that SSO in Chromium.
import { spawn, type ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { Client } from 'pg';
import { startLocalIdentityProvider, type RunningIdentityProvider } from '@/lib/demo-idp/local-identity-provider';
import { freePort } from '../support/free-port';
import { waitForHealth } from '../support/wait-for-health';

export const BENCH_ADMIN = { email: 'admin@scale.test', name: 'Scale Admin', password: 'bench' };

export interface RunningPanel {
  baseUrl: string;
  cookie: string;
  serverPid: () => number | null;
  stop(): Promise<void>;
}

/** Trusts the provider's issuer for the scale tenant and makes BENCH_ADMIN its platform admin. */
async function trust(databaseUrl: string, issuer: string) {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(`select id from tenants where slug = 'scale'`);
    const tenantId = rows[0]!.id;
    await client.query(`delete from tenant_sso_issuers where tenant_id = $1`, [tenantId]);
    await client.query(`insert into tenant_sso_issuers (tenant_id, issuer) values ($1, $2)`, [tenantId, issuer]);
    await client.query(
      `insert into admins (tenant_id, email, name, role) values ($1, $2, $3, 'platform_admin') on conflict (tenant_id, email) do nothing`,
      [tenantId, BENCH_ADMIN.email, BENCH_ADMIN.name],
    );
  } finally {
    await client.end();
  }
}

/** The pid of the process listening on the port (the Next.js server, not npm's wrapper). */
function listeningPid(port: number): number | null {
  const out = execFileSync('ss', ['-ltnpH', `sport = :${port}`], { encoding: 'utf8' });
  const match = /pid=(\d+)/.exec(out);
  return match ? Number(match[1]) : null;
}

export async function startPanel(databaseUrl: string, log: (line: string) => void): Promise<RunningPanel> {
  const [port, idpPort] = [await freePort(), await freePort()];
  const baseUrl = `http://localhost:${port}`;
  const idp: RunningIdentityProvider = await startLocalIdentityProvider({
    port: idpPort,
    title: 'Bench SSO',
    clients: [{ clientId: 'panel-bench', clientSecret: 'secret-bench-0123456789', redirectUris: [`${baseUrl}/api/auth/callback/oidc`] }],
    accounts: [{ ...BENCH_ADMIN, subject: 'bench-admin' }],
  });
  await trust(databaseUrl, idp.issuer);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sap-bench-'));
  const logFile = path.join(dataDir, 'server.log');
  const server: ChildProcess = spawn('npm', ['start'], {
    detached: true,
    stdio: ['ignore', fs.openSync(logFile, 'a'), fs.openSync(logFile, 'a')],
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      PORT: String(port),
      DEMO: '0',
      OIDC_ISSUER: idp.issuer,
      OIDC_CLIENT_ID: 'panel-bench',
      OIDC_CLIENT_SECRET: 'secret-bench-0123456789',
      OIDC_NAME: 'Bench SSO',
      LOG_LEVEL: 'warn',
    },
  });
  await waitForHealth(baseUrl, logFile, () => server.exitCode !== null);
  log(`panel up at ${baseUrl}`);

  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  let cookie: string;
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl}/`);
    await page.getByRole('button', { name: 'Sign in with Bench SSO' }).click();
    await page.getByLabel('Email').fill(BENCH_ADMIN.email);
    await page.getByLabel('Password').fill(BENCH_ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.origin === baseUrl && !url.pathname.startsWith('/login'));
    cookie = (await context.cookies(baseUrl)).map((c) => `${c.name}=${c.value}`).join('; ');
  } finally {
    await browser.close();
  }
  log('signed in through the SSO');
  return {
    baseUrl,
    cookie,
    serverPid: () => listeningPid(port),
    stop: async () => {
      try {
        process.kill(-server.pid!, 'SIGTERM');
      } catch {
        // already gone
      }
      await idp.close();
    },
  };
}
