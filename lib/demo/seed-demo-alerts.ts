import 'server-only';
// The demo's alerts: every demo organisation gets the suggested rules (off), and each with panel
// access a demo rule that is on — users disabled due to an error — telling the demo's own
// receivers: a webhook into the panel's demo receiver and an email to the demo mailbox (the SMTP
// sink npm start runs). What they receive is on /alerts/demo-inbox. The webhook's address follows
// the panel's: refreshed at every start.
import { randomBytes } from 'node:crypto';
import { and, eq, like, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { admins, alertChannels, alertRuleChannels, alertRules, tenants } from '@/db/schema';
import { addSuggestedRules } from '@/lib/alerts/suggested-rules';
import { DEMO_MAILBOX, DEMO_WEBHOOK_PATH } from '@/lib/demo-receivers/demo-receiver-paths';

export const DEMO_RULE_NAME = 'Users disabled due to an error (demo)';

export async function seedDemoAlerts(db: Database, panelUrl: string): Promise<void> {
  const rows = await db.select({ id: tenants.id, access: tenants.panelAccessGranted }).from(tenants);
  for (const tenant of rows) {
    await addSuggestedRules(db, tenant.id);
    if (!tenant.access) continue;
    const [owner] = await db.select({ id: admins.id }).from(admins).where(and(eq(admins.tenantId, tenant.id), eq(admins.role, 'platform_admin'))).limit(1);
    if (!owner) continue;
    const channels = await db
      .insert(alertChannels)
      .values([
        { tenantId: tenant.id, kind: 'webhook', name: 'Demo webhook receiver', target: `${panelUrl}${DEMO_WEBHOOK_PATH}`, secret: randomBytes(32).toString('base64url'), createdByLabel: 'demo' },
        { tenantId: tenant.id, kind: 'email', name: 'Demo mailbox', target: DEMO_MAILBOX, secret: null, createdByLabel: 'demo' },
      ])
      .returning({ id: alertChannels.id });
    const [rule] = await db
      .insert(alertRules)
      .values({ tenantId: tenant.id, kind: 'user_error', name: DEMO_RULE_NAME, params: {}, ownerAdminId: owner.id, profileIds: null, enabled: true })
      .returning({ id: alertRules.id });
    await db.insert(alertRuleChannels).values(channels.map((channel) => ({ tenantId: tenant.id, ruleId: rule!.id, channelId: channel.id })));
  }
}

/** The demo webhooks point at the panel as it runs now (its port may differ from the seed's). */
export async function refreshDemoReceivers(db: Database, panelUrl: string): Promise<void> {
  await db
    .update(alertChannels)
    .set({ target: sql`${panelUrl} || ${DEMO_WEBHOOK_PATH}` })
    .where(and(eq(alertChannels.kind, 'webhook'), like(alertChannels.target, `%${DEMO_WEBHOOK_PATH}`)));
}
