// npm run bench:partitions [-- --database sync_admin_scale_large] [--drop]
// What the sessions, logs and issues take on disk, per session and per issue (heap, each index,
// the engine-id maps), and what one day of them costs to remove: on a database with day
// partitions (`--drop`), the retention dropping its oldest whole day (lib/partitions: map rows,
// detach, drop, rollups trimmed); on one from before partitioning, the DELETE of the same day's
// rows, inside a transaction rolled back so the data stays. Time and WAL written, both.
// Prints Markdown (see BENCHMARKS.md "Time partitions").
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { parseEnv } from '@/config/env';
import { openDatabase } from '@/db/client';
import { databaseUrlBeside } from '@/db/server-databases';
import { applyRetention, deleteExpiredEngineIds, dropExpiredPartitions } from '@/lib/partitions/apply-retention';
import { trimRollupsToRetention } from '@/lib/rollups/trim-to-retention';
import { dayStart } from '@/lib/partitions/utc-days';
import { addDays } from '@/lib/time/zoned-time';
import { runScript, ScriptProblem } from './run-script';

const TABLES = ['sync_sessions', 'sync_session_engine_ids', 'sync_session_logs', 'sync_session_log_chunks', 'sync_issues', 'sync_issue_engine_ids'];
const mb = (bytes: number) => (bytes / 1024 ** 2).toFixed(1);

interface RelationSize {
  name: string;
  heap: number;
  indexes: { name: string; bytes: number }[];
}

/** A table's heap (with TOAST) and each index, summed over its partitions when it has them. */
async function relationSize(client: Client, table: string): Promise<RelationSize | null> {
  const { rows: exists } = await client.query<{ oid: string | null }>(`select to_regclass($1)::text as oid`, [table]);
  if (!exists[0]?.oid) return null;
  // A plain table or index is its own leaf; a partitioned one is the sum of its partitions.
  const leaves = (relation: string) => `(select relid from pg_partition_tree(${relation}) where isleaf
      union select ${relation} where (select relkind from pg_class where oid = ${relation}) not in ('p', 'I'))`;
  const { rows: heap } = await client.query<{ bytes: string }>(
    `select coalesce(sum(pg_table_size(relid)), 0) as bytes from ${leaves('$1::regclass')} leaf(relid)`,
    [table],
  );
  // Each index of the parent, summed over its partitions' copies.
  const { rows: indexes } = await client.query<{ name: string; bytes: string }>(
    `select i.relname as name, (select coalesce(sum(pg_relation_size(relid)), 0) from ${leaves('i.oid')} leaf(relid)) as bytes
       from pg_index x join pg_class i on i.oid = x.indexrelid where x.indrelid = $1::regclass order by i.relname`,
    [table],
  );
  return { name: table, heap: Number(heap[0]!.bytes), indexes: indexes.map((r) => ({ name: r.name, bytes: Number(r.bytes) })) };
}

async function walPosition(client: Client): Promise<string> {
  return (await client.query<{ lsn: string }>(`select pg_current_wal_lsn()::text as lsn`)).rows[0]!.lsn;
}
async function walSince(client: Client, from: string): Promise<number> {
  return Number((await client.query<{ bytes: string }>(`select pg_wal_lsn_diff(pg_current_wal_lsn(), $1::pg_lsn) as bytes`, [from])).rows[0]!.bytes);
}

runScript(async () => {
  const { values } = parseArgs({ options: { database: { type: 'string', default: 'sync_admin_scale_large' }, drop: { type: 'boolean', default: false } } });
  const serverUrl = parseEnv(process.env).DATABASE_URL;
  if (!serverUrl) throw new ScriptProblem('Set DATABASE_URL to a PostgreSQL server (the scale databases live beside it).');
  const url = databaseUrlBeside(serverUrl, values.database!);
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: layout } = await client.query<{ kind: string }>(`select relkind as kind from pg_class where oid = 'sync_sessions'::regclass`);
    const partitioned = layout[0]!.kind === 'p';
    const { rows: counts } = await client.query<{ sessions: string; issues: string }>(
      `select (select count(*) from sync_sessions) as sessions, (select count(*) from sync_issues) as issues`,
    );
    const sessions = Number(counts[0]!.sessions);
    const issues = Number(counts[0]!.issues);
    console.log(`## ${values.database}: ${partitioned ? 'day partitions' : 'before partitioning'}, ${sessions.toLocaleString('en')} sessions, ${issues.toLocaleString('en')} issues\n`);
    console.log('| table | heap MB | index | index MB |\n|---|---:|---|---:|');
    const sizes: RelationSize[] = [];
    for (const table of TABLES) {
      const size = await relationSize(client, table);
      if (size) sizes.push(size);
    }
    for (const size of sizes) {
      console.log(`| ${size.name} | ${mb(size.heap)} | | |`);
      for (const index of size.indexes) console.log(`| | | ${index.name} | ${mb(index.bytes)} |`);
    }
    const total = (names: string[]) =>
      sizes.filter((s) => names.includes(s.name)).reduce((sum, s) => sum + s.heap + s.indexes.reduce((n, i) => n + i.bytes, 0), 0);
    console.log(`\nBytes per session (sessions heap + indexes + engine-id map): ${(total(['sync_sessions', 'sync_session_engine_ids']) / sessions).toFixed(0)}`);
    console.log(`Bytes per issue (issues heap + indexes + engine-id map): ${(total(['sync_issues', 'sync_issue_engine_ids']) / issues).toFixed(0)}\n`);

    // The oldest whole day of data: its rows are what one retention step removes.
    const { rows: oldest } = await client.query<{ day: string }>(`select to_char((min(started_at) at time zone 'UTC')::date + 1, 'YYYY-MM-DD') as day from sync_sessions`);
    const day = oldest[0]!.day;
    const [from, to] = [dayStart(day), dayStart(addDays(day, 1))];
    const { rows: inDay } = await client.query<{ sessions: string; issues: string; logs: string }>(
      `select (select count(*) from sync_sessions where started_at >= $1 and started_at < $2) as sessions,
              (select count(*) from sync_issues where occurred_at >= $1 and occurred_at < $2) as issues,
              (select count(*) from sync_session_logs where session_started_at >= $1 and session_started_at < $2) as logs`,
      [from, to],
    );
    const what = `${day}: ${Number(inDay[0]!.sessions).toLocaleString('en')} sessions, ${Number(inDay[0]!.issues).toLocaleString('en')} issues, ${Number(inDay[0]!.logs).toLocaleString('en')} logs`;
    const handle = partitioned ? openDatabase({ driver: 'postgres', url }) : null;
    if (handle) {
      if (!values.drop) throw new ScriptProblem('This database has day partitions: pass --drop to drop its oldest days (for good).');
      // The retention as the scheduled step runs it, with a clock that makes `day` the next to
      // leave: first the partial day before it goes (not measured), then `day` alone, step by step.
      await applyRetention(handle, { now: dayStart(addDays(day, 91)), retentionDays: 91 });
    }
    // Each step after a checkpoint, as a scheduled run would most likely find the server.
    const phases: { how: string; ms: number; wal: number }[] = [];
    const measure = async (how: string, run: () => Promise<unknown>) => {
      await client.query('checkpoint');
      const wal = await walPosition(client);
      const started = performance.now();
      await run();
      phases.push({ how, ms: performance.now() - started, wal: await walSince(client, wal) });
    };
    if (handle) {
      try {
        const firstKeptDay = addDays(day, 1);
        await measure('engine-id map rows deleted (batches of 20,000)', () => deleteExpiredEngineIds(handle.ingestDb, firstKeptDay));
        await measure('partitions detached (CONCURRENTLY) and dropped, 4 tables', () => dropExpiredPartitions(handle, firstKeptDay));
        await measure("daily rollups trimmed (each tenant's cut day recounted)", () => trimRollupsToRetention(handle.ingestDb, dayStart(firstKeptDay)));
      } finally {
        await handle.close();
      }
    } else {
      await measure('DELETE, 4 statements in one transaction (rolled back)', async () => {
        await client.query('begin');
        await client.query(`delete from sync_session_log_chunks where session_started_at >= $1 and session_started_at < $2`, [from, to]);
        await client.query(`delete from sync_session_logs where session_started_at >= $1 and session_started_at < $2`, [from, to]);
        await client.query(`delete from sync_issues where occurred_at >= $1 and occurred_at < $2`, [from, to]);
        await client.query(`delete from sync_sessions where started_at >= $1 and started_at < $2`, [from, to]);
        // Rolled back, so the same rows are there to move to partitions and to drop: the WAL of
        // the DELETE is written all the same (a commit adds one record and a flush).
        await client.query('rollback');
      });
    }
    console.log(`Removing ${what}:\n\n| layout | step | time | WAL written |\n|---|---|---:|---:|`);
    for (const phase of phases) console.log(`| ${partitioned ? 'day partitions' : 'before partitioning'} | ${phase.how} | ${(phase.ms / 1000).toFixed(2)} s | ${mb(phase.wal)} MB |`);
  } finally {
    await client.end();
  }
});
