'use client';
// A page that failed: a plain message and a way to retry, never a stack trace.
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <Stack spacing={2} sx={{ maxWidth: 640 }}>
      <Typography variant="h1">Something went wrong</Typography>
      <Alert severity="error">The page could not be shown: the panel may be busy or its database briefly away. Please try again in a moment; if it keeps failing, contact support.</Alert>
      <div>
        <Button variant="contained" onClick={reset}>
          Try again
        </Button>
      </div>
    </Stack>
  );
}
