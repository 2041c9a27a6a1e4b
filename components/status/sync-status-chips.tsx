// The sync statuses, always as text and colour: Enabled green; Disabled and Disabled due to an
// error red (with the engine's reason at hand); Removed (by the engine) outlined grey. The six session statuses each have an icon too:
// Ready to synchronize (outlined) and Skipped (filled) share grey, and colour alone is not enough.
import BlockIcon from '@mui/icons-material/Block';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import ErrorIcon from '@mui/icons-material/Error';
import HourglassEmptyIcon from '@mui/icons-material/HourglassEmpty';
import SkipNextIcon from '@mui/icons-material/SkipNext';
import SyncIcon from '@mui/icons-material/Sync';
import Stack from '@mui/material/Stack';
import type { ReactElement } from 'react';
import Typography from '@mui/material/Typography';
import type { SessionStatus } from '@/domain/sync-vocabulary';
import { EFFECTIVE_SYNC_STATUS_LABELS, type EffectiveSyncStatus } from '@/lib/sync-status/effective-sync-status-labels';
import { SESSION_STATUS_LABELS, SESSION_STATUS_TONES } from '@/lib/sync-status/session-status-labels';
import { StatusChip } from './status-chip';

export function SyncStatusChip({ enabled }: { enabled: boolean }) {
  return <StatusChip label={enabled ? 'Enabled' : 'Disabled'} tone={enabled ? 'good' : 'bad'} />;
}

export function EffectiveStatusChip({ status, reason, fullReason = false }: { status: EffectiveSyncStatus; reason?: string | null; fullReason?: boolean }) {
  return (
    <Stack spacing={0.25} sx={{ py: 0.5, alignItems: 'flex-start', minWidth: 0, maxWidth: '100%' }}>
      <StatusChip label={EFFECTIVE_SYNC_STATUS_LABELS[status]} tone={status === 'enabled' ? 'good' : status === 'removed' ? 'neutral' : 'bad'} />
      {status === 'error' && reason && (
        <Typography
          variant="caption"
          color="error.dark"
          title={reason}
          sx={fullReason ? { maxWidth: 480 } : { maxWidth: '100%', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
        >
          {reason}
        </Typography>
      )}
    </Stack>
  );
}

const SESSION_STATUS_ICONS: Record<SessionStatus, ReactElement> = {
  ready: <HourglassEmptyIcon />,
  started: <SyncIcon />,
  success: <CheckCircleIcon />,
  skipped: <SkipNextIcon />,
  canceled: <BlockIcon />,
  error: <ErrorIcon />,
};

export function SessionStatusChip({ status }: { status: SessionStatus }) {
  return <StatusChip label={SESSION_STATUS_LABELS[status]} tone={SESSION_STATUS_TONES[status]} icon={SESSION_STATUS_ICONS[status]} outlined={status === 'ready'} />;
}
