// GET /api/sessions/{id}/log/lines?from=N&count=M (or ?tail=M) — lines of a session's log with
// their numbers, for the log viewer. A log's lines never change once stored (a new upload is a
// new log, with a new ETag), so a range read again is answered 304.
import { lineDto } from '@/lib/logs/log-line-dto';
import { readLines } from '@/lib/logs/log-reader';
import { logLinesSearch } from '@/lib/logs/log-api-search';
import { requireSessionLog, storedLogSource } from '@/lib/logs/session-log';
import { badRequest } from '@/lib/http/errors';
import { withTenantViewer } from '@/lib/http/with-viewer';

export const dynamic = 'force-dynamic';

export const GET = withTenantViewer({ search: logLinesSearch }, async (request, { viewer, params, search }) => {
  const { log } = await requireSessionLog(viewer, (await params).id);
  const from = search.kind === 'tail' ? Math.max(1, log.lineCount - search.count + 1) : search.from;
  if (from > Math.max(1, log.lineCount)) throw badRequest(`The log has ${log.lineCount.toLocaleString('en-US')} lines: "from" must be at most ${Math.max(1, log.lineCount).toLocaleString('en-US')}.`);
  const etag = `"${log.text.uploadId}-${from}-${search.count}"`;
  const headers = { etag, 'cache-control': 'private, no-cache' };
  if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
  const lines = log.lineCount === 0 ? [] : await readLines(storedLogSource(log), from, search.count);
  return Response.json(
    { lineCount: log.lineCount, from, lines: lines.map(lineDto) },
    { headers },
  );
});
