'use client';
// MUI's emotion cache for the App Router (its <style> elements carry the page's CSP nonce), the
// theme and the CSS baseline.
// - No stylis plugins: Emotion's default one writes every flex, box and user-select rule again
//   with -webkit-/-ms- prefixes, which the browsers the panel supports do not need.
// - The component classes of app/component-styles.css (a static, cached stylesheet) are marked
//   as already inserted, so Emotion neither inlines them in the page on the server nor inserts
//   them again in the browser; only classes the catalogue lacks are inlined.
import { CacheProvider, type EmotionCache } from '@emotion/react';
import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import { AppRouterCacheProvider } from '@mui/material-nextjs/v16-appRouter';
import type { ReactNode } from 'react';
import { CATALOGUED_STYLE_NAMES } from './catalogued-styles';
import { NonceProvider } from './nonce';
import { theme } from './theme';

// A prop of the CSS-variables provider, which `createTheme`'s static type does not announce.
const WITHOUT_VARIABLES_SHEET = { disableStyleSheetGeneration: true } as object;

const cataloguedNames = CATALOGUED_STYLE_NAMES.split(' ').filter(Boolean);
const seeded = new WeakSet<EmotionCache>();

/** Emotion's provider, with the catalogue's classes marked as present in the cache it is given. */
function CatalogueAwareCacheProvider({ value, children }: { value: EmotionCache; children?: ReactNode }) {
  if (!seeded.has(value)) {
    for (const name of cataloguedNames) value.inserted[name] ??= true;
    seeded.add(value);
  }
  return <CacheProvider value={value}>{children}</CacheProvider>;
}

export function ThemeRegistry({ nonce, inlineAllStyles = false, children }: { nonce?: string; inlineAllStyles?: boolean; children: ReactNode }) {
  return (
    <AppRouterCacheProvider options={{ key: 'mui', nonce, stylisPlugins: [] }} CacheProvider={inlineAllStyles ? CacheProvider : CatalogueAwareCacheProvider}>
      {/* The theme's CSS variables come from app/theme-variables.css, a static file: not inlined per page. */}
      <ThemeProvider theme={theme} {...WITHOUT_VARIABLES_SHEET}>
        <CssBaseline />
        <NonceProvider value={nonce}>{children}</NonceProvider>
      </ThemeProvider>
    </AppRouterCacheProvider>
  );
}
