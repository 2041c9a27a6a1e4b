// npm start — the whole product with no configuration: builds if needed, migrates, seeds the
// demo data in demo mode, then serves on PORT and prints the URL and how long the start took.
import { spawn } from 'node:child_process';
import { getDatabase, type DatabaseHandle } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { DEFAULT_SEED_OPTIONS } from '@/lib/demo/seed-demo';
import { prepareDemo } from '@/lib/demo/prepare-demo';
import { panelUrl } from '@/lib/auth/panel-url';
import { installationSecret } from '@/lib/auth/installation-secret';
import { DEMO_ACCOUNTS, describeDemoAccount } from '@/lib/demo/demo-tenants';
import { startDemoIdentityProvider } from '@/lib/demo-idp/demo-identity-provider';
import { DEMO_PASSWORD, demoIssuer } from '@/lib/demo-idp/demo-sso-config';
import { env, isDemoMode } from '@/config/env';
import { buildIfNeeded } from './build-if-needed';
import { handOverDatabase } from './hand-over-database';
import { runScript, ScriptProblem } from './run-script';
import { freePort } from './support/free-port';

const startedAt = Date.now();
const elapsed = () => `${((Date.now() - startedAt) / 1000).toFixed(1)} s`;
const log = (message: string) => console.log(`[start ${elapsed()}] ${message}`);

async function prepareDatabase(handle: DatabaseHandle): Promise<void> {
  await migrateDatabase(handle);
  log(`database ready (${handle.driver}), migrations applied`);
  if (!isDemoMode()) return;
  await prepareDemo(handle, { ...DEFAULT_SEED_OPTIONS, endAt: new Date(), panelUrl: panelUrl(env()), issuer: demoIssuer(env().DEMO_IDP_PORT), log });
}

/** Waits until the server answers its health check; false when it stopped before. */
async function waitUntilServing(url: string, server: ReturnType<typeof spawn>): Promise<boolean> {
  for (;;) {
    if (server.exitCode !== null || server.signalCode !== null) return false;
    try {
      const response = await fetch(url);
      if (response.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Demo mode without an SMTP server of its own: alert email goes to the demo's sink, which the server starts on this port. */
async function demoMailEnv(): Promise<Record<string, string>> {
  if (!isDemoMode() || env().SMTP_URL) return {};
  const port = await freePort();
  return { SMTP_URL: `smtp://127.0.0.1:${port}`, DEMO_SMTP_PORT: String(port), ALERTS_MAIL_FROM: env().ALERTS_MAIL_FROM ?? 'Sync Admin Panel (demo) <alerts@sync-admin-panel.test>' };
}

class ServerExitedError extends ScriptProblem {
  constructor(code: number) {
    super(`The server stopped by itself (exit code ${code}); its messages are above.`);
  }
}

runScript(async () => {
  const config = env();
  log(isDemoMode() ? 'demo mode: embedded demo data' : 'production mode');
  // Opening the database first: a second `npm start` on the same embedded database stops here,
  // with the holder named, before it builds anything.
  const handle = getDatabase();
  // Building and preparing the database run side by side: they use different cores.
  await Promise.all([buildIfNeeded(log), prepareDatabase(handle)]);
  const { secret, source } = await installationSecret(handle);
  if (source === 'database') log('session cookies signed with the installation secret kept in the database (NEXTAUTH_SECRET is not set): every instance on this database shares it');
  const serverEnv = { ...(await handOverDatabase()), ...(await demoMailEnv()) };

  const url = panelUrl(config);
  const identityProvider = isDemoMode() && config.DEMO_IDP_SHARED !== '1' ? await startDemoIdentityProvider({ idpPort: config.DEMO_IDP_PORT, panelUrl: url }) : null;
  if (identityProvider) log(`demo SSO at ${demoIssuer(config.DEMO_IDP_PORT)}`);
  const server = spawn(process.execPath, ['--import', 'tsx', 'scripts/serve.ts'], {
    stdio: ['ignore', 'inherit', 'inherit'],
    // The server's own module stops it on a signal, once its database is closed.
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', NEXT_MANUAL_SIG_HANDLE: 'true', NEXTAUTH_SECRET: secret, NEXTAUTH_URL: url, ...serverEnv },
  });
  // Ctrl-C (SIGINT) or SIGTERM: the server stops (it closes its database, see
  // lib/server/close-on-signal.ts), then the demo SSO, and npm start exits 0.
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (!stopping) log(`${signal}: stopping`);
      stopping = true;
      server.kill(signal);
    });
  }
  const exited = new Promise<number | null>((resolve) => server.on('exit', resolve));
  // Its own readiness, not the public URL's: behind a load balancer that is another instance's too.
  if (await waitUntilServing(`http://localhost:${config.PORT}/api/health/ready`, server)) {
    console.log(`\nSync Admin Panel is ready at ${url} (started in ${elapsed()}).`);
    if (isDemoMode()) {
      console.log(`Demo sign-in (password "${DEMO_PASSWORD}" for all):`);
      for (const account of DEMO_ACCOUNTS) console.log(`  ${account.email.padEnd(24)} ${describeDemoAccount(account)}`);
    }
    console.log('');
  }
  const code = await exited;
  await identityProvider?.close();
  if (!stopping && code !== 0 && code !== null) throw new ServerExitedError(code);
  log('stopped');
});
