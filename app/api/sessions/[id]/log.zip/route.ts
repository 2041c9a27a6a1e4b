// GET /api/sessions/{id}/log.zip — one session's log, zipped (404 with a message when it has none).
import { readStoredLogs } from '@/lib/exports/session-logs';
import { singleLogZip } from '@/lib/exports/sessions-zip';
import { streamDownload } from '@/lib/exports/stream-response';
import { notFoundError } from '@/lib/http/errors';
import { withTenantViewer } from '@/lib/http/with-viewer';
import { getSessionForLog } from '@/lib/sessions/session-lookup';

export const dynamic = 'force-dynamic';

export const GET = withTenantViewer({}, async (_request, { viewer, params, query }) => {
  const session = await getSessionForLog(viewer, (await params).id);
  const [log] = session.hasLog ? await readStoredLogs(viewer, [{ id: session.id, startedAt: new Date(session.startedAt) }]) : [];
  if (!log) throw notFoundError('This session has no log.');
  return streamDownload(singleLogZip(log, new Date(session.startedAt)), {
    filename: `log ${session.userName} ${session.startedAt.slice(0, 19).replace(/:/g, '-')} ${session.id}.zip`,
    contentType: 'application/zip',
    viewer,
    audit: { target: { type: 'user', id: session.userId, label: session.userName }, query },
  });
});
