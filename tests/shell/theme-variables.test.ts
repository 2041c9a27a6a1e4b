// app/theme-variables.css is the theme's CSS variables, generated: it must say what the theme
// says (run `npm run theme:css` after changing components/theme.ts), and hold every variable the
// components read.
import fs from 'node:fs';
import { expect, it } from 'vitest';
import { THEME_VARIABLES_HEADER, themeVariablesCss } from '@/components/theme-variables';

it('is the stylesheet the theme generates', () => {
  const file = fs.readFileSync('app/theme-variables.css', 'utf8');
  expect(file.startsWith(THEME_VARIABLES_HEADER)).toBe(true);
  expect(file).toBe(themeVariablesCss());
});

it('defines the palette the components use', () => {
  const css = themeVariablesCss();
  for (const name of ['--mui-palette-primary-main: #1f5fbf', '--mui-palette-error-main: #c62828', '--mui-palette-background-default: #f5f7fa', '--mui-shape-borderRadius: 8px']) {
    expect(css).toContain(name);
  }
});
