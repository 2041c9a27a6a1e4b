// The frame of every page: the top bar with the navigation and the signed-in admin. The main
// area never grows wider than the window: wide tables scroll inside themselves.
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { AccessWatcher } from '@/components/auth/access-watcher';
import { SignOutButton } from '@/components/auth/sign-out-button';
import type { Viewer } from '@/lib/auth/viewer';
import { MenuNavigation, TopBarNavigation } from './administration-nav';
import { navigationFor, ROLE_LABELS } from './navigation';

function SignedInAdmin({ viewer, testId }: { viewer: Viewer; testId?: string }) {
  return (
    <Box sx={{ lineHeight: 1.2, minWidth: 0 }} data-testid={testId}>
      <Typography variant="body2" sx={{ fontWeight: 600, overflowWrap: 'anywhere' }}>
        {viewer.name} ({viewer.email})
      </Typography>
      <Typography variant="caption">
        {viewer.tenantName ? `${viewer.tenantName} · ` : ''}
        {ROLE_LABELS[viewer.role]}
      </Typography>
    </Box>
  );
}

export function AppShell({ viewer, children }: { viewer: Viewer | null; children: ReactNode }) {
  const sections = navigationFor(viewer);
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', minHeight: '100vh' }}>
      <AppBar position="static" color="primary" component="header">
        <Toolbar variant="dense" sx={{ gap: { xs: 1, md: 2 }, px: { xs: 1, sm: 2 } }}>
          {sections.length > 0 && <MenuNavigation sections={sections} footer={viewer && <SignedInAdmin viewer={viewer} />} />}
          <Typography component="span" variant="h6" sx={{ fontWeight: 600, whiteSpace: 'nowrap', fontSize: { xs: '1.05rem', sm: '1.25rem' } }}>
            Sync Admin Panel
          </Typography>
          {sections.length > 0 && <TopBarNavigation sections={sections} />}
          <Box sx={{ flex: 1 }} />
          {viewer && (
            <Stack direction="row" spacing={2} sx={{ alignItems: 'center', minWidth: 0 }}>
              <Box sx={{ display: { xs: 'none', md: 'block' }, textAlign: 'right' }}>
                <SignedInAdmin viewer={viewer} testId="signed-in-admin" />
              </Box>
              <SignOutButton />
            </Stack>
          )}
        </Toolbar>
      </AppBar>
      {viewer && <AccessWatcher />}
      <Box component="main" id="main" sx={{ flex: 1, p: { xs: 1.5, sm: 2, xl: 3 }, minWidth: 0, maxWidth: '100vw' }}>
        {children}
      </Box>
    </Box>
  );
}
