// The window rules and the organisation's rule, each against data whose times are set relative to
// the evaluation's `now`: an alert opens when the condition starts to hold and closes when it
// stops, for exactly the subjects it should — Error sessions in a row since the last healthy one,
// no healthy session for hours while Enabled (new users wait), a profile's error share above X %
// once it has enough sessions, a burst of issues of a type and code, a silent engine. A burst of
// alerts becomes a digest after five notices within the hour.
import { and, eq, isNull, sql } from 'drizzle-orm';
import { beforeEach, expect, it } from 'vitest';
import { queryRows } from '@/db/client';
import { alertChannels, alertNotifications, alertRuleChannels, alertRules, alertStates, tenants } from '@/db/schema';
import type { AlertRuleKind } from '@/lib/alerts/alert-rule';
import { DIGEST_AFTER, evaluateTenantAlerts } from '@/lib/alerts/evaluate-alerts';
import type { TenantViewer } from '@/lib/auth/viewer';
import { failingStreak } from '@/lib/users/sync-story';
import { describeEachDatabase } from '../support/databases';
import { bossAndLead, createTenant, ingest, profileIdOf } from '../support/fixtures';

const HOUR = 3_600_000;
const NOW = new Date('2026-11-30T12:00:00Z');
const at = (hoursBefore: number) => new Date(NOW.getTime() - hoursBefore * HOUR).toISOString();

type Status = 'success' | 'skipped' | 'error' | 'canceled';
let sessionNo = 0;
const session = (email: string, hoursBefore: number, status: Status) => ({
  id: `s${++sessionNo}`,
  userEmail: email,
  startedAt: at(hoursBefore),
  endedAt: at(hoursBefore - 0.01),
  status,
});

describeEachDatabase('alert rule conditions', (database) => {
  let tenantId: string;
  let boss: TenantViewer;
  let salesId: string;

  async function rule(kind: AlertRuleKind, params: Record<string, unknown>, profileIds: string[] | null = null) {
    const [row] = await database()
      .db.insert(alertRules)
      .values({ tenantId, kind, name: kind, params, ownerAdminId: boss.adminId, profileIds, enabled: true })
      .returning();
    return row!;
  }

  const openSubjects = async (ruleId: string) =>
    (
      await database()
        .db.select({ subject: alertStates.subject, facts: alertStates.facts })
        .from(alertStates)
        .where(and(eq(alertStates.tenantId, tenantId), eq(alertStates.ruleId, ruleId), isNull(alertStates.closedAt)))
    ).sort((a, b) => a.subject.localeCompare(b.subject));

  const userSubject = async (email: string) => {
    const [row] = await queryRows<{ subject: string }>(database().db, sql`select 'user:' || id as subject from users where tenant_id = ${tenantId}::uuid and email = ${email}`);
    return row!.subject;
  };

  beforeEach(async () => {
    const { db } = database();
    tenantId = (await createTenant(db)).id;
    // Users and profiles that exist since long before the sessions below.
    await ingest(db, tenantId, {
      profiles: [
        { id: 'sales', name: 'Sales' },
        { id: 'ops', name: 'Ops' },
      ],
      users: ['ann', 'bob', 'cy', 'dee'].map((name) => ({ email: `${name}@t.test`, name, profileId: name === 'dee' ? 'ops' : 'sales' })),
    });
    await db.execute(`update users set created_at = '${at(24 * 30)}' where tenant_id = '${tenantId}'`);
    await db.execute(`update profiles set created_at = '${at(24 * 30)}' where tenant_id = '${tenantId}'`);
    salesId = await profileIdOf(db, tenantId, 'sales');
    ({ boss } = await bossAndLead(db, tenantId, salesId));
  });

  it('(b) opens for N Error sessions since the last Success or Skipped one, and closes after a healthy one', async () => {
    const { db } = database();
    const streak = await rule('user_error_streak', { sessions: 3 });
    await ingest(db, tenantId, {
      sessions: [
        // Ann: healthy, then three errors (a Canceled one between them does not end the streak).
        session('ann@t.test', 10, 'success'),
        session('ann@t.test', 8, 'error'),
        session('ann@t.test', 6, 'canceled'),
        session('ann@t.test', 4, 'error'),
        session('ann@t.test', 2, 'error'),
        // Bob: three errors, but a Skipped one (healthy: nothing to do) after two of them.
        session('bob@t.test', 9, 'error'),
        session('bob@t.test', 7, 'error'),
        session('bob@t.test', 5, 'skipped'),
        session('bob@t.test', 3, 'error'),
      ],
    });
    await evaluateTenantAlerts(db, tenantId, NOW);
    const open = await openSubjects(streak.id);
    expect(open.map((row) => row.subject)).toEqual([await userSubject('ann@t.test')]);
    expect(open[0]!.facts).toMatchObject({ user: { email: 'ann@t.test' }, profile: { name: 'Sales' }, figures: { errorSessions: 3 } });
    // The user page counts the same streak.
    expect((await failingStreak(tenantId, open[0]!.subject.slice('user:'.length), db)).consecutiveErrors).toBe(3);

    await ingest(db, tenantId, { sessions: [session('ann@t.test', 1, 'success')] });
    await evaluateTenantAlerts(db, tenantId, NOW);
    expect(await openSubjects(streak.id)).toEqual([]);
  });

  it('(b) opens for an Enabled user without a healthy session for H hours, but not for a user too new or switched off', async () => {
    const { db } = database();
    const quiet = await rule('user_no_healthy_session', { hours: 24 });
    await ingest(db, tenantId, {
      users: [{ email: 'new@t.test', name: 'New', profileId: 'sales' }],
      sessions: [
        session('ann@t.test', 30, 'success'), // the last healthy one: 30 h ago
        session('ann@t.test', 5, 'error'),
        session('bob@t.test', 20, 'skipped'), // healthy within 24 h
        session('dee@t.test', 2, 'success'),
      ],
    });
    // Cy never had a session and exists for a month: he is found too; New was added just now.
    await db.execute(`update users set created_at = '${at(1)}' where tenant_id = '${tenantId}' and email = 'new@t.test'`);
    await evaluateTenantAlerts(db, tenantId, NOW);
    expect((await openSubjects(quiet.id)).map((row) => row.subject)).toEqual([await userSubject('ann@t.test'), await userSubject('cy@t.test')].sort());
    const ann = await userSubject('ann@t.test');
    const annFacts = (await openSubjects(quiet.id)).find((row) => row.subject === ann);
    // The figures say what the sessions do instead: Ann's latest ended in Error 5 hours ago.
    expect(annFacts!.facts).toMatchObject({ figures: { hours: 24, latestSession: { status: 'error', startedAt: expect.stringMatching(/^2026-11-30T07:00:00/) } } });

    // An admin switches Cy off: no longer Enabled, the alert closes.
    await db.execute(`update users set sync_enabled = false, sync_enabled_changed_at = '${at(0.5)}' where tenant_id = '${tenantId}' and email = 'cy@t.test'`);
    await evaluateTenantAlerts(db, tenantId, NOW);
    expect((await openSubjects(quiet.id)).map((row) => row.subject)).toEqual([await userSubject('ann@t.test')]);
  });

  it('(c) opens for a profile whose Error share passes X % once it has enough sessions', async () => {
    const { db } = database();
    const share = await rule('profile_error_share', { hours: 24, percent: 30, minSessions: 5 });
    await ingest(db, tenantId, {
      sessions: [
        // Sales: 2 errors of 5 finished sessions in 24 h (40 %); the error 30 h ago is outside.
        session('ann@t.test', 1, 'error'),
        session('bob@t.test', 2, 'error'),
        session('cy@t.test', 3, 'success'),
        session('cy@t.test', 4, 'skipped'),
        session('ann@t.test', 5, 'success'),
        session('bob@t.test', 30, 'error'),
        // Ops: 2 errors of 2 (100 %) but fewer sessions than the minimum.
        session('dee@t.test', 1, 'error'),
        session('dee@t.test', 2, 'error'),
      ],
    });
    await evaluateTenantAlerts(db, tenantId, NOW);
    const open = await openSubjects(share.id);
    expect(open.map((row) => row.subject)).toEqual([`profile:${salesId}`]);
    expect(open[0]!.facts).toMatchObject({ profile: { name: 'Sales' }, figures: { sessions: 5, errorSessions: 2, errorPercent: 40 } });

    // Three more healthy sessions: 2 of 8 is 25 %, below the threshold: recovered.
    await ingest(db, tenantId, { sessions: [session('cy@t.test', 0.5, 'success'), session('cy@t.test', 0.4, 'success'), session('cy@t.test', 0.3, 'success')] });
    await evaluateTenantAlerts(db, tenantId, NOW);
    expect(await openSubjects(share.id)).toEqual([]);
  });

  it('(d) opens for more than N issues of a type and code within H hours', async () => {
    const { db } = database();
    const burst = await rule('issue_burst', { hours: 1, count: 2, issueType: 'contact', errorCode: 1 });
    const issue = (no: number, hoursBefore: number, type: 'contact' | 'task', errorCode: number, email = 'ann@t.test') => ({
      id: `i${no}`,
      userEmail: email,
      occurredAt: at(hoursBefore),
      type,
      direction: 'outlook_to_salesforce' as const,
      name: `Object ${no}`,
      operation: 'update' as const,
      errorCode,
    });
    await ingest(db, tenantId, {
      issues: [
        issue(1, 0.1, 'contact', 1),
        issue(2, 0.2, 'contact', 1, 'bob@t.test'),
        issue(3, 0.3, 'task', 1), // another type
        issue(4, 0.4, 'contact', 2), // another code
        issue(5, 2, 'contact', 1), // too old
        issue(6, 0.1, 'contact', 1, 'dee@t.test'), // Ops: one only
      ],
    });
    await evaluateTenantAlerts(db, tenantId, NOW);
    expect(await openSubjects(burst.id)).toEqual([]); // 2 is not more than 2
    await ingest(db, tenantId, { issues: [issue(7, 0.5, 'contact', 1, 'cy@t.test')] });
    await evaluateTenantAlerts(db, tenantId, NOW);
    const open = await openSubjects(burst.id);
    expect(open.map((row) => row.subject)).toEqual([`profile:${salesId}`]);
    expect(open[0]!.facts).toMatchObject({ figures: { issues: 3, hours: 1, issueType: 'contact', errorCode: 1 } });
  });

  it('(e) opens when no batch came for H hours, and closes with the next one', async () => {
    const { db } = database();
    const silent = await rule('engine_silent', { hours: 2 });
    await db.update(tenants).set({ lastBatchAt: new Date(NOW.getTime() - 3 * HOUR) }).where(eq(tenants.id, tenantId));
    // After a batch only the event rules run: an hours-long window is the scheduled step's.
    await evaluateTenantAlerts(db, tenantId, NOW, 'events');
    expect(await openSubjects(silent.id)).toEqual([]);
    await evaluateTenantAlerts(db, tenantId, NOW);
    expect((await openSubjects(silent.id)).map((row) => row.subject)).toEqual(['tenant']);
    await db.update(tenants).set({ lastBatchAt: new Date(NOW.getTime() - 0.5 * HOUR) }).where(eq(tenants.id, tenantId));
    await evaluateTenantAlerts(db, tenantId, NOW);
    expect(await openSubjects(silent.id)).toEqual([]);
  });

  it(`folds a burst into a digest after ${DIGEST_AFTER} notices of a rule within the hour`, async () => {
    const { db } = database();
    const errors = await rule('user_error', {});
    const [channel] = await db.insert(alertChannels).values({ tenantId, kind: 'webhook', name: 'Hook', target: 'https://hooks.example.com/x', secret: 'k', createdByLabel: 'boss' }).returning();
    await db.insert(alertRuleChannels).values({ tenantId, ruleId: errors.id, channelId: channel!.id });
    const many = Array.from({ length: 8 }, (_, i) => ({ email: `u${i}@t.test`, name: `U${i}`, profileId: 'sales', syncError: { reason: 'Token expired', at: at(1) } }));
    await ingest(db, tenantId, { users: many });
    await evaluateTenantAlerts(db, tenantId, NOW);
    const queued = await db.select().from(alertNotifications).where(and(eq(alertNotifications.tenantId, tenantId), eq(alertNotifications.ruleId, errors.id)));
    const kinds = queued.map((row) => row.kind).sort();
    // Four one by one, the fifth message counts the other four.
    expect(kinds).toEqual(['alert', 'alert', 'alert', 'alert', 'digest']);
    const digest = queued.find((row) => row.kind === 'digest')!.payload as { figures: { alerts: number }; text: string; events: unknown[] };
    expect(digest.figures.alerts).toBe(4);
    expect(digest.events).toHaveLength(4);
    expect(digest.text).toMatch(/^Digest — user_error: 4 new alerts/);

    // Two more within the hour: the channel heard five messages already, so they come as one digest.
    await ingest(db, tenantId, { users: [8, 9].map((i) => ({ email: `u${i}@t.test`, name: `U${i}`, profileId: 'sales', syncError: { reason: 'Token expired', at: at(1) } })) });
    await evaluateTenantAlerts(db, tenantId, new Date(NOW.getTime() + 60_000));
    const after = await db.select().from(alertNotifications).where(and(eq(alertNotifications.tenantId, tenantId), eq(alertNotifications.ruleId, errors.id)));
    expect(after.map((row) => row.kind).sort()).toEqual(['alert', 'alert', 'alert', 'alert', 'digest', 'digest']);
  });
});
