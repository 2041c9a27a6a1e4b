// The landing page: what this service is and whether it can serve.
import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { connection } from 'next/server';
import { getServiceHealth } from '@/lib/health/check-health';

export default async function HomePage() {
  await connection();
  const health = await getServiceHealth();
  return (
    <Stack spacing={2} sx={{ maxWidth: 720 }}>
      <Typography variant="h1">Sync Admin Panel</Typography>
      <Typography>
        Monitor and manage the synchronization between your users&apos; mailboxes (Outlook, Gmail) and Salesforce:
        profiles and users with their sync statuses, every sync session&apos;s statistics, and sync issues.
      </Typography>
      {health.status === 'ok' ? (
        <Alert severity="success">Service ready ({health.database.driver} database, {health.migrations.applied} migrations applied).</Alert>
      ) : (
        <Alert severity="error">Service unavailable: {health.problem}.</Alert>
      )}
    </Stack>
  );
}
