import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { queryRows } from '@/db/client';
import { admins } from '@/db/schema';
import { loadViewer, type TenantViewer } from '@/lib/auth/viewer';
import { listUsers } from '@/lib/users/list-users';
import { describeEachDatabase } from '../support/databases';
import { createTenant, ingest } from '../support/fixtures';

const USERS = 50_000;
const DEPTH = 25_000;

describeEachDatabase('paging users 25,000 rows deep by cursor in a 50,000-user tenant', (database) => {
  let viewer: TenantViewer;
  let expected: string[];

  beforeAll(async () => {
    const { db } = database();
    const tenant = await createTenant(db, 'big');
    await ingest(db, tenant.id, { profiles: [{ id: 'p', name: 'Everyone' }] });
    // Set-based: names in an order unrelated to ids, some repeated to exercise the id tie-break.
    await db.execute(sql`insert into users (tenant_id, email, name, profile_id)
      select ${tenant.id}::uuid, 'user' || g || '@big.test', 'User ' || substr(md5((g % 40000)::text), 1, 8),
             (select id from profiles where tenant_id = ${tenant.id}::uuid)
      from generate_series(1, ${USERS}) g`);
    const [boss] = await db.insert(admins).values({ tenantId: tenant.id, email: 'boss@big.test', name: 'Boss', role: 'platform_admin' }).returning();
    viewer = (await loadViewer(db, boss!.id)) as TenantViewer;
    expected = (
      await queryRows<{ id: string }>(db, sql`select id from users where tenant_id = ${tenant.id}::uuid order by name, id limit ${DEPTH + 100}`)
    ).map((r) => r.id);
  }, 300_000);

  it('returns every row once, in order, page after page, and pages back from deep', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let previous: string | null = null;
    while (seen.length < DEPTH + 100) {
      const page: Awaited<ReturnType<typeof listUsers>> = await listUsers(viewer, {
        status: null,
        q: null,
        sort: 'name',
        direction: 'asc',
        pageSize: 100,
        page: { after, before: null },
      });
      seen.push(...page.rows.map((r) => r.id));
      after = page.nextCursor;
      previous = page.previousCursor;
    }
    expect(seen).toEqual(expected);
    // Back one page from 25,000 rows in.
    const back = await listUsers(viewer, { status: null, q: null, sort: 'name', direction: 'asc', pageSize: 100, page: { after: null, before: previous } });
    expect(back.rows.map((r) => r.id)).toEqual(expected.slice(DEPTH - 100, DEPTH));
  }, 300_000);
});
