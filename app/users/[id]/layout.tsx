// /users/{id}/… — the user's name, email, profile, both statuses, their recent sync (failing
// since when, the last sessions, the last Sync now request), the sync switch and Sync now —
// or, for a user the sync engine removed, when that happened and no switch.
import Alert from '@mui/material/Alert';
import Breadcrumbs from '@mui/material/Breadcrumbs';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { FactField } from '@/components/facts/fact-field';
import { AppLink } from '@/components/links/app-link';
import { EffectiveStatusChip, SyncStatusChip } from '@/components/status/sync-status-chips';
import { SubTabs } from '@/components/navigation/sub-tabs';
import { SyncToggleButton } from '@/components/sync-switch/sync-toggle-button';
import { LocalDateTime } from '@/components/time/local-date-time';
import { requireTenantViewer } from '@/lib/auth/require-viewer';
import { orNotFound } from '@/lib/http/or-not-found';
import { getUser } from '@/lib/users/get-user';
import { failingStreak, lastSessionError, recentSessionMarks } from '@/lib/users/sync-story';
import { ExplanationBlock } from '@/components/errors/explanation-block';
import { listCategoryNotes } from '@/lib/errors/category-notes';
import { explainErrorCategory } from '@/lib/errors/error-catalog';
import { ERROR_SOURCE_LABELS } from '@/lib/sessions/session-labels';
import { SyncStory } from '@/components/users/sync-story';
import { SyncNowButton } from '@/components/users/sync-now-button';
import { SyncRequestFact } from '@/components/users/sync-request-fact';
import { latestSyncRequest } from '@/lib/sync-requests/latest-sync-request';
import { setUserSyncAction } from '../actions';

export default async function UserLayout({ params, children }: { params: Promise<{ id: string }>; children: ReactNode }) {
  const viewer = await requireTenantViewer();
  const user = await orNotFound(getUser(viewer, (await params).id));
  // The user is in the viewer's scope (getUser): their sessions may be read by id.
  const [streak, recent, lastRequest, lastError, notes] = await Promise.all([
    failingStreak(viewer.tenantId, user.id),
    recentSessionMarks(viewer.tenantId, user.id),
    latestSyncRequest(viewer.tenantId, user.id),
    lastSessionError(viewer.tenantId, user.id),
    listCategoryNotes(viewer),
  ]);
  // A user disabled due to an error, or failing: what their last Error session's category means.
  const explained =
    lastError && (user.effectiveStatus === 'error' || streak.failingSince)
      ? { ...explainErrorCategory(lastError.category, lastError.source), note: lastError.category ? notes[lastError.category] : null }
      : null;
  const syncOn = user.userSyncEnabled && user.effectiveStatus !== 'error';
  return (
    <Stack spacing={2}>
      <Breadcrumbs aria-label="breadcrumb">
        <AppLink href="/users">Users</AppLink>
        <Typography color="text.primary">{user.name}</Typography>
      </Breadcrumbs>
      <Typography variant="h1">{user.name}</Typography>
      {user.removedAt && (
        <Alert severity="info">
          The sync engine removed this user on <LocalDateTime iso={user.removedAt} />: they no longer synchronize and appear in the lists only under the
          Removed filter. Their sessions, sync issues and logs stay. If the engine reports them again, they come back.
        </Alert>
      )}
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Stack direction="row" spacing={4} useFlexGap component="dl" sx={{ m: 0, flexWrap: 'wrap', rowGap: 2 }}>
          <FactField label="Email">{user.email}</FactField>
          <FactField label="Profile">
            <AppLink href={`/profiles/${user.profileId}/users`}>{user.profileName}</AppLink>
          </FactField>
          <FactField label="Synchronization status (profile)">
            <SyncStatusChip enabled={user.profileSyncEnabled} />
          </FactField>
          <FactField label="Effective synchronization status">
            <EffectiveStatusChip status={user.effectiveStatus} reason={user.syncErrorReason} fullReason />
          </FactField>
          {user.syncErrorAt && (
            <FactField label="Error reported">
              <LocalDateTime iso={user.syncErrorAt} />
            </FactField>
          )}
          {explained && (
            <FactField label={`What the error means${lastError?.category ? ` (${lastError.category}${lastError.source ? `, ${ERROR_SOURCE_LABELS[lastError.source]}` : ''})` : ''}`}>
              <ExplanationBlock explanation={explained} />
            </FactField>
          )}
          <SyncStory userId={user.id} streak={streak} recent={recent} />
          {lastRequest && <SyncRequestFact userId={user.id} request={lastRequest} />}
        </Stack>
        {!user.removedAt && (
          <Stack direction="row" spacing={2} useFlexGap sx={{ mt: 2, flexWrap: 'wrap', alignItems: 'flex-start' }}>
            <SyncToggleButton
              id={user.id}
              // A user disabled due to an error is enabled again (the error stops counting).
              enabled={syncOn}
              subject={user.name}
              consequence={
                syncOn
                  ? 'The user stops synchronizing until sync is enabled again.'
                  : user.effectiveStatus === 'error'
                    ? `The user synchronizes again at the next sync interval; the error reported before now ("${user.syncErrorReason ?? 'no reason given'}") no longer counts. If its cause remains, the engine reports it again.`
                    : user.profileSyncEnabled
                      ? 'The user synchronizes again at the next sync interval.'
                      : `The user is enabled, but synchronizes only once the profile "${user.profileName}" is enabled too.`
              }
              action={setUserSyncAction}
            />
            <SyncNowButton userId={user.id} enabled={user.effectiveStatus === 'enabled'} />
          </Stack>
        )}
      </Paper>
      <SubTabs label="User sections" home={`/users/${user.id}`} tabs={[
          { href: `/users/${user.id}/statistics`, label: 'Statistics' },
          { href: `/users/${user.id}/sync-issues`, label: 'Sync issues' },
          { href: `/users/${user.id}/settings`, label: 'Settings' },
        ]} />
      {children}
    </Stack>
  );
}
