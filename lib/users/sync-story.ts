import 'server-only';
// A user's recent sync as a story: whether they are failing and since when (the first Error
// session after their last Success or Skipped one — Skipped is healthy: the engine found
// nothing to do), how many Error sessions since, their last healthy session, and their last
// sessions by status. `failingStreak` defines "failing since / consecutive errors" for the user
// page; the alert rule on Error sessions in a row (lib/alerts/conditions/user-error-streak.ts)
// counts the same way over many users at once — the same healthy statuses, the same order —
// and a test holds the two to the same figure.
import { sql } from 'drizzle-orm';
import { getDatabase, queryRows, type Database } from '@/db/client';
import type { ErrorSource, SessionStatus } from '@/domain/sync-vocabulary';
import { HEALTHY_STATUSES } from '@/lib/sessions/healthy-statuses';

/** How far back a streak is looked for: a user failing for longer is "failing for at least". */
export const STREAK_LOOKBACK_SESSIONS = 10_000;
/** How many of the last sessions the page shows by status. */
export const RECENT_SESSIONS_SHOWN = 20;

export interface SessionMark {
  id: string;
  startedAt: string;
  status: SessionStatus;
}

export interface FailingStreak {
  /** The first Error session after the last healthy one; null when the user is not failing. */
  failingSince: SessionMark | null;
  /** Error sessions since the last healthy one (other statuses between them do not break it). */
  consecutiveErrors: number;
  /** The last Success or Skipped session, if any in the sessions looked at. */
  lastHealthy: SessionMark | null;
  /** No healthy session among the last STREAK_LOOKBACK_SESSIONS: the streak may be longer. */
  lookbackExhausted: boolean;
}

type Executor = Pick<Database, 'execute'>;
const iso = (value: Date | string) => new Date(value).toISOString();

export async function failingStreak(tenantId: string, userId: string, db: Executor = getDatabase().db): Promise<FailingStreak> {
  const [row] = await queryRows<{
    healthy_id: string | null;
    healthy_at: Date | string | null;
    healthy_status: SessionStatus | null;
    errors: number;
    first_id: string | null;
    first_at: Date | string | null;
    examined: number;
  }>(
    db,
    // The user's sessions newest first on their own index, at most the lookback; the last
    // healthy one among them, and the Error sessions after it.
    sql`with recent as materialized (
          select s.id, s.started_at, s.status from sync_sessions s
          where s.tenant_id = ${tenantId}::uuid and s.user_id = ${userId}::uuid
          order by s.started_at desc, s.id desc limit ${STREAK_LOOKBACK_SESSIONS}
        ),
        healthy as (
          select r.id, r.started_at, r.status from recent r where r.status in ${HEALTHY_STATUSES} order by r.started_at desc, r.id desc limit 1
        ),
        since as (
          select r.id, r.started_at from recent r
          where r.status = 'error' and (not exists (select 1 from healthy) or (r.started_at, r.id) > (select h.started_at, h.id from healthy h))
        ),
        first_error as (select f.id, f.started_at from since f order by f.started_at, f.id limit 1)
        select (select id from healthy) as healthy_id, (select started_at from healthy) as healthy_at, (select status from healthy) as healthy_status,
               (select count(*)::int from since) as errors, (select id from first_error) as first_id, (select started_at from first_error) as first_at,
               (select count(*)::int from recent) as examined`,
  );
  const lastHealthy = row?.healthy_id ? { id: row.healthy_id, startedAt: iso(row.healthy_at!), status: row.healthy_status! } : null;
  return {
    failingSince: row?.first_id ? { id: row.first_id, startedAt: iso(row.first_at!), status: 'error' } : null,
    consecutiveErrors: row?.errors ?? 0,
    lastHealthy,
    lookbackExhausted: !lastHealthy && (row?.examined ?? 0) >= STREAK_LOOKBACK_SESSIONS,
  };
}

/** The user's last sessions, oldest first (the order a strip reads in). */
export async function recentSessionMarks(tenantId: string, userId: string, count = RECENT_SESSIONS_SHOWN): Promise<SessionMark[]> {
  const rows = await queryRows<{ id: string; started_at: Date | string; status: SessionStatus }>(
    getDatabase().db,
    sql`select s.id, s.started_at, s.status from sync_sessions s
        where s.tenant_id = ${tenantId}::uuid and s.user_id = ${userId}::uuid
        order by s.started_at desc, s.id desc limit ${count}`,
  );
  return rows.reverse().map((r) => ({ id: r.id, startedAt: iso(r.started_at), status: r.status }));
}

/** The category and source of the user's last Error session: what their error is explained by. */
export async function lastSessionError(tenantId: string, userId: string): Promise<{ category: string | null; source: ErrorSource | null } | null> {
  const [row] = await queryRows<{ error_category: string | null; error_source: ErrorSource | null }>(
    getDatabase().db,
    sql`select s.error_category, s.error_source from sync_sessions s
        where s.tenant_id = ${tenantId}::uuid and s.user_id = ${userId}::uuid and s.status = 'error'
        order by s.started_at desc, s.id desc limit 1`,
  );
  return row ? { category: row.error_category, source: row.error_source } : null;
}
