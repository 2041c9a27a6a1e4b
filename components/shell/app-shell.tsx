// The frame of every panel page: the top bar and the Administration navigation.
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { AdministrationNav } from './administration-nav';
import { ADMINISTRATION_ITEMS } from './navigation';

export function AppShell({ children }: { children: ReactNode }) {
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', minHeight: '100vh' }}>
      <AppBar position="static" color="primary">
        <Toolbar variant="dense">
          <Typography component="span" variant="h6" sx={{ fontWeight: 600 }}>
            Sync Admin Panel
          </Typography>
        </Toolbar>
      </AppBar>
      <Box sx={{ display: 'flex', flex: 1 }}>
        {ADMINISTRATION_ITEMS.length > 0 && <AdministrationNav items={ADMINISTRATION_ITEMS} />}
        <Box component="main" id="main" sx={{ flex: 1, p: 3, minWidth: 0 }}>
          {children}
        </Box>
      </Box>
    </Box>
  );
}
