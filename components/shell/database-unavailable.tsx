// Shown instead of a page while the database does not answer: the panel is up, its data is not.
import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';

export function DatabaseUnavailable() {
  return (
    <Stack spacing={2} sx={{ maxWidth: 640 }}>
      <Typography variant="h1">Temporarily unavailable</Typography>
      <Alert severity="warning">
        The Sync Admin Panel cannot reach its database right now. Nothing is lost: reload this page in a moment.
      </Alert>
    </Stack>
  );
}
