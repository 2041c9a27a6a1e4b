import 'server-only';
// The alerts' job queue on PostgreSQL: pg-boss (10.x: its later releases need Node.js 22), in its
// own schema, with a pool of two connections per app instance. A notification's delivery is a
// job, inserted in the transaction that queues the notification (or records a failed attempt,
// for the retry's time), so a job exists exactly when a notification waits — none is lost
// between a commit and a send, none runs for a notification rolled back. pg-boss hands each job
// to one worker across all instances; the worker sends through deliver-notifications.ts, whose
// claim (due, FOR UPDATE SKIP LOCKED, leased) makes a duplicate job harmless. A worker that dies
// mid-job leaves it to expire and be retried by pg-boss after the lease has passed.
// The embedded database runs no queue: there the in-process sender (alert-runner.ts) delivers.
import { sql } from 'drizzle-orm';
import PgBoss from 'pg-boss';
import { queryRows } from '@/db/client';
import type { Transaction } from '@/db/run-transaction';
import { logger } from '@/lib/logger';

export const DELIVERY_QUEUE = 'alert-delivery';
const STARTED = Symbol.for('sync-admin-panel.alert-delivery-queue');

interface QueueState {
  boss: PgBoss;
  workerId: string;
}
type Holder = typeof globalThis & { [STARTED]?: QueueState };
const running = () => (globalThis as Holder)[STARTED];

export interface DeliveryJob {
  tenantId: string;
  id: string;
}

/** pg-boss's statements run in the caller's transaction: its `$n` placeholders become bound values
 * (undefined as null: Drizzle would leave an undefined value out of the statement). */
function inTransaction(tx: Transaction): PgBoss.Db {
  return {
    async executeSql(text, values) {
      const parts = text.split(/\$(\d+)/);
      const chunks = parts.map((part, index) => (index % 2 === 0 ? sql.raw(part) : sql`${values[Number(part) - 1] ?? null}`));
      return { rows: await queryRows(tx, sql.join(chunks, sql``)) };
    },
  };
}

/** Starts the queue and this instance's worker; `deliver` sends one notification. */
export async function startDeliveryQueue(url: string, deliver: (job: DeliveryJob) => Promise<void>, { pollingIntervalSeconds = 2 } = {}): Promise<void> {
  const holder = globalThis as Holder;
  if (holder[STARTED]) return;
  const boss = new PgBoss({ connectionString: url, max: 2, schema: 'pgboss', application_name: 'sync-admin-panel alerts', schedule: false });
  boss.on('error', (error) => logger().warn({ err: error }, 'the alerts job queue reported an error'));
  await boss.start();
  // Crash recovery only: a job whose worker died expires after 60 s and is tried again after the
  // notification's lease (2 minutes) — the backoff between failed sends is the notification's own.
  await boss.createQueue(DELIVERY_QUEUE, { name: DELIVERY_QUEUE, retryLimit: 5, retryDelay: 150, expireInSeconds: 60 });
  const workerId = await boss.work<DeliveryJob>(DELIVERY_QUEUE, { batchSize: 10, pollingIntervalSeconds }, async (jobs) => {
    await Promise.all(jobs.map((job) => deliver(job.data)));
  });
  holder[STARTED] = { boss, workerId };
}

export async function stopDeliveryQueue(): Promise<void> {
  const holder = globalThis as Holder;
  const state = holder[STARTED];
  if (!state) return;
  delete holder[STARTED];
  await state.boss.stop({ graceful: true, timeout: 10_000, wait: true });
}

export const isDeliveryQueueRunning = () => Boolean(running());

/** Inserts the notifications' jobs in the transaction (at `startAfter`, or at once); nothing without a running queue. */
export async function scheduleDelivery(tx: Transaction, notifications: DeliveryJob[], startAfter?: Date): Promise<void> {
  const state = running();
  if (!state || notifications.length === 0) return;
  await state.boss.insert(
    notifications.map((job) => ({ name: DELIVERY_QUEUE, data: job, ...(startAfter ? { startAfter } : {}) })),
    { db: inTransaction(tx) },
  );
}

/** After a commit that scheduled jobs: this instance's worker looks now instead of at its next poll. */
export function wakeDeliveryWorker(): void {
  const state = running();
  if (state) state.boss.notifyWorker(state.workerId);
}

/** Jobs waiting in the queue (due or scheduled for a retry); null without a running queue. */
export async function deliveryQueueSize(): Promise<number | null> {
  const state = running();
  return state ? state.boss.getQueueSize(DELIVERY_QUEUE) : null;
}
