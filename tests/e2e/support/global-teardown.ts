// Stops the server and identity providers started by global-setup and removes the data directory.
import fs from 'node:fs';
import type { RunningIdentityProvider } from '@/lib/demo-idp/local-identity-provider';

const IDPS_KEY = Symbol.for('sync-admin-panel.e2e-idps');

export default async function globalTeardown(): Promise<void> {
  const idps = (globalThis as Record<symbol, unknown>)[IDPS_KEY] as RunningIdentityProvider[] | undefined;
  await Promise.all((idps ?? []).map((idp) => idp.close()));
  const pid = Number(process.env.E2E_SERVER_PID);
  if (!pid) return;
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    // already gone
  }
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // stopped
  }
  if (process.env.E2E_DATA_DIR) fs.rmSync(process.env.E2E_DATA_DIR, { recursive: true, force: true });
}
