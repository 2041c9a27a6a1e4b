// /users/{id}/settings — every setting's effective value for the user and where it comes from.
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Metadata } from 'next';
import { UserSettingsEditor } from '@/components/settings/user-settings-editor';
import { requireTenantViewer } from '@/lib/auth/require-viewer';
import { orNotFound } from '@/lib/http/or-not-found';
import { getUserSettings } from '@/lib/settings/user-settings';

export const metadata: Metadata = { title: 'User settings' };

export default async function UserSettingsPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requireTenantViewer();
  const { id } = await params;
  const settings = await orNotFound(getUserSettings(viewer, id));
  return (
    <Stack spacing={2}>
      <Typography variant="body2" color="text.secondary" sx={{ maxWidth: 900 }}>
        A setting the profile forces wins; otherwise the user&apos;s own value (set here or chosen in the add-in); otherwise the profile&apos;s value.
      </Typography>
      <UserSettingsEditor userId={id} settings={settings} />
    </Stack>
  );
}
