// The benchmark's generator at a tiny size: the counts of its shape, indexes rebuilt as they
// were, logs that inflate to their text, and rollups equal to a direct aggregate.
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { z } from 'zod';
import { queryRows } from '@/db/client';
import { BIG_LOGS_EMAIL, generateScale, scaleLogText, type ScaleShape } from '@/lib/scale/generate-scale';
import { directAggregates } from '@/lib/rollups/rebuild-rollups';
import { describeEachDatabase } from '../support/databases';
import { storedLogText } from '../support/stored-log';

const TINY: ScaleShape = { profiles: 5, users: 60, sessions: 3_000, issues: 400, days: 90, logEvery: 100, bigLogs: { count: 4, bytes: 20_000 } };

describeEachDatabase('the scale generator', (database) => {
  it('loads the shape set-based, keeps every index, and its rollups match the rows', async () => {
    const { db } = database();
    // The tables' own indexes (the load adds day partitions, each with its copies).
    const indexes = async () => (await queryRows<{ d: string }>(db, sql`select indexdef as d from pg_indexes where schemaname = 'public'
          and tablename not in (select relname from pg_class where relispartition) order by indexname`)).map((r) => r.d);
    const before = await indexes();
    const steps: string[] = [];
    const { tenantId } = await generateScale(db, TINY, async (label, run) => {
      steps.push(label);
      await run();
    }, { dropIndexesWhileLoading: true });
    expect(await indexes()).toEqual(before);
    const count = async (table: string) => (await queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${sql.raw(table)} where tenant_id = ${tenantId}::uuid`))[0]!.n;
    expect(await count('profiles')).toBe(TINY.profiles);
    // Ids the panel accepts (RFC 9562 UUIDs): pages refuse any other as "not found".
    const ids = await queryRows<{ id: string }>(db, sql`select id from users where tenant_id = ${tenantId}::uuid union all select id from profiles where tenant_id = ${tenantId}::uuid`);
    expect(ids.every((r) => z.uuid().safeParse(r.id).success)).toBe(true);
    expect(await count('users')).toBe(TINY.users + 1);
    expect(await count('sync_sessions')).toBe(TINY.sessions + TINY.bigLogs.count);
    expect(await count('sync_issues')).toBe(TINY.issues);
    const statuses = await queryRows<{ status: string }>(db, sql`select distinct status from sync_sessions where tenant_id = ${tenantId}::uuid`);
    expect(statuses.map((s) => s.status).sort()).toEqual(['canceled', 'error', 'skipped', 'success'].concat(statuses.some((s) => s.status === 'started') ? ['started'] : []).sort());

    const [big] = await queryRows<{ session_id: string; size_bytes: number | string; n: number }>(
      db,
      sql`select l.session_id, l.size_bytes, substr(s.engine_id, 2)::int as n from sync_session_logs l
          join sync_sessions s on s.tenant_id = l.tenant_id and s.id = l.session_id
          join users u on u.tenant_id = s.tenant_id and u.id = s.user_id
          where u.email = ${BIG_LOGS_EMAIL} order by s.engine_id limit 1`,
    );
    expect(Number(big!.size_bytes)).toBe(TINY.bigLogs.bytes);
    expect(await storedLogText(db, tenantId, big!.session_id)).toBe(scaleLogText(big!.n, TINY.bigLogs.bytes));

    const direct = directAggregates((alias) => sql`${sql.raw(alias)}.tenant_id = ${tenantId}::uuid`);
    const [sessions] = await queryRows<{ n: number }>(db, sql`select coalesce(sum(sessions), 0)::int as n from (${direct.sessionCounts}) d`);
    const [kept] = await queryRows<{ n: number }>(db, sql`select sum(sessions)::int as n from daily_session_counts where tenant_id = ${tenantId}::uuid`);
    expect(kept!.n).toBe(sessions!.n);
    expect(kept!.n).toBe(TINY.sessions + TINY.bigLogs.count);
  }, 120_000);
});
