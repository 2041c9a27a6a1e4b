import 'server-only';
// Sends one notification as an email through the installation's SMTP server (SMTP_URL, from
// ALERTS_MAIL_FROM): the payload's text, its links, and the notification's idempotency key as
// the Message-ID (and X-Sync-Admin-Delivery), the same on every attempt, so a mail system or a
// reader can recognise a redelivery. Bounded: 10 s to connect, to be greeted and per exchange.
// The recorded status is the SMTP server's reply code.
import { createHash } from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';
import { env } from '@/config/env';
import type { AlertPayload } from './alert-payload';
import type { DeliveryResult } from './delivery-result';
import { DELIVERY_HEADER } from './send-webhook';

const TIMEOUT_MS = 10_000;
/** Names the organisation, for mail rules (and the demo's mailbox). */
export const TENANT_HEADER = 'x-sync-admin-tenant';
const DEFAULT_FROM = 'Sync Admin Panel <alerts@sync-admin-panel.invalid>';

let transport: { url: string; transporter: Transporter } | null = null;

/** One transport per SMTP_URL for the process (it reuses nothing between messages but its settings). */
function transporter(url: string): Transporter {
  if (transport?.url !== url) {
    transport = { url, transporter: nodemailer.createTransport({ url, connectionTimeout: TIMEOUT_MS, greetingTimeout: TIMEOUT_MS, socketTimeout: TIMEOUT_MS } as never) };
  }
  return transport.transporter;
}

export const isEmailConfigured = () => Boolean(env().SMTP_URL);

/** The subject line: the text's first sentence, without the link. */
function subjectOf(payload: AlertPayload): string {
  const firstSentence = payload.text.replace(/\s+https?:\/\/\S+$/, '');
  return firstSentence.length > 180 ? `${firstSentence.slice(0, 177)}…` : firstSentence;
}

function bodyOf(payload: AlertPayload): string {
  const links = Object.entries(payload.links).map(([name, url]) => `${name}: ${url}`);
  return [payload.text, '', ...links, '', `Organisation: ${payload.tenant.name}`, `Sent by the Sync Admin Panel at ${payload.occurredAt} (delivery ${payload.idempotencyKey}).`].join('\n');
}

export async function sendEmail({ to, payload }: { to: string; payload: AlertPayload }): Promise<DeliveryResult> {
  const url = env().SMTP_URL;
  if (!url) return { ok: false, status: null, error: 'email is not set up on this installation (SMTP_URL)' };
  const messageId = `<${createHash('sha256').update(payload.idempotencyKey).digest('hex').slice(0, 40)}@sync-admin-panel>`;
  try {
    const info = await transporter(url).sendMail({
      from: env().ALERTS_MAIL_FROM ?? DEFAULT_FROM,
      to: to.split(',').map((address) => address.trim()),
      subject: subjectOf(payload),
      text: bodyOf(payload),
      messageId,
      headers: { [DELIVERY_HEADER]: payload.idempotencyKey, [TENANT_HEADER]: payload.tenant.id },
    });
    const code = Number.parseInt(String(info.response ?? '').slice(0, 3), 10);
    return { ok: true, status: Number.isFinite(code) ? code : 250, error: null };
  } catch (error) {
    const failure = error as { responseCode?: number; message?: string };
    return { ok: false, status: failure.responseCode ?? null, error: failure.message ?? String(error) };
  }
}
