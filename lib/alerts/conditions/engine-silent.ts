import 'server-only';
// (e) No batch has come from the organisation's sync engine for H hours (counted from the
// tenant's creation while none ever came). One subject: the organisation.
import { sql, type SQL } from 'drizzle-orm';
import type { AlertRuleParams } from '../alert-rule';

export function silentEngine(tenantId: string, watches: SQL, { hours }: AlertRuleParams<'engine_silent'>, now: Date): SQL {
  return sql`select 'tenant' as subject,
      jsonb_build_object('figures', jsonb_build_object('hours', ${hours}::int, 'lastBatchAt', t.last_batch_at)) as facts
    from tenants t
    where t.id = ${tenantId}::uuid and ${watches}
      and coalesce(t.last_batch_at, t.created_at) <= ${now}::timestamptz - interval '1 hour' * ${hours}`;
}
