import { env, type Env } from '@/config/env';

/** The panel's own public URL: NEXTAUTH_URL, or localhost on PORT. */
export function panelUrl(config: Env = env()): string {
  return (config.NEXTAUTH_URL ?? `http://localhost:${config.PORT}`).replace(/\/$/, '');
}
