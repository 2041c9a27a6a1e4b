// The six session statuses as the UI and the CSV files show them.
import type { SessionStatus } from '@/domain/sync-vocabulary';

export const SESSION_STATUS_LABELS: Record<SessionStatus, string> = {
  ready: 'Ready to synchronize',
  started: 'Started',
  success: 'Success',
  skipped: 'Skipped',
  canceled: 'Canceled',
  error: 'Error',
};

// Colours; Ready to synchronize and Skipped share grey and differ by icon and outline (the chip).
export const SESSION_STATUS_TONES: Record<SessionStatus, 'good' | 'bad' | 'neutral' | 'warning' | 'info'> = {
  ready: 'neutral',
  started: 'info',
  success: 'good',
  skipped: 'neutral',
  canceled: 'warning',
  error: 'bad',
};
