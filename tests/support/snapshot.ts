// Every row a tenant has in the sync tables, as text: equal snapshots mean byte-identical rows.
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';

export async function snapshotTenant(db: Database, tenantId: string): Promise<string> {
  const rows = await queryRows<{ dump: string }>(
    db,
    sql`select concat_ws(E'\n',
          (select string_agg(p::text, E'\n' order by p.engine_id) from profiles p where p.tenant_id = ${tenantId}),
          (select string_agg(u::text, E'\n' order by u.email) from users u where u.tenant_id = ${tenantId}),
          (select string_agg(s::text, E'\n' order by s.engine_id) from sync_sessions s where s.tenant_id = ${tenantId}),
          (select string_agg(l::text, E'\n' order by l.session_id) from sync_session_logs l where l.tenant_id = ${tenantId}),
          (select string_agg(i::text, E'\n' order by i.engine_id) from sync_issues i where i.tenant_id = ${tenantId}),
          (select string_agg(us::text, E'\n' order by us.user_id, us.key) from user_settings us where us.tenant_id = ${tenantId})) as dump`,
  );
  return rows[0]!.dump;
}
