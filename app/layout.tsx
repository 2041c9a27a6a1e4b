import type { Metadata } from 'next';
import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { AppShell } from '@/components/shell/app-shell';
import { ThemeRegistry } from '@/components/theme-registry';
import { DatabaseUnavailable } from '@/components/shell/database-unavailable';
import { env } from '@/config/env';
import { isDatabaseUnavailable } from '@/db/database-errors';
import { getViewer, type Viewer } from '@/lib/auth/viewer';
import { viewerAccess } from '@/lib/auth/viewer-access';
import { HeaderFreshness } from '@/components/freshness/header-freshness';
import { TimeZoneProvider } from '@/components/time/time-zone-context';
import { DEFAULT_TIME_ZONE } from '@/lib/time/zoned-time';
import { engineFreshnessForPage } from '@/lib/freshness/engine-freshness';
import { NONCE_HEADER } from '@/lib/http/content-security-policy';
import './theme-variables.css';
import './component-styles.css';


export const metadata: Metadata = {
  title: { default: 'Sync Admin Panel', template: '%s · Sync Admin Panel' },
  description: 'Monitor and manage the mailbox and CRM synchronization of your users',
};

/** Every page of a tenant's admin says how fresh its data is; support and the sign-in pages don't. */
async function headerFreshness(viewer: Viewer | null) {
  const access = viewerAccess(viewer);
  if (access.kind !== 'tenant') return undefined;
  const freshness = await engineFreshnessForPage(access.viewer.tenantId).catch((error: unknown) => {
    // The header's word is not worth the page: the page's own reads say the database is away.
    if (isDatabaseUnavailable(error)) return null;
    throw error;
  });
  if (!freshness) return undefined;
  const { lastBatchAt, lateAfterMinutes, longestIntervalMinutes } = freshness;
  return <HeaderFreshness lastBatchAt={lastBatchAt} lateAfterMinutes={lateAfterMinutes} longestIntervalMinutes={longestIntervalMinutes} renderedAt={new Date().toISOString()} />;
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page reads its viewer from the database first: while it does not answer, the page
  // says so instead of failing (the pages' own reads fall to app/error.tsx).
  const viewer = await getViewer().then(
    (found) => ({ available: true as const, found }),
    (error: unknown) => {
      if (isDatabaseUnavailable(error)) return { available: false as const };
      throw error;
    },
  );
  // The proxy's nonce for this request (reading headers also keeps every page dynamic: a page
  // prerendered once could not carry a per-request nonce).
  const nonce = (await headers()).get(NONCE_HEADER) ?? undefined;
  return (
    <html lang="en">
      <body>
        <ThemeRegistry nonce={nonce} inlineAllStyles={env().STYLES_INLINE_ALL === '1'}>
          {!viewer.available ? (
            <AppShell viewer={null}>
              <DatabaseUnavailable />
            </AppShell>
          ) : (
            // Every time and day on the pages is in the organisation's zone.
            <TimeZoneProvider timeZone={viewer.found?.timeZone ?? DEFAULT_TIME_ZONE}>
              <AppShell viewer={viewer.found} freshness={await headerFreshness(viewer.found)}>
                {children}
              </AppShell>
            </TimeZoneProvider>
          )}
        </ThemeRegistry>
      </body>
    </html>
  );
}
