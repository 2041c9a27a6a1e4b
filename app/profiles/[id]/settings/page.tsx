// /profiles/{id}/settings — the profile's sync and customization settings, each with its value
// and whether it is forced on the profile's users.
import Typography from '@mui/material/Typography';
import Stack from '@mui/material/Stack';
import type { Metadata } from 'next';
import { ProfileSettingsEditor } from '@/components/settings/profile-settings-editor';
import { requireTenantViewer } from '@/lib/auth/require-viewer';
import { orNotFound } from '@/lib/http/or-not-found';
import { getProfileSettings } from '@/lib/settings/profile-settings';

export const metadata: Metadata = { title: 'Profile settings' };

export default async function ProfileSettingsPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requireTenantViewer();
  const { id } = await params;
  const settings = await orNotFound(getProfileSettings(viewer, id));
  return (
    <Stack spacing={2}>
      <Typography variant="body2" color="text.secondary" sx={{ maxWidth: 900 }}>
        A value here is what the profile&apos;s users get unless they choose their own in the add-in. A <strong>forced</strong> setting is the same for
        every user of the profile: they see it greyed out and cannot change it.
      </Typography>
      <ProfileSettingsEditor profileId={id} settings={settings} />
    </Stack>
  );
}
