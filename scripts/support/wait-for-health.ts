// Waits until a panel started by a script answers /api/health, or says why it did not start.
import fs from 'node:fs';

export async function waitForHealth(baseUrl: string, serverLog: string, exited: () => boolean, timeoutMs = 8 * 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited() || Date.now() > deadline) throw new Error(`The panel did not start:\n${fs.readFileSync(serverLog, 'utf8').slice(-3000)}`);
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
