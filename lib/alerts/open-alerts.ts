import 'server-only';
// The alerts open now in the viewer's scope, for the overview: those of the organisation's
// enabled rules whose subject the viewer may see (a user's or profile's alert by its profile; an
// organisation-wide one by every admin). The newest few, and how many there are (counted up to
// a bound: a large outage says "100 or more", not an exact count over every user).
import { sql } from 'drizzle-orm';
import { getDatabase, queryRows } from '@/db/client';
import type { TenantViewer } from '@/lib/auth/viewer';
import type { AlertFacts } from './alert-rule';

export const OPEN_ALERTS_SHOWN = 5;
const COUNT_BOUND = 100;

export interface OpenAlert {
  ruleName: string;
  openedAt: string;
  facts: AlertFacts;
}

export async function openAlertsInScope(viewer: TenantViewer): Promise<{ alerts: OpenAlert[]; total: number; totalIsBound: boolean }> {
  const inScope =
    viewer.profileIds === null
      ? sql`true`
      : viewer.profileIds.length === 0
        ? sql`s.subject = 'tenant'`
        : sql`(s.subject = 'tenant' or (s.facts->'profile'->>'id')::uuid in (${sql.join(viewer.profileIds.map((id) => sql`${id}::uuid`), sql`, `)}))`;
  const open = sql`from alert_states s join alert_rules r on r.tenant_id = s.tenant_id and r.id = s.rule_id
    where s.tenant_id = ${viewer.tenantId}::uuid and s.closed_at is null and r.enabled and ${inScope}`;
  const [rows, [counted]] = await Promise.all([
    queryRows<{ rule_name: string; opened_at: Date | string; facts: AlertFacts }>(
      getDatabase().db,
      sql`select r.name as rule_name, s.opened_at, s.facts ${open} order by s.opened_at desc, s.subject limit ${OPEN_ALERTS_SHOWN}`,
    ),
    queryRows<{ total: number }>(getDatabase().db, sql`select count(*)::int as total from (select 1 ${open} limit ${COUNT_BOUND}) bounded`),
  ]);
  return {
    alerts: rows.map((row) => ({ ruleName: row.rule_name, openedAt: new Date(row.opened_at).toISOString(), facts: row.facts })),
    total: counted?.total ?? 0,
    totalIsBound: (counted?.total ?? 0) >= COUNT_BOUND,
  };
}
