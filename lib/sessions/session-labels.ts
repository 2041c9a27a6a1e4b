// The words the UI and the CSV files use for a session's error source.
import type { ErrorSource } from '@/domain/sync-vocabulary';

export const ERROR_SOURCE_LABELS: Record<ErrorSource, string> = {
  crm: 'CRM',
  mail_server: 'Mail server',
  sync_application: 'Sync application',
};
