import 'server-only';
// When the server is asked to stop (Ctrl-C through `npm start`, or SIGTERM): the instance drains
// (reports not ready, stops accepting, lets the requests in flight finish up to a deadline: see
// scripts/serve.ts), stops sending alerts (the queue's workers finish their jobs), and closes its
// database: the embedded one shut down cleanly, PostgreSQL's connections ended rather than
// dropped. Under `npm start` the server leaves the signals to this module
// (NEXT_MANUAL_SIG_HANDLE), which exits once the database is closed. Under `next dev` Next.js
// stops on its own; this listener runs first and usually finishes in time — an exit before it
// does is a crash the database recovers from (no committed write is lost).
import { closeDatabase } from '@/db/client';
import { stopAlerts } from '@/lib/alerts/alert-runner';
import { logger } from '@/lib/logger';
import { drainInstance } from './instance-state';

const REGISTERED = Symbol.for('sync-admin-panel.close-on-signal');
type GlobalWithFlag = typeof globalThis & { [REGISTERED]?: boolean };

async function stopInstance(signal: NodeJS.Signals): Promise<void> {
  const started = Date.now();
  await drainInstance();
  logger().info({ signal, ms: Date.now() - started }, 'requests in flight finished');
  await stopAlerts().catch((error: unknown) => logger().warn({ err: error }, 'stopping the alert delivery failed'));
  await closeDatabase();
  logger().info({ signal }, 'database closed');
}

export function closeDatabaseOnSignal(): void {
  const holder = globalThis as GlobalWithFlag;
  if (holder[REGISTERED]) return;
  holder[REGISTERED] = true;
  const exitsItself = process.env.NEXT_MANUAL_SIG_HANDLE === 'true';
  let closing = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    // Kept, not once: Ctrl-C reaches the server twice (from the terminal and from `npm start`),
    // and a second signal without a listener would end the process before the database closed.
    process.prependListener(signal, () => {
      if (closing) return;
      closing = true;
      stopInstance(signal)
        .catch((error: unknown) => logger().warn({ err: error, signal }, 'stopping cleanly failed'))
        .finally(() => {
          // The log line first: pino writes asynchronously.
          if (exitsItself) logger().flush(() => process.exit(0));
        });
    });
  }
}
