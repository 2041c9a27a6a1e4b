import 'server-only';
// A user's sessions as a ZIP: sessions.csv and logs/<session id>.log for each session that has
// a log, streamed entry by entry.
import type { TenantViewer } from '@/lib/auth/viewer';
import { readSessionsInBatches } from '@/lib/sessions/list-sessions';
import type { SessionFilter } from '@/lib/sessions/session-filters';
import { readStoredLogs } from './session-logs';
import { sessionsCsv } from './sessions-csv';
import { writeZip, type ZipEntry } from './zip-writer';

const LOGS_PER_READ = 20;

async function* logEntries(viewer: TenantViewer, filter: SessionFilter): AsyncGenerator<ZipEntry> {
  for await (const batch of readSessionsInBatches(viewer, filter, 500)) {
    const withLogs = batch.filter((s) => s.hasLog).map((s) => s.id);
    for (let i = 0; i < withLogs.length; i += LOGS_PER_READ) {
      for (const log of await readStoredLogs(viewer, withLogs.slice(i, i + LOGS_PER_READ))) {
        yield { name: `logs/${log.sessionId}.log`, deflated: log.deflated, crc32: log.crc32, size: log.size };
      }
    }
  }
}

export function sessionsZip(viewer: TenantViewer, filter: SessionFilter): AsyncGenerator<Uint8Array> {
  async function* entries(): AsyncGenerator<ZipEntry> {
    yield { name: 'sessions.csv', stream: sessionsCsv(viewer, filter) };
    yield* logEntries(viewer, filter);
  }
  return writeZip(entries());
}

export function singleLogZip(log: { sessionId: string; deflated: Uint8Array; crc32: number; size: number }): AsyncGenerator<Uint8Array> {
  async function* entries(): AsyncGenerator<ZipEntry> {
    yield { name: `${log.sessionId}.log`, deflated: log.deflated, crc32: log.crc32, size: log.size };
  }
  return writeZip(entries());
}
