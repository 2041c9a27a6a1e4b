// The sync statuses, always as text and colour: Enabled green; Disabled and Disabled due to an
// error red (with the engine's reason at hand).
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { SessionStatus } from '@/domain/sync-vocabulary';
import { EFFECTIVE_SYNC_STATUS_LABELS, type EffectiveSyncStatus } from '@/lib/sync-status/effective-sync-status';
import { SESSION_STATUS_LABELS, SESSION_STATUS_TONES } from '@/lib/sync-status/session-status-labels';
import { StatusChip } from './status-chip';

export function SyncStatusChip({ enabled }: { enabled: boolean }) {
  return <StatusChip label={enabled ? 'Enabled' : 'Disabled'} tone={enabled ? 'good' : 'bad'} />;
}

export function EffectiveStatusChip({ status, reason, fullReason = false }: { status: EffectiveSyncStatus; reason?: string | null; fullReason?: boolean }) {
  return (
    <Stack spacing={0.25} sx={{ py: 0.5, alignItems: 'flex-start' }}>
      <StatusChip label={EFFECTIVE_SYNC_STATUS_LABELS[status]} tone={status === 'enabled' ? 'good' : 'bad'} />
      {status === 'error' && reason && (
        <Typography
          variant="caption"
          color="error.dark"
          title={reason}
          sx={fullReason ? { maxWidth: 480 } : { maxWidth: 260, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
        >
          {reason}
        </Typography>
      )}
    </Stack>
  );
}

export function SessionStatusChip({ status }: { status: SessionStatus }) {
  return <StatusChip label={SESSION_STATUS_LABELS[status]} tone={SESSION_STATUS_TONES[status]} />;
}
