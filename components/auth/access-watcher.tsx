'use client';
// Keeps an open page honest: every 30 seconds the session is refreshed from the database, and
// a browser whose access was revoked (or whose admin was removed) is sent away at once.
import { useEffect } from 'react';

const CHECK_EVERY_MS = 30_000;

export function AccessWatcher() {
  useEffect(() => {
    const timer = setInterval(async () => {
      try {
        const response = await fetch('/api/auth/session', { cache: 'no-store' });
        const session = (await response.json()) as { access?: string } | null;
        if (!session?.access) window.location.assign('/login');
        else if (session.access === 'no-access') window.location.assign('/no-access');
      } catch {
        // offline for a moment: the next check or request decides
      }
    }, CHECK_EVERY_MS);
    return () => clearInterval(timer);
  }, []);
  return null;
}
