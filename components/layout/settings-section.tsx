// A titled, outlined section of a settings-like page (Alerts, Organisation): its heading names
// the region for assistive technology.
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

export function SettingsSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby={id}>
      <Stack spacing={1.5}>
        <Typography variant="h2" id={id}>
          {title}
        </Typography>
        {children}
      </Stack>
    </Paper>
  );
}

/** A sub-heading inside a section ("New rule"). */
export function SettingsSubheading({ id, children }: { id?: string; children: ReactNode }) {
  return (
    <Typography variant="h3" id={id} sx={{ fontSize: '1.1rem', fontWeight: 600, scrollMarginTop: 80 }}>
      {children}
    </Typography>
  );
}
