// The frame of every page: the top bar with the signed-in admin, and the navigation.
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { AccessWatcher } from '@/components/auth/access-watcher';
import { SignOutButton } from '@/components/auth/sign-out-button';
import type { Viewer } from '@/lib/auth/viewer';
import { AdministrationNav } from './administration-nav';
import { navigationFor, ROLE_LABELS } from './navigation';

export function AppShell({ viewer, children }: { viewer: Viewer | null; children: ReactNode }) {
  const sections = navigationFor(viewer);
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', minHeight: '100vh' }}>
      <AppBar position="static" color="primary" component="header">
        <Toolbar variant="dense" sx={{ gap: 2 }}>
          <Typography component="span" variant="h6" sx={{ fontWeight: 600, flex: 1 }}>
            Sync Admin Panel
          </Typography>
          {viewer && (
            <Stack direction="row" spacing={2} sx={{ alignItems: "center" }}>
              <Box sx={{ textAlign: 'right', lineHeight: 1.2 }} data-testid="signed-in-admin">
                <Typography variant="body2" sx={{ fontWeight: 600 }}>
                  {viewer.name} ({viewer.email})
                </Typography>
                <Typography variant="caption">
                  {viewer.tenantName ? `${viewer.tenantName} · ` : ''}
                  {ROLE_LABELS[viewer.role]}
                </Typography>
              </Box>
              <SignOutButton />
            </Stack>
          )}
        </Toolbar>
      </AppBar>
      {viewer && <AccessWatcher />}
      <Box sx={{ display: 'flex', flex: 1 }}>
        {sections.length > 0 && <AdministrationNav sections={sections} />}
        <Box component="main" id="main" sx={{ flex: 1, p: 3, minWidth: 0 }}>
          {children}
        </Box>
      </Box>
    </Box>
  );
}
