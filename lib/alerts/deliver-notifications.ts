import 'server-only';
// Sending queued notifications (alert_notifications is the queue's record and the history). A
// notification is claimed only when due — FOR UPDATE SKIP LOCKED, then leased for two minutes —
// so two senders never take the same one, and one whose sender died is taken again after its
// lease, with the same idempotency key. A failed send is tried again after 30 s, 2 min, 10 min
// and 30 min and ends "failed" after five attempts, with the receiver's last answer kept (an
// HTTP status for a webhook, the SMTP reply code for an email).
// Who sends: on PostgreSQL the job queue (delivery-queue.ts, pg-boss) runs one job per attempt;
// on the embedded database, and wherever no queue runs, the due ones are taken every 10 seconds
// (alert-runner.ts) — the same claim, the same schedule.
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { runTransaction } from '@/db/run-transaction';
import { scheduledLimits } from '@/lib/db-limits';
import type { AlertPayload } from './alert-payload';
import type { DeliveryResult } from './delivery-result';
import { scheduleDelivery } from './delivery-queue';
import { sendEmail } from './send-email';
import { sendWebhook } from './send-webhook';

export const LEASE_MS = 2 * 60_000;
const BACKOFF_MS = [30_000, 2 * 60_000, 10 * 60_000, 30 * 60_000];
export const MAX_ATTEMPTS = BACKOFF_MS.length + 1;

interface Claimed {
  tenant_id: string;
  id: string;
  attempts: number;
  idempotency_key: string;
  payload: unknown;
  channel_kind: string;
  target: string;
  secret: string | null;
}

export type DeliveryOutcome = 'sent' | 'retrying' | 'failed';

/** Claims due notifications: those `which` names, at most `limit`. */
async function claimDue(db: Database, now: Date, limit: number, which: SQL): Promise<Claimed[]> {
  return runTransaction(db, scheduledLimits(), (tx) =>
    queryRows<Claimed>(
      tx,
      sql`with due as (
            select tenant_id, id from alert_notifications
            where status in ('pending', 'sending', 'retrying') and next_attempt_at <= ${now} ${which}
            order by next_attempt_at limit ${limit}
            for update skip locked
          ),
          claimed as (
            update alert_notifications n set status = 'sending', attempts = n.attempts + 1, next_attempt_at = ${new Date(now.getTime() + LEASE_MS)}
            from due where n.tenant_id = due.tenant_id and n.id = due.id
            returning n.tenant_id, n.id, n.attempts, n.idempotency_key, n.payload, n.channel_id
          )
          select c.tenant_id, c.id, c.attempts, c.idempotency_key, c.payload, ch.kind as channel_kind, ch.target, ch.secret
          from claimed c join alert_channels ch on ch.tenant_id = c.tenant_id and ch.id = c.channel_id`,
    ),
  );
}

async function send(notification: Claimed): Promise<DeliveryResult> {
  if (notification.channel_kind === 'webhook' && notification.secret) {
    return sendWebhook({ url: notification.target, secret: notification.secret, body: JSON.stringify(notification.payload), deliveryId: notification.idempotency_key });
  }
  if (notification.channel_kind === 'email') return sendEmail({ to: notification.target, payload: notification.payload as AlertPayload });
  return { ok: false, status: null, error: `a channel of kind ${notification.channel_kind} cannot send` };
}

/** Records how the attempt went; a retry is scheduled in the same transaction (with the queue, a job for then). */
async function record(db: Database, notification: Claimed, result: DeliveryResult, now: Date): Promise<DeliveryOutcome> {
  const outcome: DeliveryOutcome = result.ok ? 'sent' : notification.attempts >= MAX_ATTEMPTS ? 'failed' : 'retrying';
  const next = outcome === 'retrying' ? new Date(now.getTime() + BACKOFF_MS[notification.attempts - 1]!) : now;
  await runTransaction(db, scheduledLimits(), async (tx) => {
    await tx.execute(
      sql`update alert_notifications set status = ${outcome}, response_code = ${result.status}, last_error = ${result.error},
            next_attempt_at = ${next}, sent_at = ${result.ok ? now : null}
          where tenant_id = ${notification.tenant_id}::uuid and id = ${notification.id}::uuid`,
    );
    if (outcome === 'retrying') await scheduleDelivery(tx, [{ tenantId: notification.tenant_id, id: notification.id }], next);
  });
  return outcome;
}

async function attempt(db: Database, claimed: Claimed[], now: () => Date): Promise<DeliveryOutcome[]> {
  return Promise.all(claimed.map(async (notification) => record(db, notification, await send(notification), now())));
}

/** Sends what is due, across tenants (the in-process sender); answers how many were attempted. */
export async function deliverDueNotifications(db: Database, { now = () => new Date(), limit = 50 }: { now?: () => Date; limit?: number } = {}): Promise<number> {
  return (await attempt(db, await claimDue(db, now(), limit, sql``), now)).length;
}

/** Sends one notification if it is due (a queue job, an admin's test); null when it was not (sent, failed, or leased to another sender). */
export async function deliverNotification(db: Database, { tenantId, id }: { tenantId: string; id: string }, now = () => new Date()): Promise<DeliveryOutcome | null> {
  const claimed = await claimDue(db, now(), 1, sql`and tenant_id = ${tenantId}::uuid and id = ${id}::uuid`);
  const [outcome] = await attempt(db, claimed, now);
  return outcome ?? null;
}

/** Notifications whose time came long ago and that nobody took (a job lost with a crashed
 * database connection, a queue that was down): scheduled again. A backstop of the queue. */
export async function overdueNotifications(db: Database, now: Date, limit = 500): Promise<{ tenantId: string; id: string }[]> {
  const rows = await queryRows<{ tenant_id: string; id: string }>(
    db,
    sql`select tenant_id, id from alert_notifications
        where status in ('pending', 'sending', 'retrying') and next_attempt_at <= ${new Date(now.getTime() - 5 * 60_000)}
        order by next_attempt_at limit ${limit}`,
  );
  return rows.map((row) => ({ tenantId: row.tenant_id, id: row.id }));
}
