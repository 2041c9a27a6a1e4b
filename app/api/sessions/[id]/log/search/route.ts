// GET /api/sessions/{id}/log/search?q=…&from=N — finds a text in a session's log (case-
// insensitive, literal), streamed as NDJSON while the log is scanned: one {"line","text","spans"}
// per matching line, then {"end":true,"next":line|null,"scannedTo":line}. A request stops after
// SEARCH_MAX_MATCHES lines or SEARCH_BUDGET_MS of scanning; `next` is where to continue (null:
// the end of the log was reached).
import { env } from '@/config/env';
import { withTenantViewer } from '@/lib/http/with-viewer';
import { pullStream } from '@/lib/http/pull-stream';
import { logSearchSearch } from '@/lib/logs/log-api-search';
import { textFrom } from '@/lib/logs/log-reader';
import { SEARCH_RUN_BYTES, searchRuns } from '@/lib/logs/log-search';
import { requireSessionLog, storedLogSource } from '@/lib/logs/session-log';
import { takeSearchSlot } from '@/lib/logs/search-slots';

export const dynamic = 'force-dynamic';

const SEARCH_MAX_MATCHES = 500;
const SEARCH_BUDGET_MS = 10_000;

export const GET = withTenantViewer({ search: logSearchSearch }, async (_request, { viewer, params, search }) => {
  const { log } = await requireSessionLog(viewer, (await params).id);
  const releaseSlot = takeSearchSlot(viewer.adminId);
  async function* ndjson(): AsyncGenerator<string> {
    const deadline = Date.now() + SEARCH_BUDGET_MS;
    if (log.lineCount === 0 || search.from > log.lineCount) {
      yield `${JSON.stringify({ end: true, next: null, scannedTo: log.lineCount })}\n`;
      return;
    }
    for await (const event of searchRuns(textFrom(storedLogSource(log), search.from, SEARCH_RUN_BYTES, { scan: true }), search.q, search.from, { maxMatches: SEARCH_MAX_MATCHES, deadline })) {
      if (event.kind === 'match') yield `${JSON.stringify(event.match)}\n`;
      else yield `${JSON.stringify({ end: true, next: event.nextLine, scannedTo: event.scannedTo })}\n`;
    }
  }
  const body = pullStream(ndjson(), { idleTimeoutMs: env().DOWNLOAD_IDLE_TIMEOUT_MS, onEnd: releaseSlot, label: { search: 'log', session: log.text.sessionId } });
  return new Response(body, { headers: { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' } });
});
