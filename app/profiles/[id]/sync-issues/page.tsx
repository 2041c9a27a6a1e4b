// /profiles/{id}/sync-issues — a profile's issues are many: they are exported as CSV, not listed.
import FileDownloadIcon from '@mui/icons-material/FileDownload';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Metadata } from 'next';
import { requireTenantViewer } from '@/lib/auth/require-viewer';
import { orNotFound } from '@/lib/http/or-not-found';
import { countIssues } from '@/lib/issues/list-issues';
import { getProfile } from '@/lib/profiles/get-profile';

export const metadata: Metadata = { title: 'Profile sync issues' };

export default async function ProfileSyncIssuesPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requireTenantViewer();
  const profile = await orNotFound(getProfile(viewer, (await params).id));
  const total = await countIssues(viewer, { owner: { kind: 'profile', id: profile.id }, range: { from: null, to: null } });
  return (
    <Stack spacing={2} sx={{ maxWidth: 720 }}>
      <Alert severity="info">
        Because of their potential volume, a profile&apos;s sync issues are available as a CSV file only. To browse them, open a user&apos;s Sync issues
        sub-tab.
      </Alert>
      <Typography>
        {profile.name} has <strong>{total.count.toLocaleString('en-US')}{total.capped ? '+' : ''}</strong> sync issue{total.count === 1 ? '' : 's'}.
      </Typography>
      <div>
        <Button href={`/api/profiles/${profile.id}/sync-issues.csv`} variant="contained" startIcon={<FileDownloadIcon />} download>
          Export To CSV
        </Button>
      </div>
    </Stack>
  );
}
