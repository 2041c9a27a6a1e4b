// /profiles/{id}/… — the profile's name, status and switch (none once the engine removed it), and
// its sub-tabs.
import Alert from '@mui/material/Alert';
import Breadcrumbs from '@mui/material/Breadcrumbs';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { AppLink } from '@/components/links/app-link';
import { SubTabs } from '@/components/navigation/sub-tabs';
import { StatusChip } from '@/components/status/status-chip';
import { SyncStatusChip } from '@/components/status/sync-status-chips';
import { LocalDateTime } from '@/components/time/local-date-time';
import { SyncToggleButton } from '@/components/sync-switch/sync-toggle-button';
import { requireTenantViewer } from '@/lib/auth/require-viewer';
import { orNotFound } from '@/lib/http/or-not-found';
import { getProfile } from '@/lib/profiles/get-profile';
import { setProfileSyncAction } from '../actions';

export default async function ProfileLayout({ params, children }: { params: Promise<{ id: string }>; children: ReactNode }) {
  const viewer = await requireTenantViewer();
  const { id } = await params;
  const profile = await orNotFound(getProfile(viewer, id));
  return (
    <Stack spacing={2}>
      <Breadcrumbs aria-label="breadcrumb">
        <AppLink href="/profiles">Profiles</AppLink>
        <Typography color="text.primary">{profile.name}</Typography>
      </Breadcrumbs>
      <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="h1">{profile.name}</Typography>
        {profile.removedAt ? <StatusChip label="Removed" tone="neutral" /> : <SyncStatusChip enabled={profile.syncEnabled} />}
        {!profile.removedAt && (
          <SyncToggleButton
            id={profile.id}
            enabled={profile.syncEnabled}
            subject={`the profile "${profile.name}"`}
            consequence={
              profile.syncEnabled
                ? 'Every user of this profile stops synchronizing until the profile is enabled again.'
                : 'The users of this profile synchronize again at their next sync interval, except those whose own sync is switched off.'
            }
            action={setProfileSyncAction}
          />
        )}
      </Stack>
      {profile.removedAt && (
        <Alert severity="info">
          The sync engine removed this profile on <LocalDateTime iso={profile.removedAt} />, once it had no users left. Its sessions and sync issues
          stay; if the engine reports it again, it comes back.
        </Alert>
      )}
      <SubTabs label="Profile sections" home={`/profiles/${profile.id}`} tabs={[
          { href: `/profiles/${profile.id}/users`, label: 'Users' },
          { href: `/profiles/${profile.id}/statistics`, label: 'Statistics' },
          { href: `/profiles/${profile.id}/sync-issues`, label: 'Sync issues' },
          { href: `/profiles/${profile.id}/settings`, label: 'Settings' },
        ]} />
      {children}
    </Stack>
  );
}
