// npm start — the whole product with no configuration: builds if needed, migrates, seeds the
// demo data in demo mode, then serves on PORT and prints the URL and how long the start took.
import { spawn } from 'node:child_process';
import { closeDatabase, getDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { countDemoRows, DEFAULT_SEED_OPTIONS, seedDemoData } from '@/db/seed/seed-demo';
import { env, isDemoMode } from '@/lib/env';
import { buildIfNeeded } from './build-if-needed';
import { ensureLocalSecret } from './local-secret';
import { runScript } from './run-script';

const startedAt = Date.now();
const elapsed = () => `${((Date.now() - startedAt) / 1000).toFixed(1)} s`;
const log = (message: string) => console.log(`[start ${elapsed()}] ${message}`);

async function prepareDatabase(): Promise<void> {
  const handle = getDatabase();
  await migrateDatabase(handle);
  log(`database ready (${handle.driver}), migrations applied`);
  if (isDemoMode()) {
    const { seeded } = await seedDemoData(handle.db, { ...DEFAULT_SEED_OPTIONS, endAt: new Date(), log });
    const counts = await countDemoRows(handle.db);
    log(`${seeded ? 'demo data seeded' : 'demo data present'}: ${counts.users} users, ${counts.sessions} sessions, ${counts.issues} issues`);
  }
  // The embedded database admits one process: hand it over to the server.
  await closeDatabase();
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

runScript(async () => {
  const config = env();
  const secret = ensureLocalSecret(config.DATA_DIR, config.NEXTAUTH_SECRET);
  log(isDemoMode() ? 'demo mode: embedded demo data' : 'production mode');
  // Building and preparing the database run side by side: they use different cores.
  await Promise.all([buildIfNeeded(log), prepareDatabase()]);

  const server = spawn(process.execPath, [require.resolve('next/dist/bin/next'), 'start', '-p', String(config.PORT)], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NEXTAUTH_SECRET: secret },
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
  const url = `http://localhost:${config.PORT}`;
  await waitUntilServing(`${url}/api/health`, server);
  console.log(`\nSync Admin Panel is ready at ${url} (started in ${elapsed()}).\n`);
  await new Promise<void>((resolve, reject) =>
    server.on('exit', (code) => (code === 0 || code === null ? resolve() : reject(new Error(`the server exited with code ${code}`)))),
  );
});
