import 'server-only';
// An organisation's alert channels: any of its admins adds a webhook (checked for where it may
// point; its signing secret is answered once, at creation) or email addresses (sent through the
// installation's SMTP server), sends a channel a test, or deletes it. The
// channels are the tenant's: a rule of any of its admins may use them. Audited.
import { randomBytes } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDatabase } from '@/db/client';
import { runTransaction } from '@/db/run-transaction';
import { alertChannels, alertNotifications } from '@/db/schema';
import { actorOf, recordAuditEvent } from '@/lib/audit/record-audit-event';
import type { TenantViewer } from '@/lib/auth/viewer';
import { interactiveLimits } from '@/lib/db-limits';
import { HttpError, notFoundError } from '@/lib/http/errors';
import { deliverNotification } from './deliver-notifications';
import { panelUrl } from './evaluate-alerts';
import { isEmailConfigured } from './send-email';
import { webhookTargetProblem } from './webhook-target';

export interface AlertChannelRow {
  id: string;
  kind: string;
  name: string;
  target: string;
  createdAt: string;
  createdByLabel: string;
}

export async function listAlertChannels(viewer: TenantViewer): Promise<AlertChannelRow[]> {
  const rows = await getDatabase()
    .db.select({ id: alertChannels.id, kind: alertChannels.kind, name: alertChannels.name, target: alertChannels.target, createdAt: alertChannels.createdAt, createdByLabel: alertChannels.createdByLabel })
    .from(alertChannels)
    .where(eq(alertChannels.tenantId, viewer.tenantId))
    .orderBy(asc(alertChannels.name), asc(alertChannels.id))
    .limit(200);
  return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
}

async function addChannel(viewer: TenantViewer, channel: { kind: 'webhook' | 'email'; name: string; target: string; secret: string | null }): Promise<string> {
  return runTransaction(getDatabase().db, interactiveLimits(), async (tx) => {
    const [created] = await tx.insert(alertChannels).values({ tenantId: viewer.tenantId, ...channel, createdByLabel: viewer.email }).returning({ id: alertChannels.id });
    await recordAuditEvent(tx, {
      tenantId: viewer.tenantId,
      actor: actorOf(viewer),
      action: 'alert_channel.create',
      targetType: 'alert_channel',
      targetId: created!.id,
      targetLabel: channel.name,
      after: { kind: channel.kind, target: channel.target },
    });
    return created!.id;
  });
}

/** Adds a webhook; answers its id and its secret (shown once). */
export async function createWebhookChannel(viewer: TenantViewer, { name, url }: { name: string; url: string }): Promise<{ id: string; secret: string }> {
  const problem = await webhookTargetProblem(url);
  if (problem) throw new HttpError(422, problem);
  const secret = randomBytes(32).toString('base64url');
  return { id: await addChannel(viewer, { kind: 'webhook', name, target: url, secret }), secret };
}

const MAX_RECIPIENTS = 20;
const recipients = z
  .string()
  .transform((list) => list.split(/[,;\s]+/).filter(Boolean))
  .pipe(z.array(z.email({ error: (issue) => `“${String(issue.input)}” is not an email address.` })).min(1, 'Give at least one email address.').max(MAX_RECIPIENTS, `At most ${MAX_RECIPIENTS} addresses.`));

/** Adds an email channel: up to 20 addresses, sent through the installation's SMTP server. */
export async function createEmailChannel(viewer: TenantViewer, { name, addresses }: { name: string; addresses: string }): Promise<{ id: string }> {
  if (!isEmailConfigured()) throw new HttpError(422, 'Email is not set up on this installation: its operator sets SMTP_URL.');
  const parsed = recipients.safeParse(addresses);
  if (!parsed.success) throw new HttpError(422, parsed.error.issues.map((issue) => issue.message).join(' '));
  const target = [...new Set(parsed.data.map((address) => address.toLowerCase()))].join(', ');
  return { id: await addChannel(viewer, { kind: 'email', name, target, secret: null }) };
}

export async function deleteAlertChannel(viewer: TenantViewer, channelId: string): Promise<void> {
  await runTransaction(getDatabase().db, interactiveLimits(), async (tx) => {
    const [deleted] = await tx
      .delete(alertChannels)
      .where(and(eq(alertChannels.tenantId, viewer.tenantId), eq(alertChannels.id, channelId)))
      .returning({ name: alertChannels.name, target: alertChannels.target });
    if (!deleted) throw notFoundError('No such channel.');
    await recordAuditEvent(tx, { tenantId: viewer.tenantId, actor: actorOf(viewer), action: 'alert_channel.delete', targetType: 'alert_channel', targetId: channelId, targetLabel: deleted.name, before: { url: deleted.target } });
  });
}

/** Queues a test notification on the channel and sends what is due; answers how it went. */
export async function sendTestNotification(viewer: TenantViewer, channelId: string): Promise<{ status: string; responseCode: number | null; error: string | null }> {
  const [channel] = await getDatabase()
    .db.select({ id: alertChannels.id, name: alertChannels.name })
    .from(alertChannels)
    .where(and(eq(alertChannels.tenantId, viewer.tenantId), eq(alertChannels.id, channelId)));
  if (!channel) throw notFoundError('No such channel.');
  const now = new Date();
  const idempotencyKey = `test/${channel.id}/${now.toISOString()}`;
  const payload = {
    event: 'test',
    idempotencyKey,
    occurredAt: now.toISOString(),
    tenant: { id: viewer.tenantId, name: viewer.tenantName },
    rule: null,
    user: null,
    profile: null,
    figures: {},
    links: { alerts: `${panelUrl()}/alerts` },
    text: `Test from the Sync Admin Panel, sent by ${viewer.email} to the channel “${channel.name}”.`,
  };
  const queued = await runTransaction(getDatabase().db, interactiveLimits(), async (tx) => {
    const [row] = await tx.insert(alertNotifications).values({ tenantId: viewer.tenantId, channelId: channel.id, kind: 'test', idempotencyKey, payload }).returning({ id: alertNotifications.id });
    return row!;
  });
  // Sent now, in the admin's request (bounded by the channel's 10 s), and only this one; a
  // failure is retried like any notification.
  await deliverNotification(getDatabase().db, { tenantId: viewer.tenantId, id: queued.id });
  const [result] = await getDatabase()
    .db.select({ status: alertNotifications.status, responseCode: alertNotifications.responseCode, error: alertNotifications.lastError })
    .from(alertNotifications)
    .where(and(eq(alertNotifications.tenantId, viewer.tenantId), eq(alertNotifications.id, queued.id)));
  return result!;
}
