// Every download is audited before its first byte — who exported what, when, with which query —
// and shows in the tenant's audit log; a refused download records nothing.
import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, it, vi } from 'vitest';
import { GET as profileIssuesCsv } from '@/app/api/profiles/[id]/sync-issues.csv/route';
import { GET as userCsv } from '@/app/api/users/[id]/statistics.csv/route';
import { admins, auditEvents, profiles, syncSessions, users } from '@/db/schema';
import { listAuditEvents } from '@/lib/audit/list-audit-events';
import { loadViewer, type TenantViewer } from '@/lib/auth/viewer';
import { actAs } from '../support/as-viewer';
import { describeEachDatabase } from '../support/databases';
import { createTenant, ingest } from '../support/fixtures';

vi.mock('@/lib/auth/viewer', async (importOriginal) => (await import('../support/as-viewer')).viewerModuleMock(importOriginal));

const call = (handler: (r: Request, c: { params: Promise<{ id: string }> }) => Promise<Response>, url: string, id: string) =>
  handler(new Request(`http://panel.test${url}`), { params: Promise.resolve({ id }) });

describeEachDatabase('download audit', (database) => {
  let viewer: TenantViewer;
  let tenantId: string;
  let userId: string;
  let profileId: string;
  let sessionIds: string[];

  beforeAll(async () => {
    const { db } = database();
    tenantId = (await createTenant(db, 'audited')).id;
    await ingest(db, tenantId, {
      profiles: [{ id: 'p', name: 'Sales' }],
      users: [{ email: 'jane@x.test', name: 'Jane Roe', profileId: 'p' }],
      sessions: [0, 1, 2].map((i) => ({ id: `s${i}`, userEmail: 'jane@x.test', startedAt: `2026-11-2${i}T10:00:00Z`, status: 'success' as const })),
    });
    profileId = (await db.select().from(profiles).where(eq(profiles.tenantId, tenantId)))[0]!.id;
    userId = (await db.select().from(users).where(eq(users.tenantId, tenantId)))[0]!.id;
    sessionIds = (await db.select().from(syncSessions).where(eq(syncSessions.tenantId, tenantId))).map((s) => s.id);
    const [boss] = await db.insert(admins).values({ tenantId, email: 'boss@audited.test', name: 'Boss', role: 'platform_admin' }).returning();
    viewer = (await loadViewer(db, boss!.id)) as TenantViewer;
    actAs(viewer);
  });

  const downloads = () => database().db.select().from(auditEvents).where(and(eq(auditEvents.tenantId, tenantId), eq(auditEvents.action, 'export.download')));

  it('records who downloaded what, with the period and filters, a selection by its size', async () => {
    const period = await call(userCsv, `/api/users/${userId}/statistics.csv?from=2026-11-20&to=2026-11-23&status=success`, userId);
    expect(period.status).toBe(200);
    await period.arrayBuffer();
    const selection = await call(userCsv, `/api/users/${userId}/statistics.csv?ids=${sessionIds.slice(0, 2).join(',')}`, userId);
    await selection.arrayBuffer();
    const issues = await call(profileIssuesCsv, `/api/profiles/${profileId}/sync-issues.csv`, profileId);
    await issues.arrayBuffer();

    const events = (await downloads()).sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
    expect(events.map((e) => ({ actor: e.actorLabel, target: `${e.targetType} ${e.targetLabel}`, after: e.after }))).toEqual([
      {
        actor: 'boss@audited.test',
        target: 'user Jane Roe',
        after: { file: 'sessions Jane Roe 2026-11-20_2026-11-23 status-success.csv', query: 'from=2026-11-20&to=2026-11-23&status=success' },
      },
      { actor: 'boss@audited.test', target: 'user Jane Roe', after: { file: 'sessions Jane Roe selected-2.csv', query: 'ids=2 selected' } },
      { actor: 'boss@audited.test', target: 'profile Sales', after: { file: expect.stringMatching(/^sync issues Sales/), query: 'all' } },
    ]);
    // The tenant's audit log lists them under their own action.
    const page = await listAuditEvents({ viewer, range: { from: null, to: null }, action: 'export.download', cursor: null, pageSize: 25 });
    expect(page.rows.map((e) => e.actionLabel)).toEqual(['Data downloaded', 'Data downloaded', 'Data downloaded']);
  });

  it('records nothing for a refused download', async () => {
    const before = (await downloads()).length;
    expect((await call(userCsv, `/api/users/${userId}/statistics.csv?from=0000-01-01`, userId)).status).toBe(400);
    expect((await call(userCsv, `/api/users/00000000-0000-4000-8000-000000000000/statistics.csv`, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await downloads()).length).toBe(before);
  });
});
