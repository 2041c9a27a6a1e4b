import 'server-only';
// The organisation's time zone: its days on the overview, in the rollups, the presets and every
// time a page shows. A platform admin's change is recorded as pending (audited) and applied by a
// recount of the tenant's rollups in the new zone, in one transaction that holds the tenant's
// ingestion lock: batches wait, and readers see the old zone's figures until it commits, never a
// mix. The change's own request does not wait for the recount (it may take minutes for a large
// tenant): it runs in the background, and the scheduled step picks up any a restart interrupted.
// Several instances never recount a tenant twice (a tried advisory lock).
import { sql } from 'drizzle-orm';
import { ADVISORY_LOCKS } from '@/db/advisory-locks';
import { getDatabase, queryRows, type Database } from '@/db/client';
import { runTransaction } from '@/db/run-transaction';
import { actorOf, recordAuditEvent } from '@/lib/audit/record-audit-event';
import type { TenantViewer } from '@/lib/auth/viewer';
import { forbiddenError, HttpError } from '@/lib/http/errors';
import { interactiveLimits } from '@/lib/db-limits';
import { logger } from '@/lib/logger';
import { rebuildRollupsIn } from '@/lib/rollups/rebuild-rollups';
import { UNBOUNDED } from '@/lib/rollups/rollup-windows';
import { isTimeZone } from '@/lib/time/zoned-time';

export interface TenantTimeZone {
  timeZone: string;
  /** A change waiting for its recount, and since when. */
  pending: { timeZone: string; since: string } | null;
}

export async function getTenantTimeZone(tenantId: string): Promise<TenantTimeZone> {
  const [row] = await queryRows<{ time_zone: string; time_zone_pending: string | null; time_zone_pending_since: Date | string | null }>(
    getDatabase().db,
    sql`select time_zone, time_zone_pending, time_zone_pending_since from tenants where id = ${tenantId}::uuid`,
  );
  if (!row) throw new Error(`no tenant ${tenantId}`);
  return {
    timeZone: row.time_zone,
    pending: row.time_zone_pending && row.time_zone_pending_since ? { timeZone: row.time_zone_pending, since: new Date(row.time_zone_pending_since).toISOString() } : null,
  };
}

/** Records a platform admin's new zone as pending; answers whether anything changed. */
export async function setTenantTimeZone({ viewer, timeZone }: { viewer: TenantViewer; timeZone: string }): Promise<{ changed: boolean }> {
  if (viewer.role !== 'platform_admin') throw forbiddenError('Only platform admins set the organisation’s time zone.');
  if (!isTimeZone(timeZone)) throw new HttpError(422, `"${timeZone}" is not a time zone this panel knows (an IANA name such as America/Los_Angeles).`);
  return runTransaction(getDatabase().db, interactiveLimits(), async (tx) => {
    const [current] = await queryRows<{ time_zone: string; time_zone_pending: string | null }>(
      tx,
      sql`select time_zone, time_zone_pending from tenants where id = ${viewer.tenantId}::uuid for update`,
    );
    if (!current) throw new Error(`no tenant ${viewer.tenantId}`);
    const target = current.time_zone_pending ?? current.time_zone;
    if (target === timeZone) return { changed: false };
    // Back to the zone in force: nothing to recount.
    const pending = timeZone === current.time_zone ? null : timeZone;
    await tx.execute(
      sql`update tenants set time_zone_pending = ${pending}, time_zone_pending_since = ${pending ? new Date() : null} where id = ${viewer.tenantId}::uuid`,
    );
    await recordAuditEvent(tx, {
      tenantId: viewer.tenantId,
      actor: actorOf(viewer),
      action: 'tenant.time_zone_change',
      targetType: 'tenant',
      targetId: viewer.tenantId,
      targetLabel: viewer.tenantName,
      before: { timeZone: target },
      after: { timeZone },
    });
    return { changed: true };
  });
}

/** Recounts the tenant's rollups in its pending zone and makes it the zone; false when there was
 * nothing pending or another instance is at it. */
export async function applyPendingTimeZone(db: Database, tenantId: string): Promise<boolean> {
  return runTransaction(db, UNBOUNDED, async (tx) => {
    const [lock] = await queryRows<{ taken: boolean }>(tx, sql`select pg_try_advisory_xact_lock(${ADVISORY_LOCKS.timeZoneChange}, hashtext(${tenantId})) as taken`);
    if (!lock?.taken) return false;
    // The tenant's batches wait: a batch counting in the old zone must not land in the new rollups.
    await tx.execute(sql`select pg_advisory_xact_lock(${ADVISORY_LOCKS.ingestion}, hashtext(${tenantId}))`);
    const [changed] = await queryRows<{ time_zone: string }>(
      tx,
      sql`update tenants set time_zone = time_zone_pending, time_zone_pending = null, time_zone_pending_since = null
          where id = ${tenantId}::uuid and time_zone_pending is not null returning time_zone`,
    );
    if (!changed) return false;
    await rebuildRollupsIn(tx, tenantId);
    return true;
  });
}

/** Starts the recount without waiting for it (the admin's request answers at once). */
export function applyPendingTimeZoneInBackground(tenantId: string): void {
  const started = Date.now();
  applyPendingTimeZone(getDatabase().ingestDb, tenantId).then(
    (applied) => applied && logger().info({ tenantId, ms: Date.now() - started }, 'rollups recounted for the new time zone'),
    (error: unknown) => logger().warn({ err: error, tenantId }, 'recounting the rollups for the new time zone failed; the scheduled step tries again'),
  );
}

/** The scheduled step's part: every tenant with a change still pending (a restart interrupted its recount). */
export async function applyPendingTimeZones(db: Database): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(db, sql`select id from tenants where time_zone_pending is not null order by id`);
  const applied: string[] = [];
  for (const { id } of rows) if (await applyPendingTimeZone(db, id)) applied.push(id);
  return applied;
}
