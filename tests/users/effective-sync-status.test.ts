import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { queryRows } from '@/db/client';
import { effectiveSyncStatusIs, effectiveSyncStatusSql, type StatusColumns } from '@/lib/sync-status/effective-sync-status';
import { EFFECTIVE_SYNC_STATUSES } from '@/lib/sync-status/effective-sync-status-labels';
import { describeEachDatabase } from '../support/databases';

const T = (minutes: number) => new Date(Date.UTC(2026, 10, 26, 10, minutes)).toISOString();

// profile on, user on, error at, admin's last enable at, removed at -> expected
const TRUTH_TABLE: [boolean, boolean, string | null, string | null, string | null, string][] = [
  [true, true, null, null, null, 'enabled'],
  [true, true, T(10), null, null, 'error'],
  [true, true, T(10), T(5), null, 'error'], // error newer than the last enable
  [true, true, T(10), T(20), null, 'enabled'], // enabled again after the error: the error no longer counts
  [true, true, null, T(20), null, 'enabled'],
  [false, true, null, null, null, 'disabled'],
  [false, true, T(10), null, null, 'disabled'], // switched off beats the error
  [true, false, null, null, null, 'disabled'],
  [true, false, T(10), null, null, 'disabled'],
  [false, false, T(10), T(20), null, 'disabled'],
  // Removed by the engine beats everything: they left.
  [true, true, null, null, T(30), 'removed'],
  [true, true, T(10), null, T(30), 'removed'],
  [false, false, null, null, T(30), 'removed'],
];

describeEachDatabase('effective synchronization status', (database) => {
  it('follows the documented rule in every case, and each filter selects exactly its status', async () => {
    const values = sql.join(
      TRUTH_TABLE.map(([p, u, e, en, r], i) => sql`(${i}::int, ${p}::boolean, ${u}::boolean, ${e}::timestamptz, ${en}::timestamptz, ${r}::timestamptz)`),
      sql`, `,
    );
    const c: StatusColumns = {
      profileEnabled: sql.raw('t.p'),
      userEnabled: sql.raw('t.u'),
      syncErrorAt: sql.raw('t.e'),
      syncEnabledAt: sql.raw('t.en'),
      removedAt: sql.raw('t.r'),
    };
    const rows = await queryRows<{ i: number; status: string; enabled: boolean; disabled: boolean; error: boolean; removed: boolean }>(
      database().db,
      sql`select t.i, ${effectiveSyncStatusSql(c)} as status,
            ${effectiveSyncStatusIs(c, 'enabled')} as enabled, ${effectiveSyncStatusIs(c, 'disabled')} as disabled,
            ${effectiveSyncStatusIs(c, 'error')} as error, ${effectiveSyncStatusIs(c, 'removed')} as removed
          from (values ${values}) as t(i, p, u, e, en, r) order by t.i`,
    );
    expect(rows.map((r) => r.status)).toEqual(TRUTH_TABLE.map((row) => row[5]));
    for (const row of rows) {
      for (const status of EFFECTIVE_SYNC_STATUSES) expect(row[status], `row ${row.i} filter ${status}`).toBe(row.status === status);
    }
  });
});
