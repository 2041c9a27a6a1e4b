// / — where an admin lands after sign-in: support goes to its console; tenant admins see
// their organization, role and scope.
import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { redirect } from 'next/navigation';
import { getViewer } from '@/lib/auth/viewer';
import { requireTenantViewer } from '@/lib/auth/require-viewer';
import { describeViewerScope } from '@/lib/profiles/describe-viewer-scope';
import { ROLE_LABELS } from '@/components/shell/navigation';

export default async function HomePage() {
  if ((await getViewer())?.role === 'support') redirect('/support');
  const viewer = await requireTenantViewer();
  const scope = await describeViewerScope(viewer);
  return (
    <Stack spacing={2} sx={{ maxWidth: 760 }}>
      <Typography variant="h1">{viewer.tenantName}</Typography>
      <Typography>
        Signed in as {viewer.name}, {ROLE_LABELS[viewer.role].toLowerCase()}. You manage {scope}.
      </Typography>
      <Alert severity="info">
        This panel monitors the synchronization between your users&apos; mailboxes (Outlook, Gmail) and Salesforce.
      </Alert>
    </Stack>
  );
}
