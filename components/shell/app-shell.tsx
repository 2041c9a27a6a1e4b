// The frame of every page: the top bar with the navigation and the signed-in admin. The main
// area never grows wider than the window: wide tables scroll inside themselves.
import type { ReactNode } from 'react';
import { AccessWatcher } from '@/components/auth/access-watcher';
import { SignOutButton } from '@/components/auth/sign-out-button';
import type { Viewer } from '@/lib/auth/viewer';
import { MenuNavigation, TopBarNavigation } from './administration-nav';
import styles from './app-shell.module.css';
import { navigationFor, ROLE_LABELS } from './navigation';

function SignedInAdmin({ viewer, testId }: { viewer: Viewer; testId?: string }) {
  return (
    <div className={styles.admin} data-testid={testId}>
      <p className={styles.adminName}>
        {viewer.name} ({viewer.email})
      </p>
      <span className={styles.adminRole}>
        {viewer.tenantName ? `${viewer.tenantName} · ` : ''}
        {ROLE_LABELS[viewer.role]}
      </span>
    </div>
  );
}

// Plain elements styled by app-shell.module.css: the frame is on every page (issue 20).
export function AppShell({ viewer, freshness, children }: { viewer: Viewer | null; freshness?: ReactNode; children: ReactNode }) {
  const sections = navigationFor(viewer);
  return (
    <div className={styles.frame}>
      <header className={styles.bar}>
        <div className={styles.toolbar}>
          {sections.length > 0 && <MenuNavigation sections={sections} footer={viewer && <SignedInAdmin viewer={viewer} />} />}
          <span className={styles.title}>Sync Admin Panel</span>
          {sections.length > 0 && <TopBarNavigation sections={sections} />}
          <div className={styles.spacer} />
          {freshness && <div className={styles.freshness}>{freshness}</div>}
          {viewer && (
            <div className={styles.account}>
              <div className={styles.wideOnly}>
                <SignedInAdmin viewer={viewer} testId="signed-in-admin" />
              </div>
              <SignOutButton />
            </div>
          )}
        </div>
      </header>
      {viewer && <AccessWatcher />}
      <main id="main" className={styles.main}>
        {children}
      </main>
    </div>
  );
}
