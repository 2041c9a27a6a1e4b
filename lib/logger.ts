import 'server-only';
// One structured logger: one JSON line per event, never a secret or a log body. A line written
// while a request is handled carries its id (`requestId`, the `x-request-id` of its response).
import pino from 'pino';
import { env } from '@/config/env';
import { currentRequestId } from '@/lib/server/instance-state';

/** What every log line gets from the request it was written for. */
export function requestIdField(): { requestId?: string } {
  const requestId = currentRequestId();
  return requestId ? { requestId } : {};
}

const GLOBAL_KEY = Symbol.for('sync-admin-panel.logger');
type GlobalWithLogger = typeof globalThis & { [GLOBAL_KEY]?: pino.Logger };

export function logger(): pino.Logger {
  const holder = globalThis as GlobalWithLogger;
  holder[GLOBAL_KEY] ??= pino({
    level: env().NODE_ENV === 'test' ? 'silent' : env().LOG_LEVEL,
    base: { service: 'sync-admin-panel' },
    redact: ['authorization', 'cookie', 'token', '*.token', '*.authorization', '*.cookie'],
    mixin: requestIdField,
  });
  return holder[GLOBAL_KEY];
}
