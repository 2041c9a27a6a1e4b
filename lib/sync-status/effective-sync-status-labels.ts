// The Effective synchronization statuses and their names on screen and in exports. Apart
// from their SQL (effective-sync-status.ts) so that the browser's chips do not pull in the ORM.
export const EFFECTIVE_SYNC_STATUSES = ['enabled', 'disabled', 'error', 'removed'] as const;
export type EffectiveSyncStatus = (typeof EFFECTIVE_SYNC_STATUSES)[number];

export const EFFECTIVE_SYNC_STATUS_LABELS: Record<EffectiveSyncStatus, string> = {
  enabled: 'Enabled',
  disabled: 'Disabled',
  error: 'Disabled due to an error',
  // Reported gone by the sync engine: out of the lists unless asked for.
  removed: 'Removed',
};
