// From an engine-id map row to its row: by the row's full key, so one partition is read.
import { and, eq } from 'drizzle-orm';
import { syncIssueEngineIds, syncIssues, syncSessionEngineIds, syncSessions } from '@/db/schema';

export const sessionOfEngineId = and(
  eq(syncSessions.tenantId, syncSessionEngineIds.tenantId),
  eq(syncSessions.startedAt, syncSessionEngineIds.startedAt),
  eq(syncSessions.id, syncSessionEngineIds.sessionId),
)!;

export const issueOfEngineId = and(
  eq(syncIssues.tenantId, syncIssueEngineIds.tenantId),
  eq(syncIssues.occurredAt, syncIssueEngineIds.occurredAt),
  eq(syncIssues.id, syncIssueEngineIds.issueId),
)!;
