import 'server-only';
// One structured logger: one JSON line per event, never a secret or a log body.
import pino from 'pino';
import { env } from '@/config/env';

const GLOBAL_KEY = Symbol.for('sync-admin-panel.logger');
type GlobalWithLogger = typeof globalThis & { [GLOBAL_KEY]?: pino.Logger };

export function logger(): pino.Logger {
  const holder = globalThis as GlobalWithLogger;
  holder[GLOBAL_KEY] ??= pino({
    level: env().NODE_ENV === 'test' ? 'silent' : env().LOG_LEVEL,
    base: { service: 'sync-admin-panel' },
    redact: ['authorization', 'cookie', 'token', '*.token', '*.authorization', '*.cookie'],
  });
  return holder[GLOBAL_KEY];
}
