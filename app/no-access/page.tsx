// /no-access — for identities that are not admins, and admins whose organization has no
// panel access: where to ask for it.
import Alert from '@mui/material/Alert';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Metadata } from 'next';
import { AccessRestored } from '@/components/auth/access-restored';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { getViewer } from '@/lib/auth/viewer';
import { viewerAccess } from '@/lib/auth/viewer-access';
import { env } from '@/config/env';

export const metadata: Metadata = { title: 'No access' };

export default async function NoAccessPage({ searchParams }: { searchParams: Promise<{ reason?: string }> }) {
  const { reason } = await searchParams;
  const viewer = await getViewer();
  const access = viewerAccess(viewer);
  const supportEmail = env().SUPPORT_EMAIL;
  if (access.kind === 'tenant') return <AccessRestored />;
  const unknownIdentity = !viewer && (reason === 'unknown-identity' || reason === 'ambiguous-identity' || reason === 'incomplete-identity');
  return (
    <Stack sx={{ pt: 8, alignItems: "center" }}>
      <Paper variant="outlined" sx={{ p: 4, width: 560, maxWidth: '100%' }}>
        <Stack spacing={2}>
          <Typography variant="h1">You don&apos;t have access to the Sync Admin Panel</Typography>
          {unknownIdentity && (
            <Alert severity="warning">Your sign-in identity does not belong to an admin of an organization using this panel.</Alert>
          )}
          {access.kind === 'no-access' && (
            <Alert severity="warning">
              {access.viewer.tenantName ?? 'Your organization'} has not been granted access to the admin panel.
            </Alert>
          )}
          <Typography>
            Using the admin panel requires a special permission for your organization. To request it, contact support at{' '}
            <Link href={`mailto:${supportEmail}`}>{supportEmail}</Link>.
          </Typography>
          {viewer && (
            <div>
              <SignOutButton color="primary" />
            </div>
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}
