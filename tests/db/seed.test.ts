import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '@/db/client';
import { demoTenants } from '@/lib/demo/demo-tenants';
import { generateDemoBatches, planDemoTenant } from '@/lib/demo/generate-demo-batches';
import { countDemoRows, seedDemoData } from '@/lib/demo/seed-demo';
import type { BatchIssue, BatchSession } from '@/lib/ingest/batch-schema';
import { createTestDatabase, describeEachDatabase, testDrivers } from '../support/databases';

const END_AT = new Date('2026-11-26T12:00:00Z');
const SMALL = { seed: 7, acmeUsers: 40, days: 3, endAt: END_AT };

function fingerprint(seed: number): string {
  const hash = createHash('sha256');
  for (const tenant of demoTenants(40)) {
    for (const batch of generateDemoBatches(planDemoTenant(tenant, seed, END_AT, 3), seed)) hash.update(JSON.stringify(batch));
  }
  return hash.digest('hex');
}

describe('demo data generator', () => {
  it('gives the same data for the same seed and other data for another seed', () => {
    expect(fingerprint(7)).toBe(fingerprint(7));
    expect(fingerprint(8)).not.toBe(fingerprint(7));
  });

  it('shapes sessions by the adaptive sync interval and covers every status, code, type, operation and direction', () => {
    const [acme] = demoTenants(300);
    const sessions: BatchSession[] = [];
    const issues: BatchIssue[] = [];
    for (const batch of generateDemoBatches(planDemoTenant(acme!, 1, END_AT, 14), 1)) {
      sessions.push(...(batch.sessions ?? []));
      issues.push(...(batch.issues ?? []));
    }
    expect(sessions.length).toBeGreaterThan(30_000);
    expect(sessions.length).toBeLessThanOrEqual(60_000);
    expect(new Set(sessions.map((s) => s.status))).toEqual(new Set(['ready', 'started', 'success', 'skipped', 'canceled', 'error']));
    expect(new Set(sessions.map((s) => s.errorSource).filter(Boolean))).toEqual(new Set(['crm', 'mail_server', 'sync_application']));
    expect(new Set(sessions.map((s) => s.errorCategory).filter(Boolean))).toEqual(
      new Set(['Authorization', 'Throttling', 'Connectivity', 'Internal']),
    );
    expect(new Set(issues.map((i) => i.errorCode))).toEqual(new Set([0, 1, 2, 3, 5]));
    expect(new Set(issues.map((i) => i.type)).size).toBe(4);
    expect(new Set(issues.map((i) => i.operation)).size).toBe(3);
    expect(new Set(issues.map((i) => i.direction)).size).toBe(4);
    const logs = sessions.filter((s) => s.log).map((s) => s.log!.length);
    expect(logs.length / sessions.length).toBeGreaterThan(0.8);
    expect(logs.filter((size) => size > 1_000_000)).toHaveLength(3);
    expect(logs.filter((size) => size >= 1_024 && size <= 4_200).length).toBeGreaterThan(logs.length * 0.95);
    // Skipped sessions back off: consecutive Skipped sessions of one user are never closer than 30 minutes.
    const first = sessions.filter((s) => s.userEmail === sessions[0]!.userEmail);
    const gaps = first.slice(1).map((s, i) => s.startedAt.getTime() - first[i]!.startedAt.getTime());
    expect(Math.min(...gaps)).toBeGreaterThan(25 * 60_000);
    // ...and back off to hours when nothing changes (nights), while busy hours run every ~30 minutes.
    expect(gaps.filter((gap) => gap > 100 * 60_000).length).toBeGreaterThan(5);
    expect(gaps.filter((gap) => gap < 35 * 60_000).length).toBeGreaterThan(gaps.length / 4);
  });
});

describeEachDatabase('demo seed', (database) => {
  it('seeds once: a second run changes nothing', async () => {
    const { db } = database();
    expect(await seedDemoData(db, SMALL)).toEqual({ seeded: true });
    const first = await countDemoRows(db);
    expect(first.tenants).toBe(3);
    expect(first.sessions).toBeGreaterThan(1_000);
    expect(await seedDemoData(db, SMALL)).toEqual({ seeded: false });
    expect(await countDemoRows(db)).toEqual(first);
  });

  it("seeds settings: Executives forces two, users' own choices came through the engine, a forced one ignored", async () => {
    const { db } = database();
    const forced = await queryRows<{ name: string; key: string }>(
      db,
      sql`select p.name, s.key from profile_settings s join profiles p on p.tenant_id = s.tenant_id and p.id = s.profile_id where s.forced order by 2`,
    );
    expect(forced).toEqual([
      { name: 'Executives', key: 'emailAutoSave' },
      { name: 'Executives', key: 'saveAttachments' },
    ]);
    const own = await queryRows<{ profile: string; key: string; origin: string }>(
      db,
      sql`select p.name as profile, s.key, s.origin from user_settings s join users u on u.tenant_id = s.tenant_id and u.id = s.user_id
          join profiles p on p.tenant_id = u.tenant_id and p.id = u.profile_id`,
    );
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((o) => o.origin === 'engine')).toBe(true);
    expect(own.some((o) => o.profile === 'Executives' && o.key === 'emailAutoSave')).toBe(false);
  });

  it('seeds the demo accounts, the disabled profile and users in every sync state', async () => {
    const { db } = database();
    const accounts = await queryRows<{ email: string; role: string; slug: string | null }>(
      db,
      sql`select a.email, a.role, t.slug from admins a left join tenants t on t.id = a.tenant_id order by a.email`,
    );
    expect(accounts).toEqual([
      { email: 'admin@acme.test', role: 'platform_admin', slug: 'acme' },
      { email: 'admin@globex.test', role: 'platform_admin', slug: 'globex' },
      { email: 'admin@initech.test', role: 'platform_admin', slug: 'initech' },
      { email: 'sales-admin@acme.test', role: 'profile_admin', slug: 'acme' },
      { email: 'support@vendor.test', role: 'support', slug: null },
    ]);
    const scope = await queryRows<{ name: string }>(
      db,
      sql`select p.name from admin_profile_scopes s join profiles p on p.tenant_id = s.tenant_id and p.id = s.profile_id`,
    );
    expect(scope).toEqual([{ name: 'Sales' }]);
    const access = await queryRows<{ slug: string; panel_access_granted: boolean }>(
      db,
      sql`select slug, panel_access_granted from tenants order by slug`,
    );
    expect(access.map((t) => [t.slug, t.panel_access_granted])).toEqual([['acme', true], ['globex', true], ['initech', false]]);
    const [acme] = await queryRows<{ profiles: number; disabled: number; failing: number; recovered: number; off: number }>(
      db,
      sql`select (select count(*)::int from profiles p where p.tenant_id = t.id) as profiles,
                 (select count(*)::int from profiles p where p.tenant_id = t.id and not p.sync_enabled) as disabled,
                 (select count(*)::int from users u where u.tenant_id = t.id and u.sync_error_at is not null
                    and (u.sync_enabled_at is null or u.sync_enabled_at < u.sync_error_at)) as failing,
                 (select count(*)::int from users u where u.tenant_id = t.id and u.sync_enabled_at > u.sync_error_at) as recovered,
                 (select count(*)::int from users u where u.tenant_id = t.id and not u.sync_enabled) as off
          from tenants t where t.slug = 'acme'`,
    );
    expect(acme).toMatchObject({ profiles: 6, disabled: 1 });
    expect(acme!.failing).toBeGreaterThan(0);
    expect(acme!.recovered).toBeGreaterThan(0);
    expect(acme!.off).toBeGreaterThan(0);
  });
});

describe.each(testDrivers)('demo seed determinism [%s]', (driver) => {
  it('writes the same rows (but for generated ids) into two fresh databases', async () => {
    const contents: string[] = [];
    for (let run = 0; run < 2; run++) {
      const database = await createTestDatabase(driver);
      try {
        await seedDemoData(database.handle.db, { ...SMALL, acmeUsers: 12, days: 1 });
        const rows = await queryRows<{ line: string }>(
          database.handle.db,
          sql`select concat_ws('|', t.slug, u.email, s.engine_id, s.status, s.started_at, s.ended_at, s.scope, s.changes,
                     s.issues, s.error_category, s.error_source, s.message, l.size_bytes, l.crc32) as line
              from sync_sessions s join tenants t on t.id = s.tenant_id
              join users u on u.tenant_id = s.tenant_id and u.id = s.user_id
              left join sync_session_logs l on l.tenant_id = s.tenant_id and l.session_id = s.id
              order by t.slug, s.engine_id`,
        );
        contents.push(createHash('sha256').update(rows.map((r) => r.line).join('\n')).digest('hex'));
      } finally {
        await database.drop();
      }
    }
    expect(contents[1]).toBe(contents[0]);
  });
});
