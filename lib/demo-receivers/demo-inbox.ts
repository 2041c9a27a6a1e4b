import 'server-only';
// The demo's inbox: what its webhook receiver and SMTP sink received, per tenant, the newest
// 200 kept. Demo mode only (the receivers do not run otherwise, and the page answers 404).
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { getDatabase } from '@/db/client';
import { demoInbox } from '@/db/schema';
import type { TenantViewer } from '@/lib/auth/viewer';

const KEPT = 200;

export async function recordDemoMessage(db: Database, message: { tenantId: string; via: 'webhook' | 'email'; summary: string; detail: string; signatureValid: boolean | null }): Promise<void> {
  await db.insert(demoInbox).values({ ...message, summary: message.summary.slice(0, 1_000), detail: message.detail.slice(0, 20_000) });
  await db.execute(
    sql`delete from demo_inbox where tenant_id = ${message.tenantId}::uuid and id not in
          (select id from demo_inbox where tenant_id = ${message.tenantId}::uuid order by received_at desc, id desc limit ${KEPT})`,
  );
}

export async function listDemoInbox(viewer: TenantViewer) {
  const rows = await getDatabase()
    .db.select()
    .from(demoInbox)
    .where(and(eq(demoInbox.tenantId, viewer.tenantId)))
    .orderBy(desc(demoInbox.receivedAt), desc(demoInbox.id))
    .limit(50);
  return rows.map((row) => ({ id: row.id, receivedAt: row.receivedAt.toISOString(), via: row.via, summary: row.summary, detail: row.detail, signatureValid: row.signatureValid }));
}
