// Starts the product as a newcomer would (`npm start`), on free ports and a fresh data
// directory, unless E2E_BASE_URL points at one already running. Besides the demo SSO, the
// server trusts local stand-ins of Entra ID, Google, Salesforce and a generic OIDC issuer.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../../scripts/support/free-port';
import { startProviderIdps } from './provider-idps';

const START_TIMEOUT_MS = 6 * 60_000;
export const IDPS_KEY = Symbol.for('sync-admin-panel.e2e-idps');

export default async function globalSetup(): Promise<void> {
  if (process.env.E2E_BASE_URL) return;
  const port = await freePort();
  const idpPort = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sap-e2e-'));
  const providers = await startProviderIdps(baseUrl);
  (globalThis as Record<symbol, unknown>)[IDPS_KEY] = providers.idps;
  const env = { ...process.env, ...providers.env, PORT: String(port), DEMO_IDP_PORT: String(idpPort), DATA_DIR: dataDir, DATABASE_URL: '', DEMO: '1', METRICS_TOKEN: 'e2e-metrics-token-not-secret',
    // The fixed dates of late 2026 in the tests' batches stay within the longest retention for a year.
    DATA_RETENTION_DAYS: '400' };
  execFileSync(path.resolve('node_modules/.bin/tsx'), ['--conditions=react-server', 'tests/e2e/support/trust-issuers.ts', JSON.stringify(providers.trust)], {
    env,
    stdio: 'inherit',
  });

  const logFile = path.join(dataDir, 'server.log');
  const out = fs.openSync(logFile, 'a');
  const server = spawn('npm', ['start'], { detached: true, stdio: ['ignore', out, out], env });
  process.env.E2E_BASE_URL = baseUrl;
  process.env.E2E_SERVER_PID = String(server.pid);
  process.env.E2E_DATA_DIR = dataDir;
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) break;
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`The app did not start within ${START_TIMEOUT_MS / 1000} s:\n${fs.readFileSync(logFile, 'utf8').slice(-4000)}`);
}
