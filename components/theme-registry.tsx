'use client';
// MUI's emotion cache for the App Router (its <style> elements carry the page's CSP nonce), the
// theme and the CSS baseline. No stylis plugins: Emotion's default one writes every flex, box and
// user-select rule again with -webkit-/-ms- prefixes, which the browsers the panel supports do
// not need — and every page inlines its styles, so they weighed on every response.
import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import { AppRouterCacheProvider } from '@mui/material-nextjs/v16-appRouter';
import type { ReactNode } from 'react';
import { NonceProvider } from './nonce';
import { theme } from './theme';

// A prop of the CSS-variables provider, which `createTheme`'s static type does not announce.
const WITHOUT_VARIABLES_SHEET = { disableStyleSheetGeneration: true } as object;

export function ThemeRegistry({ nonce, children }: { nonce?: string; children: ReactNode }) {
  return (
    <AppRouterCacheProvider options={{ key: 'mui', nonce, stylisPlugins: [] }}>
      {/* The theme's CSS variables come from app/theme-variables.css, a static file: not inlined per page. */}
      <ThemeProvider theme={theme} {...WITHOUT_VARIABLES_SHEET}>
        <CssBaseline />
        <NonceProvider value={nonce}>{children}</NonceProvider>
      </ThemeProvider>
    </AppRouterCacheProvider>
  );
}
