// Every statistics sort, both ways, paged forward to the end and back again, equals the
// same order computed by a plain ORDER BY over the period; on both drivers.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/client';
import { admins, profiles, syncSessions, users } from '@/db/schema';
import type { SessionStatus } from '@/domain/sync-vocabulary';
import { loadViewer, type TenantViewer } from '@/lib/auth/viewer';
import { COUNT_CAP } from '@/lib/paging/capped-count';
import { InvalidCursorError } from '@/lib/paging/cursor';
import type { Direction } from '@/lib/paging/keyset';
import { countSessions, listSessions } from '@/lib/sessions/list-sessions';
import type { SessionFilter } from '@/lib/sessions/session-filters';
import type { SessionSortKey } from '@/lib/sessions/session-order';
import { describeEachDatabase } from '../support/databases';
import { createTenant } from '../support/fixtures';
import { prepareDays } from '../support/day-partitions';

const PROFILE = '10000000-0000-4000-8000-00000000000a';
const STATUSES: SessionStatus[] = ['ready', 'started', 'success', 'skipped', 'canceled', 'error'];
const BASE = Date.parse('2026-11-01T00:00:00Z');
const SESSIONS = 230;

// The expected order in SQL: statuses in enum order (newest first inside), end dates with the
// running sessions last ascending and first descending.
const ORACLE: Record<SessionSortKey, Record<Direction, string>> = {
  startedAt: { asc: 'started_at asc, id asc', desc: 'started_at desc, id desc' },
  endedAt: {
    asc: 'ended_at asc nulls last, case when ended_at is null then started_at end asc, id asc',
    desc: 'ended_at desc nulls first, case when ended_at is null then started_at end desc, id desc',
  },
  status: { asc: 'status asc, started_at desc, id desc', desc: 'status desc, started_at desc, id desc' },
};

describeEachDatabase('sorting the statistics by start date, end date and status', (database) => {
  let viewer: TenantViewer;
  let tenantId: string;
  const filter = (extra: Partial<SessionFilter> = {}): SessionFilter => ({
    owner: { kind: 'profile', id: PROFILE },
    range: { from: new Date(BASE + 10 * 3_600_000), to: new Date(BASE + 200 * 3_600_000) },
    ...extra,
  });

  beforeAll(async () => {
    const { db } = database();
    const tenant = await createTenant(db, 'sorting');
    tenantId = tenant.id;
    await db.insert(profiles).values({ tenantId, id: PROFILE, engineId: 'p', name: 'Sorted' });
    const [user] = await db.insert(users).values({ tenantId, email: 'u@sorting.test', name: 'U', profileId: PROFILE }).returning();
    // Hourly sessions; every 7th shares its start with the previous one (the id breaks the tie),
    // every 5th has no end yet, end dates out of step with start dates.
    await prepareDays(db, '2026-11-01', '2026-11-12');
    await db.insert(syncSessions).values(
      Array.from({ length: SESSIONS }, (_, i) => {
        const hour = i % 7 === 6 ? i - 1 : i;
        const startedAt = new Date(BASE + hour * 3_600_000);
        return {
          tenantId,
          id: `30000000-0000-4000-8000-${String((i * 7919) % 100_000).padStart(12, '0')}`,
          engineId: `e${i}`,
          userId: user!.id,
          profileId: PROFILE,
          startedAt,
          endedAt: i % 5 === 0 ? null : new Date(startedAt.getTime() + ((i * 37) % 180) * 60_000),
          status: STATUSES[(i * 5) % STATUSES.length]!,
        };
      }),
    );
    const [boss] = await db.insert(admins).values({ tenantId, email: 'boss@sorting.test', name: 'Boss', role: 'platform_admin' }).returning();
    viewer = (await loadViewer(db, boss!.id)) as TenantViewer;
  });

  async function expected(sort: SessionSortKey, direction: Direction, status: SessionStatus | null = null) {
    const f = filter();
    const rows = await queryRows<{ id: string }>(
      database().db,
      sql`select id from sync_sessions where tenant_id = ${tenantId}::uuid and profile_id = ${PROFILE}::uuid
          and started_at >= ${f.range.from} and started_at < ${f.range.to} ${status ? sql`and status = ${status}` : sql``}
          order by ${sql.raw(ORACLE[sort][direction])}`,
    );
    return rows.map((r) => r.id);
  }

  async function pageThrough(sort: SessionSortKey, direction: Direction, status: SessionStatus | null = null) {
    const pages: string[][] = [];
    let after: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof listSessions>> = await listSessions(viewer, filter({ status }), { sort, direction, pageSize: 25, page: { after, before: null } });
      pages.push(page.rows.map((r) => r.id));
      after = page.nextCursor;
      // Back from each page lands on the page before it.
      if (pages.length > 1 && page.previousCursor) {
        const back = await listSessions(viewer, filter({ status }), { sort, direction, pageSize: 25, page: { after: null, before: page.previousCursor } });
        expect(back.rows.map((r) => r.id)).toEqual(pages[pages.length - 2]);
      }
    } while (after);
    return pages;
  }

  for (const sort of ['startedAt', 'endedAt', 'status'] as const) {
    for (const direction of ['asc', 'desc'] as const) {
      it(`${direction === 'desc' ? '-' : ''}${sort}: every row once, in order, forward and back`, async () => {
        const want = await expected(sort, direction);
        expect(want.length).toBeGreaterThan(150);
        const pages = await pageThrough(sort, direction);
        expect(pages.flat()).toEqual(want);
        expect(pages.every((p, i) => p.length === 25 || i === pages.length - 1)).toBe(true);
      });
    }
  }

  it('sorts by status within a status filter', async () => {
    expect((await pageThrough('status', 'desc', 'error')).flat()).toEqual(await expected('status', 'desc', 'error'));
  });

  describe('cursors', () => {
    it("refuses a cursor of another order or of a status the filter excludes", async () => {
      const byEnd = await listSessions(viewer, filter(), { sort: 'endedAt', direction: 'desc', pageSize: 25, page: { after: null, before: null } });
      // The first 25 descending by end date are sessions still running: a segment "status" does not have.
      await expect(listSessions(viewer, filter(), { sort: 'status', direction: 'desc', pageSize: 25, page: { after: byEnd.nextCursor, before: null } })).rejects.toThrow(
        InvalidCursorError,
      );
      const byStatus = await listSessions(viewer, filter(), { sort: 'status', direction: 'desc', pageSize: 25, page: { after: null, before: null } });
      await expect(
        listSessions(viewer, filter({ status: 'ready' }), { sort: 'status', direction: 'desc', pageSize: 25, page: { after: byStatus.nextCursor, before: null } }),
      ).rejects.toThrow(InvalidCursorError);
    });

    it('refuses a forged cursor key that is not a date', async () => {
      const forged = Buffer.from(JSON.stringify({ s: 'all', k: 'yesterday', id: '30000000-0000-4000-8000-000000000001' })).toString('base64url');
      await expect(listSessions(viewer, filter(), { direction: 'desc', pageSize: 25, page: { after: forged, before: null } })).rejects.toThrow(InvalidCursorError);
    });
  });

  describe('counting', () => {
    it("counts the period's sessions as the pages list them, per filter", async () => {
      expect(await countSessions(viewer, filter())).toEqual({ count: (await expected('startedAt', 'asc')).length, capped: false });
      expect(await countSessions(viewer, filter({ status: 'error' }))).toEqual({ count: (await expected('startedAt', 'asc', 'error')).length, capped: false });
    });

    it('stops counting past 10,000: "10,000+"', async () => {
      const { db } = database();
      const crowded = '10000000-0000-4000-8000-00000000000b';
      await db.insert(profiles).values({ tenantId, id: crowded, engineId: 'crowded', name: 'Crowded' });
      const [user] = await db.insert(users).values({ tenantId, email: 'many@sorting.test', name: 'Many', profileId: crowded }).returning();
      const insertMinutes = (count: number, offset: number) =>
        db.execute(sql`insert into sync_sessions (tenant_id, started_at, engine_id, user_id, profile_id, status)
                       select ${tenantId}::uuid, ${new Date(BASE).toISOString()}::timestamptz + (n || ' minutes')::interval, 'c' || n, ${user!.id}::uuid, ${crowded}::uuid, 'success'
                       from generate_series(${offset}::int, ${offset + count - 1}::int) n`);
      const crowdedFilter: SessionFilter = { owner: { kind: 'profile', id: crowded }, range: { from: new Date(BASE), to: new Date(BASE + 30 * 86_400_000) } };
      await insertMinutes(COUNT_CAP, 0);
      expect(await countSessions(viewer, crowdedFilter)).toEqual({ count: COUNT_CAP, capped: false });
      await insertMinutes(1, COUNT_CAP);
      expect(await countSessions(viewer, crowdedFilter)).toEqual({ count: COUNT_CAP, capped: true });
    });
  });
});
