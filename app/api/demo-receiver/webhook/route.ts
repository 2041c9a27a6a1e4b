// POST /api/demo-receiver/webhook — demo mode's webhook receiver: the demo channel of each demo
// tenant points here, so the demo's alerts arrive somewhere an admin can look
// (/alerts/demo-inbox). It checks the signature as a real receiver would (the secret of the
// tenant's webhook channels that point here) and keeps the message. 404 outside demo mode.
import { and, eq, like } from 'drizzle-orm';
import { timingSafeEqual } from 'node:crypto';
import { isDemoMode } from '@/config/env';
import { getDatabase } from '@/db/client';
import { alertChannels } from '@/db/schema';
import { signBody, SIGNATURE_HEADER } from '@/lib/alerts/send-webhook';
import { DEMO_WEBHOOK_PATH } from '@/lib/demo-receivers/demo-receiver-paths';
import { recordDemoMessage } from '@/lib/demo-receivers/demo-inbox';

const MAX_BYTES = 256 * 1024;

export async function POST(request: Request): Promise<Response> {
  if (!isDemoMode()) return new Response('Not found', { status: 404 });
  const body = await request.text();
  if (body.length > MAX_BYTES) return new Response('Too large', { status: 413 });
  let payload: { tenant?: { id?: unknown }; text?: unknown };
  try {
    payload = JSON.parse(body);
  } catch {
    return new Response('Not JSON', { status: 400 });
  }
  const tenantId = typeof payload.tenant?.id === 'string' ? payload.tenant.id : null;
  if (!tenantId || !/^[0-9a-f-]{36}$/i.test(tenantId)) return new Response('No tenant', { status: 400 });
  const channels = await getDatabase()
    .db.select({ secret: alertChannels.secret })
    .from(alertChannels)
    .where(and(eq(alertChannels.tenantId, tenantId), eq(alertChannels.kind, 'webhook'), like(alertChannels.target, `%${DEMO_WEBHOOK_PATH}`)));
  const given = Buffer.from(request.headers.get(SIGNATURE_HEADER) ?? '');
  const signatureValid = channels.some(({ secret }) => {
    const expected = Buffer.from(signBody(secret ?? '', body));
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
  await recordDemoMessage(getDatabase().db, {
    tenantId,
    via: 'webhook',
    summary: typeof payload.text === 'string' ? payload.text : '(no text)',
    detail: JSON.stringify(payload, null, 2),
    signatureValid,
  });
  return Response.json({ received: true, signatureValid });
}
