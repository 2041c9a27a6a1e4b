// Kept rollups equal the direct aggregate under any concurrency of batches. On PostgreSQL the
// batches really run side by side (a pool of connections; PGlite runs one transaction at a
// time): identical copies, overlapping ones, status moves arriving before or after the sessions
// they move, issues moving to other days and codes, and a move of the periods' last day.
import { describe, expect, it } from 'vitest';
import type { IngestBatchInput } from '@/lib/ingest/batch-schema';
import { moveWindowsTo } from '@/lib/rollups/rollup-windows';
import { createTestDatabase, serverUrl } from '../support/databases';
import { createTenant, ingest } from '../support/fixtures';
import * as compare from '../support/rollup-comparison';

const ROUNDS = 50;
const PARALLEL = 8;
const FINAL = ['success', 'skipped', 'canceled', 'error'] as const;
const users = Array.from({ length: 12 }, (_, i) => ({ email: `u${i}@race.test`, name: `U${i}`, profileId: i % 3 === 0 ? 'ops' : 'sales' }));
const directory: IngestBatchInput = {
  profiles: [
    { id: 'sales', name: 'Sales' },
    { id: 'ops', name: 'Ops' },
  ],
  users,
};

type Session = NonNullable<IngestBatchInput['sessions']>[number];
type Issue = NonNullable<IngestBatchInput['issues']>[number];

function session(round: number, i: number, status: Session['status']): Session {
  return {
    id: `r${round}-s${i}`,
    userEmail: users[(round + i) % users.length]!.email,
    // Spread over ten days up to the periods' last day.
    startedAt: new Date(Date.UTC(2026, 10, 15, 1) + ((round * 7 + i) % 10) * 86_400_000 + i * 60_000).toISOString(),
    endedAt: status === 'ready' || status === 'started' ? null : new Date(Date.UTC(2026, 10, 15, 2) + ((round * 7 + i) % 10) * 86_400_000).toISOString(),
    status,
    errorCategory: status === 'error' ? ['Throttling', 'Authorization'][i % 2] : null,
    errorSource: status === 'error' ? (['crm', 'mail_server'] as const)[i % 2]! : null,
  };
}

function issue(round: number, i: number, variant: number): Issue {
  return {
    id: `r${round}-i${i}`,
    userEmail: users[(round * 5 + i) % users.length]!.email,
    // Each variant puts the issue on another day (some after the periods' last day) and code.
    occurredAt: new Date(Date.UTC(2026, 10, 16, 3) + ((i + variant * 4) % 12) * 86_400_000).toISOString(),
    type: (['email', 'event', 'contact', 'task'] as const)[(i + variant) % 4]!,
    direction: 'outlook_to_salesforce',
    name: `Object ${i}`,
    operation: 'update',
    errorCode: (i + variant) % 5,
  };
}

/** Eight batches of one round: each races the others for the same new and existing rows. */
function roundBatches(round: number): IngestBatchInput[] {
  const ids = Array.from({ length: 20 }, (_, i) => i);
  const started = { sessions: ids.map((i) => session(round, i, i % 3 === 0 ? 'ready' : 'started')), issues: ids.slice(0, 10).map((i) => issue(round, i, 0)) };
  const finals = (offset: number) => ({ sessions: ids.map((i) => session(round, i, FINAL[(i + offset) % FINAL.length]!)) });
  const overlapping = { sessions: ids.slice(10).map((i) => session(round, i, 'started')).concat(ids.map((i) => session(round, i + 20, 'error'))) };
  const issuesMoving = (variant: number) => ({
    // This round's issues and the previous round's, moved to other days and codes.
    issues: ids.slice(0, 10).flatMap((i) => [issue(round, i, variant), ...(round > 0 ? [issue(round - 1, i, variant)] : [])]),
  });
  return [started, structuredClone(started), overlapping, finals(0), finals(1), issuesMoving(1), issuesMoving(2), structuredClone(overlapping)].slice(0, PARALLEL);
}

// Without a server there is nothing to race: PGlite serializes every transaction.
describe.runIf(serverUrl)('rollups under concurrent batches [postgres]', () => {
  it(`equal the direct aggregate after ${ROUNDS} rounds of ${PARALLEL} parallel batches`, async () => {
    const database = await createTestDatabase('postgres');
    try {
      const { db } = database.handle;
      const tenantId = (await createTenant(db, 'rollup-race')).id;
      await ingest(db, tenantId, directory);
      await moveWindowsTo(db, tenantId, '2026-11-24');
      let asOf = '2026-11-24';
      const failures: unknown[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const writes: Promise<unknown>[] = roundBatches(round).map((batch) => ingest(db, tenantId, batch));
        // Once in a while the periods' last day moves while batches are being written.
        if (round % 10 === 5) {
          asOf = asOf === '2026-11-24' ? '2026-11-25' : '2026-11-24';
          writes.push(moveWindowsTo(db, tenantId, asOf));
        }
        for (const result of await Promise.allSettled(writes)) if (result.status === 'rejected') failures.push(result.reason);
      }
      expect(failures).toEqual([]);
      const kept = await compare.keptDailyRollups(db, tenantId);
      expect(kept.sessionCounts.length).toBeGreaterThan(20);
      expect(kept).toEqual(await compare.directDailyRollups(db, tenantId));
      expect(await compare.keptStatusRollups(db, tenantId)).toEqual(await compare.directStatusRollups(db, tenantId));
      expect(await compare.keptWindowRollups(db, tenantId)).toEqual(await compare.directWindowRollups(db, tenantId, asOf));
    } finally {
      await database.drop();
    }
  });
});
