// The demo data of one tenant as sync-engine batches: the seed writes them through the same
// code path as the ingestion API.
import type { IngestBatch } from '@/lib/ingest/batch-schema';
import { buildDemoLog } from './demo-log';
import { generateUserActivity } from './demo-sessions';
import type { DemoTenant } from './demo-tenants';
import { planDemoUsers, type DemoUser } from './demo-users';
import { createRandom, hashSeed } from './random';

const DAY = 86_400_000;
const USERS_PER_BATCH = 8;
const LOG_SHARE = 0.92;
const BIG_LOG_BYTES = 1_100_000;

export interface DemoPlan {
  tenant: DemoTenant;
  users: DemoUser[];
  startAt: Date;
  endAt: Date;
  // When the admins switched each disabled profile off.
  profileDisabledAt: Map<string, Date>;
}

export function planDemoTenant(tenant: DemoTenant, seed: number, endAt: Date, days: number): DemoPlan {
  const startAt = new Date(endAt.getTime() - days * DAY);
  const random = createRandom(hashSeed(seed, tenant.slug, 'users'));
  const profileDisabledAt = new Map(
    tenant.profiles.filter((p) => !p.enabled).map((p) => [p.engineId, new Date(endAt.getTime() - Math.min(6, days / 2) * DAY)]),
  );
  return { tenant, users: planDemoUsers(tenant, random, startAt, endAt), startAt, endAt, profileDisabledAt };
}

export function* generateDemoBatches(plan: DemoPlan, seed: number): Generator<IngestBatch> {
  const { tenant, users, startAt, endAt } = plan;
  yield {
    profiles: tenant.profiles.map((p) => ({ id: p.engineId, name: p.name, removed: false })),
    users: users.map((u) => ({
      email: u.email,
      removed: false,
      name: u.name,
      profileId: u.profile.engineId,
      syncError:
        u.persona.kind === 'failing'
          ? { reason: u.persona.reason, at: u.persona.at }
          : u.persona.kind === 'recovered'
            ? { reason: u.persona.reason, at: u.persona.errorAt }
            : null,
    })),
  };
  // A few sessions of the first user carry logs over a megabyte, as real verbose traces do.
  const bigLogSessions = tenant.users >= 100 ? 3 : 0;
  for (let first = 0; first < users.length; first += USERS_PER_BATCH) {
    const batch: Required<Pick<IngestBatch, 'sessions' | 'issues'>> = { sessions: [], issues: [] };
    for (const user of users.slice(first, first + USERS_PER_BATCH)) {
      const random = createRandom(hashSeed(seed, tenant.slug, user.index));
      const activity = generateUserActivity(user, tenant.slug, random, startAt, endAt, plan.profileDisabledAt.get(user.profile.engineId) ?? null);
      const finals = activity.sessions.filter((s) => s.endedAt);
      const big = new Set(user.index === 0 && bigLogSessions > 0 ? finals.slice(-bigLogSessions).map((s) => s.id) : []);
      for (const session of activity.sessions) {
        if (session.endedAt && (big.has(session.id) || random.chance(LOG_SHARE))) {
          const bytes = big.has(session.id) ? BIG_LOG_BYTES + random.int(0, 400_000) : random.int(1_024, 4_096);
          session.log = buildDemoLog(session, user.profile.mailbox, random, bytes);
        }
      }
      batch.sessions.push(...activity.sessions);
      batch.issues.push(...activity.issues);
    }
    yield batch;
  }
}
