import 'server-only';
// The values a "Filter by" menu offers where the engine, not the panel, decides them: the error
// categories of sessions and the error codes of sync issues that occurred in the last 90 days
// (the overview's longest period) within the viewer's scope, or one profile, most frequent first.
// Read from the period rollups — a row per profile and key — never from sessions or issues.
import { sql, type SQL } from 'drizzle-orm';
import { queryRows } from '@/db/client';
import { readDatabase } from '@/db/read-replica';
import { ERROR_CODE_MEANINGS } from '@/domain/sync-vocabulary';
import type { TenantViewer } from '@/lib/auth/viewer';
import { periodRollupRows, storedWindowsAsOf } from '@/lib/rollups/period-rollup-rows';
import { ISSUE_COUNTS, SESSION_COUNTS, type WindowedRollup } from '@/lib/rollups/rollup-windows';
import { inViewerScope } from '@/lib/scope/profile-scope';

const DAYS = 90;
/** Engines may invent categories: the menu stays a menu. */
const MOST = 50;

async function seenValues<Value>(viewer: TenantViewer, profileId: string | null, rollup: WindowedRollup, key: string, value: string, condition: SQL = sql`true`): Promise<Value[]> {
  const db = await readDatabase();
  const asOf = await storedWindowsAsOf(db, viewer.tenantId);
  const today = new Date().toISOString().slice(0, 10);
  const scope = inViewerScope(viewer, sql.raw('r.tenant_id'), sql.raw('r.profile_id'));
  const rows = await queryRows<{ value: Value }>(
    db,
    sql`select r.${sql.raw(key)} as value from ${periodRollupRows(rollup, viewer.tenantId, DAYS, asOf, today)} r
        where ${scope} and r.days = ${DAYS} ${profileId ? sql`and r.profile_id = ${profileId}::uuid` : sql``} and ${condition}
        group by 1 having sum(r.${sql.raw(value)}) > 0 order by sum(r.${sql.raw(value)}) desc, 1 limit ${MOST}`,
  );
  return rows.map((row) => row.value);
}

/** Error categories of sessions, for a profile's statistics or (null) any profile in scope. */
export const seenErrorCategories = (viewer: TenantViewer, profileId: string | null) => seenValues<string>(viewer, profileId, SESSION_COUNTS, 'error_category', 'sessions', sql`r.error_category <> ''`);

/** Error codes of sync issues, in ascending order, with the documented ones always among them. */
export async function seenErrorCodes(viewer: TenantViewer, profileId: string | null): Promise<number[]> {
  const seen = await seenValues<number>(viewer, profileId, ISSUE_COUNTS, 'error_code', 'issues');
  return [...new Set([...Object.keys(ERROR_CODE_MEANINGS).map(Number), ...seen])].sort((a, b) => a - b);
}
