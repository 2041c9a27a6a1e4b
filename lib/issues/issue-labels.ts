// The words of sync issues (DESIGN.md §2) as the pages and the CSV files show them.
import type { directionValues, issueTypeValues, operationValues } from '@/lib/ingest/batch-schema';

type IssueType = (typeof issueTypeValues)[number];
type Operation = (typeof operationValues)[number];
type Direction = (typeof directionValues)[number];

export const ISSUE_TYPE_LABELS: Record<IssueType, string> = { email: 'Emails', event: 'Events', contact: 'Contacts', task: 'Tasks' };
export const OPERATION_LABELS: Record<Operation, string> = { create: 'Create', update: 'Update', delete: 'Delete' };
export const CONNECTIVITY_LABELS: Record<Direction, string> = {
  outlook_to_salesforce: 'MS Outlook -> Salesforce',
  gmail_to_salesforce: 'Gmail -> Salesforce',
  salesforce_to_outlook: 'Salesforce -> MS Outlook',
  salesforce_to_gmail: 'Salesforce -> Gmail',
};

// The engine's error codes; any other code is shown as unknown with its number, never dropped.
export const ERROR_CODE_MEANINGS: Record<number, string> = {
  0: 'The object is active; synchronization was successful',
  1: 'The object is locked; an error occurred during the operation',
  2: 'The object has already been removed from storage',
  3: 'The object is inaccessible or was updated prematurely in storage',
};

export function errorCodeLabel(code: number): string {
  return code in ERROR_CODE_MEANINGS ? String(code) : `Unknown (${code})`;
}

export function errorCodeMeaning(code: number): string {
  return ERROR_CODE_MEANINGS[code] ?? 'Unknown error code';
}

export type { IssueType, Operation, Direction };
