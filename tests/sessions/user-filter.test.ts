// A profile's statistics narrowed to one user (`user=`): exactly that user's sessions of the
// profile, counted alike; nothing for a user outside the profile or the viewer's scope; and the
// picker's suggestions stay inside the profile and the scope.
import { defaultStatisticsRange } from '@/lib/time/period-presets';
import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { users } from '@/db/schema';
import type { TenantViewer } from '@/lib/auth/viewer';
import { parseSearch } from '@/lib/search/parse-search';
import { countSessions, listSessions } from '@/lib/sessions/list-sessions';
import { statisticsSearch } from '@/lib/sessions/session-search';
import { suggestUsers } from '@/lib/users/list-users';
import { describeEachDatabase } from '../support/databases';
import { bossAndLead, createTenant, ingest, profileIdOf } from '../support/fixtures';

const HOUR = 3_600_000;
const hoursAgo = (hours: number) => new Date(Date.now() - hours * HOUR).toISOString();
const PAGE = { direction: 'desc' as const, pageSize: 100, page: { after: null, before: null } };

describeEachDatabase('narrowing a profile’s statistics to one user', (database) => {
  let boss: TenantViewer;
  let lead: TenantViewer;
  let salesId: string;
  let opsId: string;
  const userId: Record<string, string> = {};

  beforeAll(async () => {
    const { db } = database();
    const tenantId = (await createTenant(db, 'narrow')).id;
    const people = [
      { email: 'ann.lee@narrow.test', name: 'Ann Lee', profileId: 'sales' },
      { email: 'bob.stone@narrow.test', name: 'Bob Stone', profileId: 'sales' },
      { email: 'annie.ops@narrow.test', name: 'Annie Ops', profileId: 'ops' },
    ];
    await ingest(db, tenantId, {
      profiles: [
        { id: 'sales', name: 'Sales' },
        { id: 'ops', name: 'Ops' },
      ],
      users: people,
      sessions: Array.from({ length: 30 }, (_, i) => ({ id: `s${i}`, userEmail: people[i % 3]!.email, startedAt: hoursAgo(i + 1), status: i % 4 ? ('success' as const) : ('error' as const) })),
    });
    salesId = await profileIdOf(db, tenantId, 'sales');
    opsId = await profileIdOf(db, tenantId, 'ops');
    for (const row of await db.select().from(users).where(sql`tenant_id = ${tenantId}::uuid`)) userId[row.name] = row.id;
    ({ boss, lead } = await bossAndLead(db, tenantId, salesId));
  });

  const period = () => defaultStatisticsRange('UTC');

  it('reads the user from the URL, refusing what is not an id', () => {
    const search = statisticsSearch(period());
    expect(parseSearch(search, { user: userId['Ann Lee']! })).toMatchObject({ ok: true, value: { user: userId['Ann Lee'] } });
    expect(parseSearch(search, { user: 'ann' })).toEqual({ ok: false, message: '"user" must be a user id.' });
  });

  it('lists and counts exactly the user’s sessions of the profile', async () => {
    const filter = { owner: { kind: 'profile' as const, id: salesId }, range: period(), user: userId['Ann Lee']! };
    const page = await listSessions(lead, filter, PAGE);
    expect(page.rows).toHaveLength(10);
    expect(new Set(page.rows.map((row) => row.userId))).toEqual(new Set([userId['Ann Lee']]));
    expect(await countSessions(lead, filter)).toEqual({ count: 10, capped: false });
    // With another filter too.
    expect((await listSessions(lead, { ...filter, status: 'error' }, PAGE)).rows.every((row) => row.status === 'error')).toBe(true);
  });

  it('shows nothing for a user of another profile, whoever asks', async () => {
    const elsewhere = { owner: { kind: 'profile' as const, id: salesId }, range: period(), user: userId['Annie Ops']! };
    expect((await listSessions(boss, elsewhere, PAGE)).rows).toEqual([]);
    expect((await listSessions(lead, { ...elsewhere, owner: { kind: 'profile', id: opsId } }, PAGE)).rows).toEqual([]);
  });

  it('suggests the profile’s users by name or email, in scope only', async () => {
    expect((await suggestUsers(lead, { profileId: salesId, q: 'ann' })).map((u) => u.name)).toEqual(['Ann Lee']);
    expect((await suggestUsers(lead, { profileId: salesId, q: 'STONE@' })).map((u) => u.name)).toEqual(['Bob Stone']);
    expect((await suggestUsers(lead, { profileId: salesId, q: null })).map((u) => u.name)).toEqual(['Ann Lee', 'Bob Stone']);
    expect(await suggestUsers(lead, { profileId: opsId, q: 'ann' })).toEqual([]);
    expect((await suggestUsers(boss, { profileId: opsId, q: 'ann' })).map((u) => u.name)).toEqual(['Annie Ops']);
    // Wildcards are text.
    expect(await suggestUsers(boss, { profileId: salesId, q: '%' })).toEqual([]);
  });
});
