import 'server-only';
// How fresh a tenant's data is: when its sync engine last sent a batch, and whether that is
// late — no batch for twice the longest sync interval in use (a profile's or a user's
// `syncInterval`, the catalog's default where a profile sets none). A silent engine leaves every
// page showing its last state; this is what says so.
import { sql } from 'drizzle-orm';
import { cache } from 'react';
import { getDatabase, queryRows } from '@/db/client';
import { settingDefinition } from '@/lib/settings/catalog';
import { describeFreshness, type ReportedFreshness } from './describe-freshness';

export interface EngineFreshness extends ReportedFreshness {
  /** No batch yet, or none for lateAfterMinutes at `now`. */
  late: boolean;
}

const DEFAULT_INTERVAL_MINUTES = Number(settingDefinition('syncInterval')?.defaultValue ?? 30);
const whole = (value: string) => sql.raw(`case when ${value} #>> '{}' ~ '^[0-9]{1,6}$' then (${value} #>> '{}')::int end`);

export async function engineFreshness(tenantId: string, now: Date = new Date()): Promise<EngineFreshness> {
  const [row] = await queryRows<{ last_batch_at: Date | string | null; longest: number | null }>(
    getDatabase().db,
    sql`select t.last_batch_at,
          greatest(
            (select max(${whole('s.value')}) from profile_settings s where s.tenant_id = t.id and s.key = 'syncInterval'),
            (select max(${whole('s.value')}) from user_settings s where s.tenant_id = t.id and s.key = 'syncInterval'),
            -- The default is in use where a profile sets no interval of its own.
            (select ${DEFAULT_INTERVAL_MINUTES}::int from profiles p where p.tenant_id = t.id
               and not exists (select 1 from profile_settings s where s.tenant_id = p.tenant_id and s.profile_id = p.id and s.key = 'syncInterval') limit 1)
          ) as longest
        from tenants t where t.id = ${tenantId}::uuid`,
  );
  const longestIntervalMinutes = row?.longest ?? DEFAULT_INTERVAL_MINUTES;
  const lateAfterMinutes = 2 * longestIntervalMinutes;
  const reported = { lastBatchAt: row?.last_batch_at ? new Date(row.last_batch_at).toISOString() : null, longestIntervalMinutes, lateAfterMinutes };
  return { ...reported, late: describeFreshness(reported, now.getTime()).kind !== 'fresh' };
}

/** For the page being rendered: its header and its overview ask once. */
export const engineFreshnessForPage = cache((tenantId: string) => engineFreshness(tenantId));
