import { sql } from 'drizzle-orm';
import { openDatabase, queryRows } from '@/db/client';
import { chunkSource } from '@/lib/logs/log-store';
import { textFrom } from '@/lib/logs/log-reader';
import { searchRuns, SEARCH_RUN_BYTES } from '@/lib/logs/log-search';
(async () => {
  const handle = openDatabase({ driver: 'postgres', url: 'postgres://postgres@127.0.0.1:5432/sync_admin_scale_small' });
  const [log] = await queryRows<any>(handle.db, sql`select l.tenant_id, l.session_id, l.session_started_at, l.upload_id, l.size_bytes from sync_session_logs l join sync_sessions s on s.id = l.session_id and s.tenant_id = l.tenant_id where s.engine_id like 'bench-log-%' order by l.size_bytes desc limit 1`);
  const source = chunkSource(handle.db, { tenantId: log.tenant_id, sessionId: log.session_id, sessionStartedAt: new Date(log.session_started_at), uploadId: log.upload_id });
  for (let i = 0; i < 2; i++) {
    let t = performance.now();
    let bytes = 0;
    for await (const run of textFrom(source, 1, SEARCH_RUN_BYTES)) bytes += run.text.length;
    const readMs = performance.now() - t;
    t = performance.now();
    for await (const e of searchRuns(textFrom(source, 1, SEARCH_RUN_BYTES), 'zz-no-such-text-zz', 1, { maxMatches: 500, deadline: Date.now() + 600_000 })) void e;
    const searchMs = performance.now() - t;
    console.log(`bytes ${(bytes / 1048576).toFixed(0)} MB: read+inflate ${readMs.toFixed(0)} ms, search ${searchMs.toFixed(0)} ms = ${(bytes / 1048576 / (searchMs / 1000)).toFixed(0)} MB/s`);
  }
  await handle.close();
})();
