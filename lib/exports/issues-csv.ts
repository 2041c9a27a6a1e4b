import 'server-only';
// The sync issues CSV: header and values as docs/using-the-panel.md names them (an unknown error code as
// "Unknown (n)"), produced batch by batch.
import type { TenantViewer } from '@/lib/auth/viewer';
import { CONNECTIVITY_LABELS, errorCodeLabel, ISSUE_TYPE_LABELS, OPERATION_LABELS } from '@/lib/issues/issue-labels';
import { readIssuesInBatches, type IssueFilter, type IssueRow } from '@/lib/issues/list-issues';
import { ERROR_SOURCE_LABELS } from '@/lib/sessions/session-labels';
import { csvRows, csvTime, UTF8_BOM } from './csv';

export const ISSUES_CSV_HEADER = ['ID', 'User name', 'Profile name', 'Date', 'Type', 'Connectivity', 'Name', 'Operation name', 'Error Code', 'Description', 'Error source', 'Target object ID'];

export function issueCsvRow(i: IssueRow) {
  return [
    i.id,
    i.userName,
    i.profileName,
    csvTime(i.occurredAt),
    ISSUE_TYPE_LABELS[i.type],
    CONNECTIVITY_LABELS[i.direction],
    i.name,
    OPERATION_LABELS[i.operation],
    errorCodeLabel(i.errorCode),
    i.description,
    i.errorSource ? ERROR_SOURCE_LABELS[i.errorSource] : null,
    i.targetObjectId,
  ];
}

export async function* issuesCsv(viewer: TenantViewer, filter: IssueFilter): AsyncGenerator<string> {
  yield UTF8_BOM + csvRows([ISSUES_CSV_HEADER]);
  for await (const batch of readIssuesInBatches(viewer, filter)) yield csvRows(batch.map(issueCsvRow));
}
