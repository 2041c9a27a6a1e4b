// npm start — the whole product with no configuration: builds if needed, migrates, seeds the
// demo data in demo mode, then serves on PORT and prints the URL and how long the start took.
import { spawn } from 'node:child_process';
import { getDatabase, type DatabaseHandle } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { registerDemoIssuer } from '@/lib/demo/register-demo-issuer';
import { countDemoRows, DEFAULT_SEED_OPTIONS, seedDemoData } from '@/lib/demo/seed-demo';
import { panelUrl } from '@/lib/auth/panel-url';
import { authSecret } from '@/lib/auth/secret';
import { DEMO_ACCOUNTS } from '@/lib/demo/demo-tenants';
import { startDemoIdentityProvider } from '@/lib/demo-idp/demo-identity-provider';
import { DEMO_PASSWORD, demoIssuer } from '@/lib/demo-idp/demo-sso-config';
import { env, isDemoMode } from '@/config/env';
import { buildIfNeeded } from './build-if-needed';
import { handOverDatabase } from './hand-over-database';
import { runScript } from './run-script';

const startedAt = Date.now();
const elapsed = () => `${((Date.now() - startedAt) / 1000).toFixed(1)} s`;
const log = (message: string) => console.log(`[start ${elapsed()}] ${message}`);

async function prepareDatabase(handle: DatabaseHandle): Promise<void> {
  await migrateDatabase(handle);
  log(`database ready (${handle.driver}), migrations applied`);
  if (isDemoMode()) {
    // The seed writes what the engine writes: on ingestion's connections and time bounds.
    const { seeded } = await seedDemoData(handle.ingestDb, { ...DEFAULT_SEED_OPTIONS, endAt: new Date(), log });
    const counts = await countDemoRows(handle.db);
    log(`${seeded ? 'demo data seeded' : 'demo data present'}: ${counts.users} users, ${counts.sessions} sessions, ${counts.issues} issues`);
    await registerDemoIssuer(handle.db, demoIssuer(env().DEMO_IDP_PORT));
  }
}

async function waitUntilServing(url: string, server: ReturnType<typeof spawn>): Promise<void> {
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the server exited with code ${server.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function describeDemoAccount(account: (typeof DEMO_ACCOUNTS)[number]): string {
  if (account.role === 'support') return 'support agent';
  const role = account.role === 'platform_admin' ? 'platform admin' : `profile admin of ${account.profileNames?.join(', ')}`;
  return `${role}, tenant ${account.tenantSlug}${account.tenantSlug === 'initech' ? ' (no panel access)' : ''}`;
}

runScript(async () => {
  const config = env();
  const secret = authSecret();
  log(isDemoMode() ? 'demo mode: embedded demo data' : 'production mode');
  // Opening the database first: a second `npm start` on the same embedded database stops here,
  // with the holder named, before it builds anything.
  const handle = getDatabase();
  // Building and preparing the database run side by side: they use different cores.
  await Promise.all([buildIfNeeded(log), prepareDatabase(handle)]);
  const serverEnv = await handOverDatabase();

  const url = panelUrl(config);
  if (isDemoMode()) {
    await startDemoIdentityProvider({ idpPort: config.DEMO_IDP_PORT, panelUrl: url });
    log(`demo SSO at ${demoIssuer(config.DEMO_IDP_PORT)}`);
  }
  const server = spawn(process.execPath, [require.resolve('next/dist/bin/next'), 'start', '-p', String(config.PORT)], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NEXTAUTH_SECRET: secret, NEXTAUTH_URL: url, ...serverEnv },
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
  await waitUntilServing(`${url}/api/health`, server);
  console.log(`\nSync Admin Panel is ready at ${url} (started in ${elapsed()}).`);
  if (isDemoMode()) {
    console.log(`Demo sign-in (password "${DEMO_PASSWORD}" for all):`);
    for (const account of DEMO_ACCOUNTS) console.log(`  ${account.email.padEnd(24)} ${describeDemoAccount(account)}`);
  }
  console.log('');
  await new Promise<void>((resolve, reject) =>
    server.on('exit', (code) => (code === 0 || code === null ? resolve() : reject(new Error(`the server exited with code ${code}`)))),
  );
});
