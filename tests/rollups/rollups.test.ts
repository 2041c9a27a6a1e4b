// The overview's daily rollups, kept by ingestion, equal a direct aggregate of the rows on both
// drivers: after the first write, a replay, status moves, issue changes and another tenant's data.
// So do the period rollups, as ingestion adds to them and as their last day moves.
import { beforeAll, describe, expect, it } from 'vitest';
import { rebuildRollups } from '@/lib/rollups/rebuild-rollups';
import { moveWindowsTo, windowMove } from '@/lib/rollups/rollup-windows';
import type { IngestBatchInput } from '@/lib/ingest/batch-schema';
import { describeEachDatabase } from '../support/databases';
import { createTenant, ingest } from '../support/fixtures';
import {
  directDailyRollups,
  directStatusRollups,
  directWindowRollups,
  keptDailyRollups,
  keptStatusRollups,
  keptWindowRollups,
} from '../support/rollup-comparison';

const STATUSES = ['ready', 'started', 'success', 'skipped', 'canceled', 'error'] as const;

function batch(round: number): IngestBatchInput {
  const users = Array.from({ length: 12 }, (_, i) => ({ email: `u${i}@roll.test`, name: `U${i}`, profileId: i % 3 === 0 ? 'ops' : 'sales' }));
  return {
    profiles: [
      { id: 'sales', name: 'Sales' },
      { id: 'ops', name: 'Ops' },
    ],
    users,
    sessions: Array.from({ length: 150 }, (_, i) => {
      // Round 0 leaves some sessions ready or started; round 1 moves them to a final status.
      const status = (round === 0 && i % 4 === 0 ? STATUSES[i % 2] : STATUSES[2 + ((i * 7) % 4)])!;
      const startedAt = new Date(Date.UTC(2026, 10, 20, 22, 0) + i * 47 * 60_000).toISOString();
      return {
        id: `s${i}`,
        userEmail: users[i % users.length]!.email,
        startedAt,
        status,
        errorCategory: status === 'error' ? ['Throttling', 'Authorization'][i % 2] : null,
        errorSource: status === 'error' ? (['crm', 'mail_server'] as const)[i % 2]! : null,
      };
    }),
    issues: Array.from({ length: 60 }, (_, i) => ({
      id: `i${i}`,
      userEmail: users[(i * 5) % users.length]!.email,
      sessionId: `s${i * 2}`,
      // Round 1 changes some issues' code and day.
      occurredAt: new Date(Date.UTC(2026, 10, 21, 3, 0) + (i + (round === 1 && i % 5 === 0 ? 30 : 0)) * 3_600_000).toISOString(),
      type: (['email', 'event', 'contact', 'task'] as const)[i % 4]!,
      direction: 'outlook_to_salesforce' as const,
      name: `Object ${i}`,
      operation: 'create' as const,
      errorCode: round === 1 && i % 7 === 0 ? 99 : (i % 3) + 1,
    })),
  };
}

describe('moving a period', () => {
  it('adds the days that entered and subtracts the days that left, or sums it again', () => {
    expect(windowMove(7, '2026-11-22', '2026-11-24')).toEqual({
      rebuild: false,
      ranges: [
        { after: '2026-11-22', through: '2026-11-24', sign: 1 },
        { after: '2026-11-15', through: '2026-11-17', sign: -1 },
      ],
    });
    expect(windowMove(7, '2026-11-24', '2026-11-24')).toEqual({ rebuild: false, ranges: [] });
    // Moved by its length or more, backwards, or never built: summed again.
    for (const from of ['2026-11-17', '2026-11-25', null]) {
      expect(windowMove(7, from, '2026-11-24')).toEqual({ rebuild: true, ranges: [{ after: '2026-11-17', through: '2026-11-24', sign: 1 }] });
    }
    expect(windowMove(1, '2026-11-23', '2026-11-24').rebuild).toBe(true);
  });
});

describeEachDatabase('daily rollups kept by ingestion', (database) => {
  let tenantId: string;

  const rollupRows = (id: string) => keptDailyRollups(database().db, id);
  const direct = (id: string) => directDailyRollups(database().db, id);
  const windowRows = (id: string) => keptWindowRollups(database().db, id);
  const directWindows = (id: string, asOf: string) => directWindowRollups(database().db, id, asOf);
  const statusRows = (id: string) => keptStatusRollups(database().db, id);
  const directStatuses = (id: string) => directStatusRollups(database().db, id);

  beforeAll(async () => {
    tenantId = (await createTenant(database().db, 'rollups')).id;
  });

  it('equal the direct aggregate after the first write, a replay, status moves and issue changes', async () => {
    const { db } = database();
    await ingest(db, tenantId, batch(0));
    const first = await rollupRows(tenantId);
    expect(first).toEqual(await direct(tenantId));
    expect(first.sessionCounts.length).toBeGreaterThan(10);
    expect(first.userProblems.length).toBeGreaterThan(5);

    await ingest(db, tenantId, batch(0));
    expect(await rollupRows(tenantId)).toEqual(first);

    await ingest(db, tenantId, batch(1));
    const moved = await rollupRows(tenantId);
    expect(moved).not.toEqual(first);
    expect(moved).toEqual(await direct(tenantId));
    // Nothing is in ready or started any more.
    expect(moved.sessionCounts.filter((r) => ['ready', 'started'].includes((r as { status: string }).status))).toEqual([]);
  });

  it("keep tenants apart, and a rebuild gives what ingestion kept", async () => {
    const { db } = database();
    const other = (await createTenant(db, 'rollups-other')).id;
    await ingest(db, other, batch(1));
    const kept = await rollupRows(tenantId);
    expect(kept).toEqual(await direct(tenantId));
    expect(await rollupRows(other)).toEqual(await direct(other));
    await rebuildRollups(db, tenantId);
    expect(await rollupRows(tenantId)).toEqual(kept);
  });

  it('keep the period rollups equal to the daily ones summed, through batches and moves of their last day', async () => {
    const { db } = database();
    const id = (await createTenant(db, 'rollup-windows')).id;
    await ingest(db, id, batch(0));
    await moveWindowsTo(db, id, '2026-11-22');
    const built = await windowRows(id);
    expect(built).toEqual(await directWindows(id, '2026-11-22'));
    expect(built.window_user_problems!.length).toBeGreaterThan(5);

    // A replay adds nothing; status moves and issues moving to later days (past as_of) move counts.
    await ingest(db, id, batch(0));
    expect(await windowRows(id)).toEqual(built);
    await ingest(db, id, batch(1));
    const moved = await windowRows(id);
    expect(moved).not.toEqual(built);
    expect(moved).toEqual(await directWindows(id, '2026-11-22'));
    expect(await statusRows(id)).toEqual(await directStatuses(id));

    // Moving as_of forward day by day, by several days, and a rebuild all agree with the rows.
    for (const day of ['2026-11-23', '2026-11-24', '2026-11-27', '2026-12-20']) {
      await moveWindowsTo(db, id, day);
      expect(await windowRows(id), day).toEqual(await directWindows(id, day));
    }
    await moveWindowsTo(db, id, '2026-11-24');
    const kept = await windowRows(id);
    expect(kept).toEqual(await directWindows(id, '2026-11-24'));
    await rebuildRollups(db, id, '2026-11-24');
    expect(await windowRows(id)).toEqual(kept);
    expect(await statusRows(id)).toEqual(await directStatuses(id));
  });
});
