'use client';
// The panel's MUI theme: a calm, dense admin look; status colours come from here only.
import { createTheme } from '@mui/material/styles';

export const theme = createTheme({
  cssVariables: true,
  palette: {
    primary: { main: '#1f5fbf' },
    success: { main: '#1b7f3b' },
    error: { main: '#c62828' },
    // Darker than MUI's defaults so white chip text keeps a 4.5:1 contrast.
    info: { main: '#0b5cad' },
    warning: { main: '#a64b00' },
    background: { default: '#f5f7fa' },
  },
  shape: { borderRadius: 8 },
  typography: {
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
    h1: { fontSize: '1.5rem', fontWeight: 600 },
    h2: { fontSize: '1.25rem', fontWeight: 600 },
  },
  components: {
    MuiButton: { defaultProps: { disableElevation: true } },
    MuiAppBar: { defaultProps: { elevation: 0 } },
  },
});
