import 'server-only';
// When alerts are evaluated and sent in a running server: a tenant's event rules right after each
// of its batches commits (coalesced: batches arriving during an evaluation make one more, not one
// each), every rule on the scheduled step. Sending: on PostgreSQL the job queue
// (delivery-queue.ts), woken as soon as an evaluation committed jobs, with a sweep every 10
// seconds for notifications no job took; on the embedded database the due ones every 10 seconds,
// in this process. Off until the server starts it (instrumentation.ts): tests call the steps
// themselves.
import { getDatabase } from '@/db/client';
import { runTransaction } from '@/db/run-transaction';
import { scheduledLimits } from '@/lib/db-limits';
import { logger } from '@/lib/logger';
import { deliverDueNotifications, deliverNotification, overdueNotifications } from './deliver-notifications';
import { isDeliveryQueueRunning, scheduleDelivery, startDeliveryQueue, stopDeliveryQueue, wakeDeliveryWorker } from './delivery-queue';
import { evaluateAllAlerts, evaluateTenantAlerts } from './evaluate-alerts';

const SEND_INTERVAL_MS = 10_000;
const STARTED = Symbol.for('sync-admin-panel.alerts');
type GlobalWithAlerts = typeof globalThis & { [STARTED]?: { dirty: Set<string>; draining: boolean; timer: NodeJS.Timeout } };

const runner = () => (globalThis as GlobalWithAlerts)[STARTED];

/** Sends, or hands to the queue, what is waiting. */
async function sendWaiting(): Promise<void> {
  const db = getDatabase().ingestDb;
  if (!isDeliveryQueueRunning()) {
    await deliverDueNotifications(db);
    return;
  }
  const overdue = await overdueNotifications(db, new Date());
  if (overdue.length > 0) await runTransaction(db, scheduledLimits(), (tx) => scheduleDelivery(tx, overdue));
  wakeDeliveryWorker();
}

async function drain(): Promise<void> {
  const state = runner();
  if (!state || state.draining) return;
  state.draining = true;
  try {
    while (state.dirty.size > 0) {
      const [tenantId] = state.dirty;
      state.dirty.delete(tenantId!);
      await evaluateTenantAlerts(getDatabase().ingestDb, tenantId!, new Date(), 'events');
    }
    await sendWaiting();
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
    wakeDeliveryWorker();
  } catch (error) {
    logger().warn({ err: error }, 'evaluating the alert rules failed; the next check tries again');
  }
}

export async function startAlerts({ queuePollingSeconds }: { queuePollingSeconds?: number } = {}): Promise<void> {
  const holder = globalThis as GlobalWithAlerts;
  if (holder[STARTED]) return;
  holder[STARTED] = { dirty: new Set(), draining: false, timer: setInterval(() => void drain(), SEND_INTERVAL_MS).unref() };
  const handle = getDatabase();
  if (handle.driver !== 'postgres') return;
  try {
    await startDeliveryQueue(
      handle.url,
      async (job) => {
        await deliverNotification(getDatabase().ingestDb, job);
      },
      { pollingIntervalSeconds: queuePollingSeconds },
    );
  } catch (error) {
    // Without its queue, the instance sends in-process: nothing waits for the queue to come back.
    logger().error({ err: error }, 'the alerts job queue did not start; this instance sends alerts in-process');
  }
}

/** For tests that start the runner: stop it before their database goes. */
export async function stopAlerts(): Promise<void> {
  const holder = globalThis as GlobalWithAlerts;
  const state = holder[STARTED];
  if (!state) return;
  clearInterval(state.timer);
  while (state.draining) await new Promise((resolve) => setTimeout(resolve, 10));
  delete holder[STARTED];
  await stopDeliveryQueue();
}
