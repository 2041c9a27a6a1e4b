import 'server-only';
// Sends one notification to a webhook: the JSON body, signed with HMAC-SHA256 under the
// channel's secret (X-Sync-Admin-Signature: sha256=<hex of the body's HMAC>), with the
// notification's idempotency key (X-Sync-Admin-Delivery), the same on every attempt. The
// address is checked where the connection is made (the lookup refuses private addresses), so a
// name that resolves elsewhere between the check and the call cannot reach the panel's network.
// Bounded: 10 s for the whole exchange; the receiver's answer is read up to 4 KB.
import { createHmac } from 'node:crypto';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { DeliveryResult } from './delivery-result';
import { allowsPrivateTargets, isPrivateAddress, webhookTargetProblem } from './webhook-target';

export const SIGNATURE_HEADER = 'x-sync-admin-signature';
export const DELIVERY_HEADER = 'x-sync-admin-delivery';
const TIMEOUT_MS = 10_000;

export const signBody = (secret: string, body: string) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;


type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** dns.lookup that refuses private, loopback and link-local addresses. */
function publicOnlyLookup(hostname: string, options: object, callback: LookupCallback) {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const list = addresses as LookupAddress[];
    if (list.length === 0 || list.some((entry) => isPrivateAddress(entry.address))) {
      return callback(Object.assign(new Error(`${hostname} resolves to a private address`), { code: 'EPRIVATE' }), []);
    }
    const wantsAll = (options as { all?: boolean }).all;
    if (wantsAll) return callback(null, list);
    return callback(null, list[0]!.address, list[0]!.family);
  });
}

export async function sendWebhook({ url, secret, body, deliveryId }: { url: string; secret: string; body: string; deliveryId: string }): Promise<DeliveryResult> {
  const allowPrivate = allowsPrivateTargets();
  const problem = await webhookTargetProblem(url, allowPrivate);
  if (problem) return { ok: false, status: null, error: problem };
  const target = new URL(url);
  const client = target.protocol === 'https:' ? https : http;
  return new Promise<DeliveryResult>((resolve) => {
    const request = client.request(
      target,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'user-agent': 'SyncAdminPanel-Alerts/1',
          [SIGNATURE_HEADER]: signBody(secret, body),
          [DELIVERY_HEADER]: deliveryId,
        },
        timeout: TIMEOUT_MS,
        signal: AbortSignal.timeout(TIMEOUT_MS),
        ...(allowPrivate ? {} : { lookup: publicOnlyLookup as never }),
      },
      (response) => {
        let read = 0;
        response.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (read > 4_096) response.destroy();
        });
        const status = response.statusCode ?? null;
        const done = () => resolve({ ok: status !== null && status >= 200 && status < 300, status, error: status !== null && status >= 200 && status < 300 ? null : `HTTP ${status}` });
        response.on('end', done);
        response.on('close', done);
      },
    );
    request.on('timeout', () => request.destroy(new Error('no answer within 10 s')));
    request.on('error', (error) => resolve({ ok: false, status: null, error: error.message }));
    request.end(body);
  });
}
