// The users CSV (/api/users.csv, /api/profiles/{id}/users.csv): the list as filtered and
// ordered, under the CSV rules of every download, in the viewer's scope, audited.
import { sql } from 'drizzle-orm';
import { beforeAll, expect, it, vi } from 'vitest';
import { GET as profileUsersCsv } from '@/app/api/profiles/[id]/users.csv/route';
import { GET as usersCsv } from '@/app/api/users.csv/route';
import { queryRows } from '@/db/client';
import type { TenantViewer } from '@/lib/auth/viewer';
import { actAs } from '../support/as-viewer';
import { describeEachDatabase } from '../support/databases';
import { bossAndLead, createTenant, ingest, profileIdOf } from '../support/fixtures';

vi.mock('@/lib/auth/viewer', async (importOriginal) => (await import('../support/as-viewer')).viewerModuleMock(importOriginal));

const HEADER = 'User ID,Name,Email,Profile ID,Profile,Synchronization status,Effective synchronization status,Error reason,Issues (3 days),Last session start,Last session status';

const get = (url: string) => usersCsv(new Request(`http://panel.test${url}`), { params: Promise.resolve({ id: '' }) });
const getProfile = (id: string, query = '') => profileUsersCsv(new Request(`http://panel.test/api/profiles/${id}/users.csv${query}`), { params: Promise.resolve({ id }) });

async function csvOf(response: Response): Promise<{ bom: boolean; lines: string[] }> {
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
  return { bom: text.startsWith('\uFEFF'), lines: text.replace(/^\uFEFF/, '').split('\r\n').filter(Boolean) };
}

describeEachDatabase('the users CSV', (database) => {
  let boss: TenantViewer;
  let lead: TenantViewer;
  let salesId: string;
  let opsId: string;
  let tenantId: string;

  beforeAll(async () => {
    const { db } = database();
    tenantId = (await createTenant(db, 'users-csv')).id;
    await ingest(db, tenantId, {
      profiles: [
        { id: 'sales', name: 'Sales' },
        { id: 'ops', name: 'Ops' },
      ],
      users: [
        { email: 'ann@csv.test', name: 'Ann', profileId: 'sales' },
        { email: 'bob@csv.test', name: '=HYPERLINK("http://evil")', profileId: 'sales', syncError: { reason: 'Mailbox rejected, "twice"\nthen gave up', at: '2026-11-26T10:00:00Z' } },
        { email: 'cy@csv.test', name: 'Cy', profileId: 'ops' },
      ],
      sessions: [{ id: 's1', userEmail: 'ann@csv.test', startedAt: '2026-11-25T08:00:00Z', endedAt: '2026-11-25T08:01:00Z', status: 'success' }],
    });
    salesId = await profileIdOf(db, tenantId, 'sales');
    opsId = await profileIdOf(db, tenantId, 'ops');
    ({ boss, lead } = await bossAndLead(db, tenantId, salesId));
  });

  it('lists every user in scope with BOM, CRLF, quoted line breaks and neutralized formulas', async () => {
    actAs(boss);
    const response = await get('/api/users.csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toContain('users all.csv');
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
    expect(text.startsWith(`\uFEFF${HEADER}\r\n`)).toBe(true);
    // By name: "'=HYPERLINK…" (neutralized) sorts by the stored name, which starts with "=".
    const { lines } = await csvOf(await get('/api/users.csv'));
    expect(lines).toHaveLength(4);
    expect(lines.slice(1).map((line) => line.split(',')[2])).toEqual(['bob@csv.test', 'ann@csv.test', 'cy@csv.test']);
    expect(text).toContain(`,"'=HYPERLINK(""http://evil"")",bob@csv.test,`);
    expect(text).toContain(',Disabled due to an error,"Mailbox rejected, ""twice""\nthen gave up",');
    expect(text).toMatch(/,Ann,ann@csv\.test,[0-9a-f-]{36},Sales,Enabled,Enabled,,0,2026-11-25T08:00:00Z,Success\r\n/);
  });

  it('follows the list’s filters and order, and refuses a bad one before any byte', async () => {
    actAs(boss);
    const error = await csvOf(await get('/api/users.csv?status=error'));
    expect(error.lines.slice(1).map((line) => line.split(',')[2])).toEqual(['bob@csv.test']);
    const search = await get('/api/users.csv?q=CY&sort=-email');
    expect(search.headers.get('content-disposition')).toContain('users q-CY.csv');
    expect((await csvOf(search)).lines.slice(1).map((line) => line.split(',')[2])).toEqual(['cy@csv.test']);
    const descending = await csvOf(await get('/api/users.csv?sort=-email'));
    expect(descending.lines.slice(1).map((line) => line.split(',')[2])).toEqual(['cy@csv.test', 'bob@csv.test', 'ann@csv.test']);
    const bad = await get('/api/users.csv?status=sideways');
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toBe('"status" must be enabled, disabled, error or removed.');
  });

  it('keeps a profile admin to their profiles, on both routes', async () => {
    actAs(lead);
    expect((await csvOf(await get('/api/users.csv'))).lines.slice(1).map((line) => line.split(',')[2]).sort()).toEqual(['ann@csv.test', 'bob@csv.test']);
    expect((await csvOf(await getProfile(salesId))).lines).toHaveLength(3);
    expect((await getProfile(opsId)).status).toBe(404);
    actAs(boss);
    const ops = await getProfile(opsId, '?q=cy');
    expect(ops.headers.get('content-disposition')).toContain('users Ops q-cy.csv');
    expect((await csvOf(ops)).lines.slice(1).map((line) => line.split(',')[2])).toEqual(['cy@csv.test']);
  });

  it('records each download in the audit log with its filters', async () => {
    actAs(boss);
    await (await get('/api/users.csv?status=disabled&q=ann')).arrayBuffer();
    const [event] = await queryRows<{ target_type: string; after: { file: string; query: string } }>(
      database().db,
      sql`select target_type, after from audit_events where tenant_id = ${tenantId}::uuid and action = 'export.download' order by occurred_at desc, id desc limit 1`,
    );
    expect(event).toEqual({ target_type: 'tenant', after: { file: 'users status-disabled q-ann.csv', query: 'status=disabled&q=ann' } });
  });
});
