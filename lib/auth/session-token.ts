import 'server-only';
// Reads the signed-in admin's id from the encrypted session cookie (next-auth JWT). Only the
// cookie counts: no bearer fallback, and a forged, unsigned or expired token reads as none.
import { getToken, type JWT } from 'next-auth/jwt';
import { panelUrl } from './panel-url';
import { authSecret } from './secret';

export interface CookieSource {
  getAll(): { name: string; value: string }[];
}

export interface PanelToken extends JWT {
  adminId?: string;
  /** The server-side session (admin_sessions) this cookie belongs to. */
  sessionId?: string;
  role?: string;
  access?: 'granted' | 'no-access' | 'support';
  checkedAt?: number;
}

export function sessionCookieIsSecure(): boolean {
  return panelUrl().startsWith('https://');
}

export async function readPanelToken(cookies: CookieSource): Promise<PanelToken | null> {
  const token = await getToken({
    req: { cookies, headers: {} } as never,
    secret: authSecret(),
    secureCookie: sessionCookieIsSecure(),
    logger: { error: () => {}, warn: () => {}, debug: () => {} } as never,
  });
  return token as PanelToken | null;
}
