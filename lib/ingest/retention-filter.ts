// The batch's sessions and issues outside the days the panel keeps (lib/partitions/
// retention-window.ts) are not stored: older ones would leave at the next retention run, and a
// date more than a day ahead is a wrong clock. They are counted in the answer, not refused: the
// engine must not retry a batch for ever over one stale item. An issue naming a session left out
// keeps its own place, without the session.
import type { IngestBatch } from './batch-schema';
import { isWritableDay, type RetentionWindow } from '@/lib/partitions/retention-window';
import { utcDay } from '@/lib/partitions/utc-days';

export interface KeptBatch {
  batch: IngestBatch;
  outsideRetention: { sessions: number; issues: number };
  /** The days the kept sessions and issues fall in: their partitions must exist. */
  sessionDays: string[];
  issueDays: string[];
}

export function keepWithinRetention(batch: IngestBatch, window: RetentionWindow): KeptBatch {
  const sessions = batch.sessions ?? [];
  const issues = batch.issues ?? [];
  const keptSessions = sessions.filter((s) => isWritableDay(window, utcDay(s.startedAt)));
  const keptIssues = issues.filter((i) => isWritableDay(window, utcDay(i.occurredAt)));
  const leftOut = new Set(sessions.filter((s) => !isWritableDay(window, utcDay(s.startedAt))).map((s) => s.id));
  const kept: IngestBatch = { ...batch };
  if (batch.sessions) kept.sessions = keptSessions;
  if (batch.issues) kept.issues = leftOut.size === 0 ? keptIssues : keptIssues.map((i) => (i.sessionId && leftOut.has(i.sessionId) ? { ...i, sessionId: null } : i));
  return {
    batch: kept,
    outsideRetention: { sessions: sessions.length - keptSessions.length, issues: issues.length - keptIssues.length },
    sessionDays: [...new Set(keptSessions.map((s) => utcDay(s.startedAt)))],
    issueDays: [...new Set(keptIssues.map((i) => utcDay(i.occurredAt)))],
  };
}
