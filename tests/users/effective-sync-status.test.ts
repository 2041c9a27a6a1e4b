import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { queryRows } from '@/db/client';
import { effectiveSyncStatusIs, effectiveSyncStatusSql, type StatusColumns } from '@/lib/sync-status/effective-sync-status';
import { EFFECTIVE_SYNC_STATUSES } from '@/lib/sync-status/effective-sync-status-labels';
import { describeEachDatabase } from '../support/databases';

const T = (minutes: number) => new Date(Date.UTC(2026, 10, 26, 10, minutes)).toISOString();

// profile on, user on, error at, admin's last enable at -> expected
const TRUTH_TABLE: [boolean, boolean, string | null, string | null, string][] = [
  [true, true, null, null, 'enabled'],
  [true, true, T(10), null, 'error'],
  [true, true, T(10), T(5), 'error'], // error newer than the last enable
  [true, true, T(10), T(20), 'enabled'], // enabled again after the error: the error no longer counts
  [true, true, null, T(20), 'enabled'],
  [false, true, null, null, 'disabled'],
  [false, true, T(10), null, 'disabled'], // switched off beats the error
  [true, false, null, null, 'disabled'],
  [true, false, T(10), null, 'disabled'],
  [false, false, T(10), T(20), 'disabled'],
];

describeEachDatabase('effective synchronization status', (database) => {
  it('follows the documented rule in every case, and each filter selects exactly its status', async () => {
    const values = sql.join(
      TRUTH_TABLE.map(([p, u, e, en], i) => sql`(${i}, ${p}::boolean, ${u}::boolean, ${e}::timestamptz, ${en}::timestamptz)`),
      sql`, `,
    );
    const c: StatusColumns = {
      profileEnabled: sql.raw('t.p'),
      userEnabled: sql.raw('t.u'),
      syncErrorAt: sql.raw('t.e'),
      syncEnabledAt: sql.raw('t.en'),
    };
    const rows = await queryRows<{ i: number; status: string; enabled: boolean; disabled: boolean; error: boolean }>(
      database().db,
      sql`select t.i, ${effectiveSyncStatusSql(c)} as status,
            ${effectiveSyncStatusIs(c, 'enabled')} as enabled, ${effectiveSyncStatusIs(c, 'disabled')} as disabled,
            ${effectiveSyncStatusIs(c, 'error')} as error
          from (values ${values}) as t(i, p, u, e, en) order by t.i`,
    );
    expect(rows.map((r) => r.status)).toEqual(TRUTH_TABLE.map((row) => row[4]));
    for (const row of rows) {
      for (const status of EFFECTIVE_SYNC_STATUSES) expect(row[status], `row ${row.i} filter ${status}`).toBe(row.status === status);
    }
  });
});
