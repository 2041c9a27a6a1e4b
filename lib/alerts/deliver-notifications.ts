import 'server-only';
// The delivery of queued notifications (alert_notifications is the queue and the history): due
// ones are claimed with FOR UPDATE SKIP LOCKED — several instances never take the same one — and
// leased for two minutes, so one whose sender died is taken again after that, with the same
// idempotency key. A failed send is retried with backoff (30 s, 2 min, 10 min, 30 min) and ends
// "failed" after five attempts, with the receiver's last answer kept (an HTTP status for a
// webhook, the SMTP reply code for an email).
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { runTransaction } from '@/db/run-transaction';
import { scheduledLimits } from '@/lib/db-limits';
import type { AlertPayload } from './alert-payload';
import type { DeliveryResult } from './delivery-result';
import { sendEmail } from './send-email';
import { sendWebhook } from './send-webhook';

const LEASE_MS = 2 * 60_000;
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

async function claimDue(db: Database, now: Date, limit: number, only?: { tenantId: string; id: string }): Promise<Claimed[]> {
  const which = only ? sql`and tenant_id = ${only.tenantId}::uuid and id = ${only.id}::uuid` : sql``;
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

async function record(db: Database, notification: Claimed, result: DeliveryResult, now: Date): Promise<void> {
  const finalFailure = !result.ok && notification.attempts >= MAX_ATTEMPTS;
  const status = result.ok ? 'sent' : finalFailure ? 'failed' : 'retrying';
  const next = result.ok || finalFailure ? now : new Date(now.getTime() + BACKOFF_MS[notification.attempts - 1]!);
  await db.execute(
    sql`update alert_notifications set status = ${status}, response_code = ${result.status}, last_error = ${result.error},
          next_attempt_at = ${next}, sent_at = ${result.ok ? now : null}
        where tenant_id = ${notification.tenant_id}::uuid and id = ${notification.id}::uuid`,
  );
}

/** Sends what is due (or only the one notification named); answers how many were attempted. */
export async function deliverDueNotifications(
  db: Database,
  { now = () => new Date(), limit = 50, only }: { now?: () => Date; limit?: number; only?: { tenantId: string; id: string } } = {},
): Promise<number> {
  const claimed = await claimDue(db, now(), limit, only);
  await Promise.all(claimed.map(async (notification) => record(db, notification, await send(notification), now())));
  return claimed.length;
}
