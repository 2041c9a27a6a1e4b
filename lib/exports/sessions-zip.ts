import 'server-only';
// A user's sessions as a ZIP: sessions.csv, logs/<session id>.log for each session that has a
// log (dated by the session's start, UTC), and logs/missing.txt naming the sessions that have
// none — so 21 rows and 19 logs never leave the reader guessing. Streamed entry by entry.
import type { TenantViewer } from '@/lib/auth/viewer';
import { readSessionsInBatches } from '@/lib/sessions/list-sessions';
import type { SessionFilter } from '@/lib/sessions/session-filters';
import { logZipEntry, readStoredLogs, type StoredLog } from './session-logs';
import { sessionsCsv } from './sessions-csv';
import { writeZip, type ZipEntry } from './zip-writer';

const LOGS_PER_READ = 20;
const SESSIONS_PER_READ = 500;

async function* logEntries(viewer: TenantViewer, filter: SessionFilter): AsyncGenerator<ZipEntry> {
  for await (const batch of readSessionsInBatches(viewer, filter, SESSIONS_PER_READ)) {
    const startedAt = new Map(batch.filter((s) => s.hasLog).map((s) => [s.id, new Date(s.startedAt)]));
    const withLogs = [...startedAt.keys()];
    for (let i = 0; i < withLogs.length; i += LOGS_PER_READ) {
      const sessions = withLogs.slice(i, i + LOGS_PER_READ).map((id) => ({ id, startedAt: startedAt.get(id)! }));
      for (const log of await readStoredLogs(viewer, sessions)) {
        yield logZipEntry(log, `logs/${log.sessionId}.log`, startedAt.get(log.sessionId)!);
      }
    }
  }
}

/** The lines of logs/missing.txt, or nothing when every session has its log. */
async function* missingLogLines(viewer: TenantViewer, filter: SessionFilter): AsyncGenerator<string> {
  let first = true;
  for await (const batch of readSessionsInBatches(viewer, filter, SESSIONS_PER_READ)) {
    for (const session of batch) {
      if (session.hasLog) continue;
      if (first) yield 'Sessions of this download without a log (the sync engine sent none):\r\nsession id,started at (UTC),status\r\n';
      first = false;
      yield `${session.id},${session.startedAt},${session.status}\r\n`;
    }
  }
}

/** The missing-logs entry, when there is one (its first line is read before the entry starts). */
async function* missingLogsEntry(viewer: TenantViewer, filter: SessionFilter): AsyncGenerator<ZipEntry> {
  const lines = missingLogLines(viewer, filter);
  const first = await lines.next();
  if (first.done) return;
  async function* all(): AsyncGenerator<string> {
    yield first.value;
    yield* lines;
  }
  yield { name: 'logs/missing.txt', modifiedAt: new Date(), stream: all() };
}

export function sessionsZip(viewer: TenantViewer, filter: SessionFilter): AsyncGenerator<Uint8Array> {
  async function* entries(): AsyncGenerator<ZipEntry> {
    yield { name: 'sessions.csv', modifiedAt: new Date(), stream: sessionsCsv(viewer, filter) };
    yield* logEntries(viewer, filter);
    yield* missingLogsEntry(viewer, filter);
  }
  return writeZip(entries());
}

export function singleLogZip(log: StoredLog, startedAt: Date): AsyncGenerator<Uint8Array> {
  async function* entries(): AsyncGenerator<ZipEntry> {
    yield logZipEntry(log, `${log.sessionId}.log`, startedAt);
  }
  return writeZip(entries());
}
