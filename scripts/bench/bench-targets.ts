// The pages `npm run bench` measures on a scale database, and the ids and cursors they need,
// read straight from the database.
import { Client } from 'pg';
import { encodeCursor } from '@/lib/paging/cursor';

const DAY = 86_400_000;

export interface Targets {
  tenantId: string;
  bigProfileId: string;
  userId: string;
  issueUserId: string;
  bigLogsUserId: string;
  /** A user of the big profile: its statistics narrowed to them (`user=`). */
  profileUserId: string;
  usersCursor: string;
  profileCursor: string;
  profileDepth: number;
  window: { from: string; to: string };
  exportRange: { from: string; to: string };
}

/** Ids and cursors of the pages to measure, read straight from the database. */
export async function findTargets(url: string): Promise<Targets> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const one = async <Row>(text: string, values: unknown[] = []) => (await client.query(text, values)).rows[0] as Row;
    const { id: tenantId } = await one<{ id: string }>(`select id from tenants where slug = 'scale'`);
    const { id: bigProfileId } = await one<{ id: string }>(`select id from profiles where tenant_id = $1 and engine_id = 'p0'`, [tenantId]);
    const { id: userId } = await one<{ id: string }>(`select id from users where tenant_id = $1 and email = 'user9001@scale.test'`, [tenantId]);
    const { user_id: issueUserId } = await one<{ user_id: string }>(
      `select user_id from sync_issues where tenant_id = $1 and engine_id = 'i1'`,
      [tenantId],
    );
    const { id: bigLogsUserId } = await one<{ id: string }>(`select id from users where tenant_id = $1 and email = 'big.logs@scale.test'`, [tenantId]);
    const { id: profileUserId } = await one<{ id: string }>(`select id from users where tenant_id = $1 and profile_id = $2 order by email limit 1`, [tenantId, bigProfileId]);
    const user = await one<{ name: string; id: string }>(`select name, id from users where tenant_id = $1 order by name, id offset 24999 limit 1`, [tenantId]);
    const now = Date.now();
    const window = { from: new Date(now - 3 * DAY).toISOString(), to: new Date(now).toISOString() };
    const { n } = await one<{ n: number }>(
      `select count(*)::int as n from (select 1 from sync_sessions where tenant_id = $1 and profile_id = $2 and started_at >= $3 and started_at < $4 limit 25100) x`,
      [tenantId, bigProfileId, window.from, window.to],
    );
    // 25,000 rows deep where the period has them (the small scale has fewer: its last page).
    const profileDepth = Math.max(0, Math.min(25_000, n - 100));
    const session = await one<{ started_at: Date; id: string }>(
      `select started_at, id from sync_sessions where tenant_id = $1 and profile_id = $2 and started_at >= $3 and started_at < $4
       order by started_at desc, id desc offset $5 limit 1`,
      [tenantId, bigProfileId, window.from, window.to, Math.max(0, profileDepth - 1)],
    );
    return {
      tenantId,
      bigProfileId,
      userId,
      issueUserId,
      bigLogsUserId,
      profileUserId,
      usersCursor: encodeCursor({ k: user.name, id: user.id }),
      profileCursor: encodeCursor({ s: 'all', k: new Date(session.started_at).toISOString(), id: session.id }),
      profileDepth,
      window,
      exportRange: { from: new Date(now - 91 * DAY).toISOString().slice(0, 10), to: new Date(now + DAY).toISOString().slice(0, 10) },
    };
  } finally {
    await client.end();
  }
}

export function pages(t: Targets): [string, string][] {
  const w = `from=${encodeURIComponent(t.window.from)}&to=${encodeURIComponent(t.window.to)}`;
  return [
    ['/users (first page)', '/users'],
    ['/users 25,000 rows deep (cursor)', `/users?pageSize=100&after=${t.usersCursor}`],
    ['/users?status=error', '/users?status=error'],
    ['/users?q= (search)', '/users?q=user9001'],
    ['/users/{id}/statistics (3 days)', `/users/${t.userId}/statistics`],
    ['/users/{id}/statistics (30 days)', `/users/${t.userId}/statistics?from=${new Date(Date.now() - 30 * DAY).toISOString().slice(0, 10)}`],
    ['/profiles/{id}/statistics (first page)', `/profiles/${t.bigProfileId}/statistics?${w}`],
    [`/profiles/{id}/statistics (${t.profileDepth.toLocaleString('en-US')} rows deep)`, `/profiles/${t.bigProfileId}/statistics?${w}&after=${t.profileCursor}`],
    ['/profiles/{id}/statistics?sort=-status', `/profiles/${t.bigProfileId}/statistics?${w}&sort=-status`],
    ['/profiles/{id}/statistics?user= (one user, 30 days)', `/profiles/${t.bigProfileId}/statistics?from=${new Date(Date.now() - 30 * DAY).toISOString().slice(0, 10)}&user=${t.profileUserId}`],
    ['/users/{id}/sync-issues', `/users/${t.issueUserId}/sync-issues`],
    ['/ (overview, 7 days)', '/'],
    ['/?days=90 (overview)', '/?days=90'],
  ];
}
