import 'server-only';
// next-auth (v4, JWT sessions): sign-in through the configured OpenID Connect providers only
// (no password sign-in in any mode). The token carries the admin id and access claims that
// are refreshed from the database at most every 30 seconds; the data layer checks the
// database on every request anyway. Each sign-in starts a server-side session
// (admin-sessions.ts) that sign-out ends: the cookie opens nothing after it.
import type { NextAuthOptions } from 'next-auth';
import { getDatabase } from '@/db/client';
import { logger } from '@/lib/logger';
import { endAdminSession, isAdminSessionLive, startAdminSession } from './admin-sessions';
import { safeCallbackPath } from './callback-url';
import { configuredProviders } from './identity-providers';
import { resolveAdminIdentity, type IdentityClaims } from './resolve-admin-identity';
import { sessionCookieIsSecure, type PanelToken } from './session-token';
import { authSecret } from './secret';
import { loadViewer } from './viewer';
import { viewerAccess, type ViewerAccess } from './viewer-access';

const CLAIMS_REFRESH_MS = 30_000;
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

// The token carries the verdict (viewer-access.ts) for the proxy, which reads no database.
const TOKEN_ACCESS: Record<ViewerAccess['kind'], PanelToken['access']> = { anonymous: 'no-access', support: 'support', 'no-access': 'no-access', tenant: 'granted' };

async function accessClaims(adminId: string, sessionId: string | undefined): Promise<Partial<PanelToken>> {
  const db = getDatabase().db;
  const [live, viewer] = await Promise.all([isAdminSessionLive(db, adminId, sessionId), loadViewer(db, adminId)]);
  if (!live || !viewer) return { adminId: undefined, sessionId: undefined, access: 'no-access', checkedAt: Date.now() };
  return { adminId, role: viewer.role, access: TOKEN_ACCESS[viewerAccess(viewer).kind], name: viewer.name, email: viewer.email, checkedAt: Date.now() };
}

export function authOptions(): NextAuthOptions {
  return {
    secret: authSecret(),
    providers: configuredProviders(),
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
    useSecureCookies: sessionCookieIsSecure(),
    pages: { signIn: '/login', error: '/login' },
    callbacks: {
      async signIn({ profile }) {
        const resolution = await resolveAdminIdentity(getDatabase().db, (profile ?? {}) as IdentityClaims);
        if ('refused' in resolution) {
          logger().info({ reason: resolution.refused, issuer: (profile as IdentityClaims | undefined)?.iss }, 'sign-in refused');
          return `/no-access?reason=${resolution.refused}`;
        }
        return true;
      },
      async jwt({ token, profile }) {
        const panelToken = token as PanelToken;
        if (profile) {
          const resolution = await resolveAdminIdentity(getDatabase().db, profile as IdentityClaims);
          if ('refused' in resolution) return { ...panelToken, adminId: undefined, access: 'no-access' };
          const sessionId = await startAdminSession(getDatabase().db, resolution.adminId, SESSION_MAX_AGE_SECONDS);
          return { ...panelToken, sessionId, ...(await accessClaims(resolution.adminId, sessionId)) };
        }
        // A token without access is re-checked on every call, so a fresh grant counts at once.
        const stale = Date.now() - (panelToken.checkedAt ?? 0) > CLAIMS_REFRESH_MS || panelToken.access === 'no-access';
        if (panelToken.adminId && stale) {
          return { ...panelToken, ...(await accessClaims(panelToken.adminId, panelToken.sessionId)) };
        }
        return panelToken;
      },
      // Only what the header needs crosses to the browser.
      async session({ session, token }) {
        const panelToken = token as PanelToken;
        return { expires: session.expires, user: { name: panelToken.name, email: panelToken.email }, access: panelToken.access };
      },
      // Back to a path of this panel only; anything else lands on the home page.
      async redirect({ url, baseUrl }) {
        let path: string | null = null;
        try {
          const target = new URL(url, baseUrl);
          if (target.origin === new URL(baseUrl).origin) path = safeCallbackPath(`${target.pathname}${target.search}`);
        } catch {
          path = null;
        }
        return path ? `${baseUrl}${path}` : baseUrl;
      },
    },
    events: {
      // The cookie is cleared by next-auth; the session it names ends here, for any copy of it.
      async signOut({ token }) {
        await endAdminSession(getDatabase().db, (token as PanelToken | null)?.sessionId);
      },
    },
    logger: {
      error: (code, metadata) => logger().error({ code, metadata }, 'next-auth error'),
      warn: (code) => logger().warn({ code }, 'next-auth warning'),
      debug: () => {},
    },
  };
}
