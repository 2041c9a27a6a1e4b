import { beforeAll, expect, it, vi } from 'vitest';
import { GET as profileIssuesCsv } from '@/app/api/profiles/[id]/sync-issues.csv/route';
import { GET as userIssuesCsv } from '@/app/api/users/[id]/sync-issues.csv/route';
import { admins, profiles, users } from '@/db/schema';
import { loadViewer, type TenantViewer } from '@/lib/auth/viewer';
import { errorCodeLabel, errorCodeMeaning } from '@/lib/issues/issue-labels';
import { countIssues, listIssues } from '@/lib/issues/list-issues';
import type { IngestBatchInput } from '@/lib/ingest/batch-schema';
import { actAs } from '../support/as-viewer';
import { describeEachDatabase } from '../support/databases';
import { createTenant, ingest } from '../support/fixtures';

vi.mock('@/lib/auth/viewer', async (importOriginal) => (await import('../support/as-viewer')).viewerModuleMock(importOriginal));

const call = (handler: (r: Request, c: { params: Promise<{ id: string }> }) => Promise<Response>, url: string, id: string) =>
  handler(new Request(`http://panel.test${url}`), { params: Promise.resolve({ id }) });

const issue = (n: number, over: Record<string, unknown> = {}) => ({
  id: `i${n}`,
  userEmail: 'jane@acme.test',
  occurredAt: `2026-11-2${n}T10:00:00Z`,
  type: 'contact',
  direction: 'outlook_to_salesforce',
  name: 'John Smith',
  operation: 'update',
  errorCode: 1,
  description: 'UNABLE_TO_LOCK_ROW',
  errorSource: 'crm',
  targetObjectId: '003XX0000001',
  ...over,
}) as IngestBatchInput['issues'] extends (infer T)[] | undefined ? T : never;


describeEachDatabase('sync issues', (database) => {
  let viewer: TenantViewer;
  let janeId: string;
  let profileId: string;

  beforeAll(async () => {
    const { db } = database();
    const tenant = await createTenant(db, 'acme-x');
    await ingest(db, tenant.id, {
      profiles: [{ id: 'p', name: 'Sales' }],
      users: [{ email: 'jane@acme.test', name: 'Jane Roe', profileId: 'p' }],
      issues: [
        issue(1),
        issue(2, { errorCode: 7, type: 'event', operation: 'create', direction: 'salesforce_to_gmail', name: '=cmd|calc', errorSource: 'sync_application' }),
        issue(3, { errorCode: 0, type: 'email', operation: 'delete', description: null, errorSource: null, targetObjectId: null }),
      ],
    });
    janeId = (await db.select().from(users))[0]!.id;
    profileId = (await db.select().from(profiles))[0]!.id;
    const [boss] = await db.insert(admins).values({ tenantId: tenant.id, email: 'boss@acme.test', name: 'Boss', role: 'platform_admin' }).returning();
    viewer = (await loadViewer(db, boss!.id)) as TenantViewer;
    actAs(viewer);
  });

  it('gives every code its meaning, and an unknown code as unknown with its number', () => {
    expect([0, 1, 2, 3].map(errorCodeLabel)).toEqual(['0', '1', '2', '3']);
    expect(errorCodeMeaning(2)).toBe('The object has already been removed from storage');
    expect(errorCodeLabel(7)).toBe('Unknown (7)');
    expect(errorCodeMeaning(7)).toBe('Unknown error code');
  });

  it('lists the user\'s issues newest first, filtered by type, operation, code and period', async () => {
    const { db } = database();
    const all = await listIssues(viewer, { owner: { kind: 'user', id: janeId }, range: { from: null, to: null } }, { direction: 'desc', pageSize: 25, page: { after: null, before: null } });
    expect(all.rows.map((r) => r.errorCode)).toEqual([0, 7, 1]);
    const filtered = async (over: object) =>
      (await listIssues(viewer, { owner: { kind: 'user', id: janeId }, range: { from: null, to: null }, ...over }, { direction: 'desc', pageSize: 25, page: { after: null, before: null } })).rows.map((r) => r.errorCode);
    expect(await filtered({ code: 7 })).toEqual([7]);
    expect(await filtered({ type: 'email' })).toEqual([0]);
    expect(await filtered({ operation: 'update' })).toEqual([1]);
    expect(await filtered({ range: { from: new Date('2026-11-22T00:00:00Z'), to: new Date('2026-11-23T00:00:00Z') } })).toEqual([7]);
    expect(await countIssues(viewer, { owner: { kind: 'profile', id: profileId }, range: { from: null, to: null } })).toEqual({ count: 3, capped: false });
    expect(db).toBeDefined();
  });

  it('exports the user\'s issues as filtered, with the exact header and values', async () => {
    const response = await call(userIssuesCsv, `/api/users/${janeId}/sync-issues.csv?code=7`, janeId);
    expect(response.status).toBe(200);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
    const [bom, ...rest] = text;
    expect(bom).toBe('\uFEFF');
    const lines = rest.join('').split('\r\n');
    expect(lines[0]).toBe('ID,User name,Profile name,Date,Type,Connectivity,Name,Operation name,Error Code,Description,Error source,Target object ID');
    expect(lines[1]!.slice(36)).toBe(",Jane Roe,Sales,2026-11-22T10:00:00Z,Events,Salesforce -> Gmail,'=cmd|calc,Create,Unknown (7),UNABLE_TO_LOCK_ROW,Sync application,003XX0000001");
    expect(lines).toHaveLength(3);
    expect((await call(userIssuesCsv, `/api/users/${janeId}/sync-issues.csv?code=x`, janeId)).status).toBe(400);
  });

  it('exports all of the profile\'s issues', async () => {
    const response = await call(profileIssuesCsv, `/api/profiles/${profileId}/sync-issues.csv`, profileId);
    expect(response.headers.get('content-disposition')).toContain('filename="sync issues Sales all.csv"');
    const lines = (await response.text()).split('\r\n');
    expect(lines).toHaveLength(1 + 3 + 1);
    expect(lines.some((l) => l.includes(',Emails,MS Outlook -> Salesforce,John Smith,Delete,0,,,'))).toBe(true);
    // A filtered export names its filters, not "all".
    const filtered = await call(profileIssuesCsv, `/api/profiles/${profileId}/sync-issues.csv?type=event&code=7`, profileId);
    expect(filtered.headers.get('content-disposition')).toContain('filename="sync issues Sales type-event code-7.csv"');
    await filtered.arrayBuffer();
  });
});

