// The words of sync issues (docs/using-the-panel.md) as the pages and the CSV files show them.
import { ERROR_CODE_MEANINGS, type IssueOperation, type IssueType, type SyncDirection } from '@/domain/sync-vocabulary';

export const ISSUE_TYPE_LABELS: Record<IssueType, string> = { email: 'Emails', event: 'Events', contact: 'Contacts', task: 'Tasks' };
export const OPERATION_LABELS: Record<IssueOperation, string> = { create: 'Create', update: 'Update', delete: 'Delete' };
export const CONNECTIVITY_LABELS: Record<SyncDirection, string> = {
  outlook_to_salesforce: 'MS Outlook -> Salesforce',
  gmail_to_salesforce: 'Gmail -> Salesforce',
  salesforce_to_outlook: 'Salesforce -> MS Outlook',
  salesforce_to_gmail: 'Salesforce -> Gmail',
};

export function errorCodeLabel(code: number): string {
  return code in ERROR_CODE_MEANINGS ? String(code) : `Unknown (${code})`;
}

export function errorCodeMeaning(code: number): string {
  return ERROR_CODE_MEANINGS[code] ?? 'Unknown error code';
}

