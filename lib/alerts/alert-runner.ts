import 'server-only';
// When alerts are evaluated and sent in a running server: a tenant's rules right after each of
// its batches commits (coalesced: batches arriving during an evaluation make one more, not one
// each), every rule on the scheduled step, and the queue every 10 seconds (retries come due).
// Off until the server starts it (instrumentation.ts): tests call the steps themselves.
import { getDatabase } from '@/db/client';
import { logger } from '@/lib/logger';
import { deliverDueNotifications } from './deliver-notifications';
import { evaluateAllAlerts, evaluateTenantAlerts } from './evaluate-alerts';

const DELIVERY_INTERVAL_MS = 10_000;
const STARTED = Symbol.for('sync-admin-panel.alerts');
type GlobalWithAlerts = typeof globalThis & { [STARTED]?: { dirty: Set<string>; draining: boolean; timer: NodeJS.Timeout } };

const runner = () => (globalThis as GlobalWithAlerts)[STARTED];

async function drain(): Promise<void> {
  const state = runner();
  if (!state || state.draining) return;
  state.draining = true;
  try {
    while (state.dirty.size > 0) {
      const [tenantId] = state.dirty;
      state.dirty.delete(tenantId!);
      await evaluateTenantAlerts(getDatabase().ingestDb, tenantId!);
    }
    await deliverDueNotifications(getDatabase().ingestDb);
  } catch (error) {
    logger().warn({ err: error }, 'evaluating or sending alerts failed; the next check tries again');
  } finally {
    state.draining = false;
  }
}

/** After a tenant's batch committed: its event rules may fire. */
export function alertsAfterBatch(tenantId: string): void {
  const state = runner();
  if (!state) return;
  state.dirty.add(tenantId);
  void drain();
}

/** The scheduled step's part: every rule (window rules, and event rules a lost evaluation missed). */
export async function evaluateAlertsStep(): Promise<void> {
  try {
    await evaluateAllAlerts(getDatabase().ingestDb);
  } catch (error) {
    logger().warn({ err: error }, 'evaluating the alert rules failed; the next check tries again');
  }
}

export function startAlerts(): void {
  const holder = globalThis as GlobalWithAlerts;
  if (holder[STARTED]) return;
  const timer = setInterval(() => void drain(), DELIVERY_INTERVAL_MS).unref();
  holder[STARTED] = { dirty: new Set(), draining: false, timer };
}

/** For tests that start the runner: stop it before their database goes. */
export async function stopAlerts(): Promise<void> {
  const holder = globalThis as GlobalWithAlerts;
  const state = holder[STARTED];
  if (!state) return;
  clearInterval(state.timer);
  while (state.draining) await new Promise((resolve) => setTimeout(resolve, 10));
  delete holder[STARTED];
}
