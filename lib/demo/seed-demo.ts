import 'server-only';
// Seeds the demo tenants, accounts and activity. Idempotent: a completed seed
// leaves a marker and is not repeated; an interrupted one is resumed, since every write is an
// upsert keyed by engine ids and emails.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { adminProfileScopes, admins, instanceMetadata, profiles, tenants, users } from '@/db/schema';
import { writeBatch } from '@/lib/ingest/write-batch';
import { seedDemoSettings } from './demo-settings';
import { DEMO_ACCOUNTS, demoTenants } from './demo-tenants';
import { generateDemoBatches, planDemoTenant, type DemoPlan } from './generate-demo-batches';
import { seedDemoAlerts } from './seed-demo-alerts';

export const DEMO_SEED_MARKER = 'demo_seed';

export interface SeedOptions {
  seed: number;
  acmeUsers: number;
  days: number;
  endAt: Date;
  /** Where the panel runs: the demo's webhook channel points into it. */
  panelUrl?: string;
  log?: (message: string) => void;
}

export const DEFAULT_SEED_OPTIONS = { seed: 20261126, acmeUsers: 300, days: 14 } as const;

export async function isDemoSeeded(db: Database): Promise<boolean> {
  const rows = await db.select().from(instanceMetadata).where(eq(instanceMetadata.key, DEMO_SEED_MARKER));
  return rows.length > 0;
}

export async function seedDemoData(db: Database, options: SeedOptions): Promise<{ seeded: boolean }> {
  if (await isDemoSeeded(db)) return { seeded: false };
  const log = options.log ?? (() => {});
  for (const tenant of demoTenants(options.acmeUsers)) {
    const [row] = await db
      .insert(tenants)
      .values({ slug: tenant.slug, name: tenant.name, panelAccessGranted: tenant.panelAccessGranted, panelAccessChangedAt: options.endAt })
      .onConflictDoUpdate({ target: tenants.slug, set: { name: tenant.name } })
      .returning({ id: tenants.id });
    const tenantId = row!.id;
    const plan = planDemoTenant(tenant, options.seed, options.endAt, options.days);
    let sessions = 0;
    for (const batch of generateDemoBatches(plan, options.seed)) {
      const counts = await writeBatch(db, tenantId, batch);
      sessions += counts.sessions;
    }
    await applyAdminSwitches(db, tenantId, plan);
    await seedDemoSettings(db, tenantId, plan);
    log(`seeded ${tenant.name}: ${plan.users.length} users, ${sessions} sessions`);
  }
  await seedDemoAccounts(db);
  await seedDemoAlerts(db, options.panelUrl ?? 'http://localhost:3000');
  await db
    .insert(instanceMetadata)
    .values({ key: DEMO_SEED_MARKER, value: { seed: options.seed, acmeUsers: options.acmeUsers, days: options.days, endAt: options.endAt.toISOString() } })
    .onConflictDoNothing();
  return { seeded: true };
}

// The admins' side of the demo: a disabled profile, users switched off, users enabled again
// after an error.
async function applyAdminSwitches(db: Database, tenantId: string, plan: DemoPlan) {
  for (const [engineId, at] of plan.profileDisabledAt) {
    await db
      .update(profiles)
      .set({ syncEnabled: false, syncEnabledChangedAt: at })
      .where(and(eq(profiles.tenantId, tenantId), eq(profiles.engineId, engineId)));
  }
  for (const user of plan.users) {
    const persona = user.persona;
    if (persona.kind === 'disabled-by-admin') {
      await db
        .update(users)
        .set({ syncEnabled: false, syncEnabledChangedAt: persona.at })
        .where(and(eq(users.tenantId, tenantId), eq(users.email, user.email)));
    } else if (persona.kind === 'recovered') {
      await db
        .update(users)
        .set({ syncEnabled: true, syncEnabledAt: persona.enabledAt, syncEnabledChangedAt: persona.enabledAt })
        .where(and(eq(users.tenantId, tenantId), eq(users.email, user.email)));
    }
  }
}

async function seedDemoAccounts(db: Database) {
  const tenantRows = await db.select({ id: tenants.id, slug: tenants.slug }).from(tenants);
  const tenantIds = new Map(tenantRows.map((t) => [t.slug, t.id]));
  for (const account of DEMO_ACCOUNTS) {
    const tenantId = account.tenantSlug ? tenantIds.get(account.tenantSlug)! : null;
    const [admin] = await db
      .insert(admins)
      .values({ tenantId, email: account.email, name: account.name, role: account.role })
      .onConflictDoUpdate({ target: [admins.tenantId, admins.email], set: { name: account.name, role: account.role } })
      .returning({ id: admins.id });
    if (tenantId && account.profileNames) {
      const scoped = await db
        .select({ id: profiles.id })
        .from(profiles)
        .where(and(eq(profiles.tenantId, tenantId), inArray(profiles.name, account.profileNames)));
      if (scoped.length > 0) {
        await db
          .insert(adminProfileScopes)
          .values(scoped.map((p) => ({ tenantId, adminId: admin!.id, profileId: p.id })))
          .onConflictDoNothing();
      }
    }
  }
}

export async function countDemoRows(db: Database) {
  const [counts] = await queryRows<{ tenants: number; users: number; sessions: number; issues: number; logs: number }>(db, sql`
    select (select count(*)::int from tenants) as tenants, (select count(*)::int from users) as users,
           (select count(*)::int from sync_sessions) as sessions, (select count(*)::int from sync_issues) as issues,
           (select count(*)::int from sync_session_logs) as logs`);
  return counts!;
}
