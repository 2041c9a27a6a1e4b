'use client';
// MUI's emotion cache for the App Router (its <style> elements carry the page's CSP nonce), the
// theme and the CSS baseline.
import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import { AppRouterCacheProvider } from '@mui/material-nextjs/v16-appRouter';
import type { ReactNode } from 'react';
import { NonceProvider } from './nonce';
import { theme } from './theme';

export function ThemeRegistry({ nonce, children }: { nonce?: string; children: ReactNode }) {
  return (
    <AppRouterCacheProvider options={{ key: 'mui', nonce }}>
      <ThemeProvider theme={theme}>
        <CssBaseline />
        <NonceProvider value={nonce}>{children}</NonceProvider>
      </ThemeProvider>
    </AppRouterCacheProvider>
  );
}
