import 'server-only';
// Work that runs on a clock in every app instance (started by instrumentation.ts), safe to run
// on several at once: a time zone change's recount, the move of the period rollups to each
// tenant's new day, forgetting admin sessions that ended or expired over a day ago, removing the
// chunks of log uploads whose process died, evaluating the alert rules, and the day partitions
// (the coming days' made ahead, those past the retention dropped). It checks every few
// minutes, so the move happens minutes after a tenant's midnight, and a new tenant's periods are
// built soon after its first batch; the overview reads correct figures before it, too.
import { getDatabase } from '@/db/client';
import { forgetOldAdminSessions } from '@/lib/auth/admin-sessions';
import { scheduledLimits } from '@/lib/db-limits';
import { logger } from '@/lib/logger';
import { sweepAbandonedUploads } from '@/lib/logs/log-uploads';
import { env } from '@/config/env';
import { advanceWindows } from '@/lib/rollups/advance-windows';
import { applyPendingTimeZones } from '@/lib/tenants/tenant-time-zone';
import { evaluateAlertsStep } from '@/lib/alerts/alert-runner';
import { maintainPartitions } from '@/lib/partitions/maintain-partitions';

const WINDOW_CHECK_INTERVAL_MS = 5 * 60_000;
const FIRST_RUN_DELAY_MS = 2_000;

const STARTED = Symbol.for('sync-admin-panel.scheduled-steps');
type GlobalWithSchedule = typeof globalThis & { [STARTED]?: boolean };

async function forgetOldSessionsStep(): Promise<void> {
  try {
    await forgetOldAdminSessions(getDatabase().ingestDb);
  } catch (error) {
    logger().warn({ err: error }, 'forgetting old admin sessions failed; the next check tries again');
  }
}

// Past the longest an upload may take, with a margin for its last chunk and transaction.
const UPLOAD_SWEEP_MARGIN_MS = 10 * 60_000;

async function sweepUploadsStep(): Promise<void> {
  try {
    const swept = await sweepAbandonedUploads(getDatabase().ingestDb, env().LOG_UPLOAD_TIMEOUT_MS + UPLOAD_SWEEP_MARGIN_MS);
    if (swept > 0) logger().info({ uploads: swept }, 'removed the chunks of abandoned log uploads');
  } catch (error) {
    logger().warn({ err: error }, 'removing abandoned log uploads failed; the next check tries again');
  }
}

async function advanceWindowsStep(): Promise<void> {
  const started = Date.now();
  try {
    const moved = await advanceWindows(getDatabase().ingestDb, { limits: scheduledLimits() });
    if (moved.length > 0) logger().info({ tenants: moved.length, ms: Date.now() - started }, 'period rollups moved to the new day');
  } catch (error) {
    logger().warn({ err: error }, 'moving the period rollups failed; the next check tries again');
  }
}

async function partitionsStep(): Promise<void> {
  const started = Date.now();
  try {
    const run = await maintainPartitions(getDatabase());
    if (run && (run.dropped.length > 0 || run.rollupsTrimmed)) {
      logger().info({ firstKeptDay: run.firstKeptDay, dropped: run.dropped, ms: Date.now() - started }, 'retention applied: day partitions dropped, rollups trimmed');
    }
  } catch (error) {
    logger().warn({ err: error }, 'maintaining the day partitions failed; the next check tries again');
  }
}

async function timeZoneStep(): Promise<void> {
  try {
    const applied = await applyPendingTimeZones(getDatabase().ingestDb);
    if (applied.length > 0) logger().info({ tenants: applied.length }, 'rollups recounted for a new time zone');
  } catch (error) {
    logger().warn({ err: error }, 'recounting the rollups for a new time zone failed; the next check tries again');
  }
}

/** Starts the checks once per process; the timers never keep the process alive. */
export function startScheduledSteps(): void {
  const holder = globalThis as GlobalWithSchedule;
  if (holder[STARTED]) return;
  holder[STARTED] = true;
  let running = false;
  const tick = async () => {
    if (running) return; // a slow run is still going: skip, do not pile up
    running = true;
    // A zone change first: the day the windows move to depends on it.
    await timeZoneStep();
    await Promise.all([advanceWindowsStep(), forgetOldSessionsStep(), sweepUploadsStep(), evaluateAlertsStep(), partitionsStep()]).finally(() => (running = false));
  };
  setTimeout(tick, FIRST_RUN_DELAY_MS).unref();
  setInterval(tick, WINDOW_CHECK_INTERVAL_MS).unref();
}
