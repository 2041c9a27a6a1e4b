// Loads one large tenant set-based (generate_series, no row-by-row inserts) for the benchmark:
// profiles, users, sessions over a period, sync issues, logs for a share of the sessions and one
// user with many big logs, then rebuilds the daily rollups. Deterministic: ids come from md5.
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { storeLogTexts } from '@/lib/logs/log-store';
import { rebuildRollups } from '@/lib/rollups/rebuild-rollups';
import { DAY_PARTITIONED_TABLES } from '@/lib/partitions/day-partitioned-tables';
import { ensureDayPartitions } from '@/lib/partitions/ensure-day-partitions';
import { utcDay } from '@/lib/partitions/utc-days';
import { addDays } from '@/lib/time/zoned-time';

export interface ScaleShape {
  profiles: number;
  users: number;
  sessions: number;
  issues: number;
  days: number;
  /** One session in this many has a small log. */
  logEvery: number;
  /** The "big logs" user: this many sessions in the last 3 days, each with a log of this size. */
  bigLogs: { count: number; bytes: number };
}

// The same shape at two sizes: the small one keeps the users (lists page as deep) and scales
// down the sessions, issues and logs.
export const SCALES: Record<'small' | 'large', ScaleShape> = {
  small: { profiles: 200, users: 50_000, sessions: 10_000, issues: 2_000, days: 90, logEvery: 100, bigLogs: { count: 1_000, bytes: 300_000 } },
  large: { profiles: 200, users: 50_000, sessions: 10_000_000, issues: 2_000_000, days: 90, logEvery: 100, bigLogs: { count: 1_000, bytes: 300_000 } },
};

export const SCALE_TENANT_SLUG = 'scale';
export const BIG_LOGS_EMAIL = 'big.logs@scale.test';

type Step = (label: string, run: () => Promise<unknown>) => Promise<void>;

// Times are whole seconds: logs refer to their session by (started_at, id), and a JavaScript
// Date (milliseconds) read back from a microsecond timestamp would no longer match it.
// md5 of a name, with the version (4) and variant (8) nibbles of an RFC 9562 UUID: the panel
// refuses ids that are not valid UUIDs.
const uuidOf = (prefix: string, n: string) =>
  sql.raw(`overlay(overlay(md5('${prefix}' || (${n})::text) placing '4' from 13) placing '8' from 17)::uuid`);

/** A log of about `bytes` bytes, different for each session. */
export function scaleLogText(sessionNumber: number, bytes: number): string {
  const lines: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const line = `2026-11-27T10:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}Z INFO  session ${sessionNumber} step ${i}: synchronized item ${(sessionNumber * 7919 + i * 104729) % 1_000_003} (${i % 7} changes)\n`;
    lines.push(line);
    size += line.length;
  }
  return lines.join('').slice(0, bytes);
}

/** The profile number of user number `u`: profile 0 holds a tenth of the users (a large team, whose
 * CSV export is the benchmark's million rows); the others share the rest evenly. */
const profileOf = (u: string, shape: ScaleShape) => `(case when (${u}) < ${Math.floor(shape.users / 10)} then 0 else 1 + (${u}) % ${shape.profiles - 1} end)`;

export async function generateScale(db: Database, shape: ScaleShape, step: Step, options: { dropIndexesWhileLoading: boolean }): Promise<{ tenantId: string }> {
  const [tenant] = await queryRows<{ id: string }>(
    db,
    sql`insert into tenants (slug, name, panel_access_granted) values (${SCALE_TENANT_SLUG}, 'Scale Inc', true) returning id`,
  );
  const tenantId = tenant!.id;
  const t = sql`${tenantId}::uuid`;
  const period = shape.days * 86_400;

  await step(`${shape.profiles} profiles, ${shape.users} users`, async () => {
    // Profiles and users exist since before their 90 days of sessions (the alert rules that
    // give a newly added user time count from then).
    const since = sql`date_trunc('second', now()) - interval '91 days'`;
    await db.execute(sql`insert into profiles (tenant_id, id, engine_id, name, created_at)
      select ${t}, ${uuidOf('p', 'g')}, 'p' || g, 'Profile ' || lpad(g::text, 3, '0'), ${since} from generate_series(0, ${shape.profiles - 1}) g`);
    await db.execute(sql`insert into users (tenant_id, id, email, name, profile_id, sync_error_reason, sync_error_at, created_at)
      select ${t}, ${uuidOf('u', 'g')}, 'user' || g || '@scale.test', 'User ' || substr(md5('n' || g), 1, 6) || ' ' || g, ${uuidOf('p', profileOf('g', shape))},
             case when g % 500 = 0 then 'Mailbox rejected the credentials (401 Unauthorized)' end,
             case when g % 500 = 0 then date_trunc('second', now()) - interval '2 hours' end,
             ${since}
      from generate_series(0, ${shape.users - 1}) g`);
    await db.execute(
      sql`insert into users (tenant_id, id, email, name, profile_id, created_at) values (${t}, ${uuidOf('u', "'big'")}, ${BIG_LOGS_EMAIL}, 'Big Logs', ${uuidOf('p', '0')}, ${since})`,
    );
  });

  // Secondary indexes are built once after the load: much faster than maintaining them per row.
  const dropped: { name: string; definition: string }[] = [];
  if (options.dropIndexesWhileLoading) {
    for (const table of ['sync_sessions', 'sync_issues']) {
      const indexes = await queryRows<{ indexname: string; indexdef: string }>(
        db,
        sql`select indexname, indexdef from pg_indexes where schemaname = 'public' and tablename = ${table} and indexname not like '%_pk'`,
      );
      for (const index of indexes) {
        dropped.push({ name: index.indexname, definition: index.indexdef });
        await db.execute(sql.raw(`drop index "${index.indexname}"`));
      }
    }
  }

  // The day partitions of the period (a batch makes its own; rows loaded directly need them).
  await step('day partitions', () => {
    const today = utcDay(new Date());
    const days = Array.from({ length: shape.days + 2 }, (_, n) => addDays(today, -shape.days - 1 + n));
    return ensureDayPartitions(db, DAY_PARTITIONED_TABLES, days);
  });

  await step(`${shape.sessions} sessions over ${shape.days} days`, () =>
    db.execute(sql`insert into sync_sessions (tenant_id, started_at, id, engine_id, user_id, profile_id, ended_at, status, scope, changes, issues, error_category, error_source, message, has_log)
      select ${t}, started_at, ${uuidOf('s', 'g')}, 's' || g, ${uuidOf('u', 'u')}, ${uuidOf('p', profileOf('u', shape))},
             case when status in ('ready', 'started') then null else started_at + ((5 + g % 300) || ' seconds')::interval end,
             status, 100 + g % 2000, case when status = 'success' then g % 40 end, case when status = 'success' then g % 3 end,
             case when status = 'error' then (array['Throttling', 'Authorization', 'Connectivity', 'Internal'])[1 + g % 4] end,
             case when status = 'error' then (array['crm', 'mail_server', 'sync_application'])[1 + g % 3]::error_source end,
             case when status = 'error' then 'The request failed: ' || (array['throttled', 'unauthorized', 'unreachable', 'internal error'])[1 + g % 4] end,
             g % ${shape.logEvery} = 0 and status not in ('ready', 'started')
      from (select g, (g * 7) % ${shape.users} as u,
                   date_trunc('second', now()) - (((g::bigint * 7919) % ${period}) || ' seconds')::interval as started_at,
                   (case when (g::bigint * 7919) % ${period} < 3600 and g % 10 = 0 then 'started'
                         when (g::bigint * 7919) % ${period} < 3600 and g % 10 = 1 then 'ready'
                         when g % 100 < 55 then 'success' when g % 100 < 85 then 'skipped'
                         when g % 100 < 93 then 'error' else 'canceled' end)::sync_session_status as status
            from generate_series(1, ${shape.sessions}) g) s`),
  );

  await step(`${shape.issues} sync issues`, () =>
    db.execute(sql`insert into sync_issues (tenant_id, id, engine_id, user_id, profile_id, occurred_at, type, direction, name, operation, error_code, description, error_source)
      select ${t}, ${uuidOf('i', 'g')}, 'i' || g, ${uuidOf('u', 'u')}, ${uuidOf('p', profileOf('u', shape))},
             date_trunc('second', now()) - (((g::bigint * 6151) % ${period}) || ' seconds')::interval,
             (array['email', 'event', 'contact', 'task'])[1 + g % 4]::sync_issue_type,
             (array['outlook_to_salesforce', 'salesforce_to_outlook', 'gmail_to_salesforce', 'salesforce_to_gmail'])[1 + g % 4]::sync_direction,
             'Object ' || g, (array['create', 'update', 'delete'])[1 + g % 3]::sync_issue_operation,
             (array[1, 2, 3, 5, 7, 1, 1, 2])[1 + g % 8], 'The CRM refused the change', 'crm'
      from (select g, (g * 13) % ${shape.users} as u from generate_series(1, ${shape.issues}) g) i`),
  );

  for (const index of dropped) await step(`index ${index.name}`, () => db.execute(sql.raw(index.definition)));

  await step(`logs of 1 in ${shape.logEvery} sessions`, async () => {
    const sessions = await queryRows<{ id: string; started_at: Date | string; n: number }>(
      db,
      sql`select id, started_at, substr(engine_id, 2)::int as n from sync_sessions where tenant_id = ${t} and has_log`,
    );
    await insertLogs(db, tenantId, sessions, 2_000);
  });

  await step(`${shape.bigLogs.count} sessions of ${BIG_LOGS_EMAIL} with ${shape.bigLogs.bytes}-byte logs`, async () => {
    const sessions = await queryRows<{ id: string; started_at: Date | string; n: number }>(
      db,
      sql`insert into sync_sessions (tenant_id, started_at, id, engine_id, user_id, profile_id, ended_at, status, scope, changes, issues, has_log)
          select ${t}, date_trunc('second', now()) - ((g * 200) || ' seconds')::interval, ${uuidOf('b', 'g')}, 'b' || g, ${uuidOf('u', "'big'")}, ${uuidOf('p', '0')},
                 date_trunc('second', now()) - ((g * 200 - 60) || ' seconds')::interval, 'success', 500, 10, 0, true
          from generate_series(1, ${shape.bigLogs.count}) g
          returning id, started_at, substr(engine_id, 2)::int as n`,
    );
    await insertLogs(db, tenantId, sessions, shape.bigLogs.bytes);
  });

  await step("the engine ids' maps", async () => {
    await db.execute(sql`insert into sync_session_engine_ids (tenant_id, engine_id, session_id, started_at)
      select tenant_id, engine_id, id, started_at from sync_sessions where tenant_id = ${t}`);
    await db.execute(sql`insert into sync_issue_engine_ids (tenant_id, engine_id, issue_id, occurred_at)
      select tenant_id, engine_id, id, occurred_at from sync_issues where tenant_id = ${t}`);
  });

  await step('daily rollups', () => rebuildRollups(db, tenantId));
  // Vacuum too: index-only scans need the visibility map (autovacuum would set it later).
  await step('vacuum analyze', () => db.execute(sql`vacuum analyze`));
  return { tenantId };
}

async function insertLogs(db: Database, tenantId: string, sessions: { id: string; started_at: Date | string; n: number }[], bytes: number): Promise<void> {
  // As a batch stores them (its sessions already say they have a log): a few statements per group.
  const batch = Math.max(1, Math.floor(4_000_000 / bytes));
  for (let i = 0; i < sessions.length; i += batch) {
    const logs = sessions.slice(i, i + batch).map((s) => ({
      owner: { tenantId, sessionId: s.id, sessionStartedAt: new Date(s.started_at) },
      text: Buffer.from(scaleLogText(s.n, bytes), 'utf8'),
    }));
    await storeLogTexts(db, logs, bytes + 1);
  }
}
