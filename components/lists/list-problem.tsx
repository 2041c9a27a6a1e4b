// What a list page shows for a bad parameter or a stale page link: its controls, the message,
// and a way back to the default view — never an error page.
import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import type { ReactNode } from 'react';
import { AppLink } from '@/components/links/app-link';

export function ListProblem({ controls, message, resetHref, resetLabel }: { controls: ReactNode; message: string; resetHref: string; resetLabel: string }) {
  return (
    <Stack spacing={2}>
      {controls}
      <Alert severity="warning">
        {message} <AppLink href={resetHref}>{resetLabel}</AppLink>
      </Alert>
    </Stack>
  );
}
