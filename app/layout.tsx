import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { AppShell } from '@/components/shell/app-shell';
import { ThemeRegistry } from '@/components/theme-registry';
import { getViewer } from '@/lib/auth/viewer';

export const metadata: Metadata = {
  title: { default: 'Sync Admin Panel', template: '%s · Sync Admin Panel' },
  description: 'Monitor and manage the mailbox and CRM synchronization of your users',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const viewer = await getViewer();
  return (
    <html lang="en">
      <body>
        <ThemeRegistry>
          <AppShell viewer={viewer}>{children}</AppShell>
        </ThemeRegistry>
      </body>
    </html>
  );
}
