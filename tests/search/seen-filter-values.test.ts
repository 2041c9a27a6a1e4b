// The Filter by menus offer the error categories and codes that occurred in the last 90 days,
// in the viewer's scope (or one profile), most frequent first — read from the rollups.
import { beforeAll, expect, it } from 'vitest';
import type { TenantViewer } from '@/lib/auth/viewer';
import { seenErrorCategories, seenErrorCodes } from '@/lib/search/seen-filter-values';
import { describeEachDatabase } from '../support/databases';
import { bossAndLead, createTenant, ingest, profileIdOf } from '../support/fixtures';

const HOUR = 3_600_000;
const hoursAgo = (hours: number) => new Date(Date.now() - hours * HOUR).toISOString();

describeEachDatabase('error categories and codes offered by the filters', (database) => {
  let boss: TenantViewer;
  let lead: TenantViewer;
  let opsId: string;

  beforeAll(async () => {
    const { db } = database();
    const tenantId = (await createTenant(db, 'seen')).id;
    // Another tenant's categories never show.
    const otherId = (await createTenant(db, 'seen-other')).id;
    await ingest(db, otherId, {
      profiles: [{ id: 'x', name: 'X' }],
      users: [{ email: 'x@other.test', name: 'X', profileId: 'x' }],
      sessions: [{ id: 'x1', userEmail: 'x@other.test', startedAt: hoursAgo(1), status: 'error', errorCategory: 'Elsewhere', errorSource: 'crm' }],
    });
    const failed = (id: string, email: string, hours: number, category: string) => ({ id, userEmail: email, startedAt: hoursAgo(hours), status: 'error' as const, errorCategory: category, errorSource: 'crm' as const });
    await ingest(db, tenantId, {
      profiles: [
        { id: 'sales', name: 'Sales' },
        { id: 'ops', name: 'Ops' },
      ],
      users: [
        { email: 'a@seen.test', name: 'A', profileId: 'sales' },
        { email: 'b@seen.test', name: 'B', profileId: 'ops' },
      ],
      sessions: [
        failed('s1', 'a@seen.test', 1, 'Throttling'),
        failed('s2', 'a@seen.test', 2, 'Throttling'),
        failed('s3', 'a@seen.test', 3, 'Throttling'),
        failed('s4', 'a@seen.test', 4, 'Authorization'),
        failed('s5', 'b@seen.test', 5, 'Quota'),
        failed('s6', 'b@seen.test', 6, 'Quota'),
        // Older than 90 days: not offered.
        failed('s7', 'b@seen.test', 24 * 100, 'Ancient'),
        { id: 's8', userEmail: 'a@seen.test', startedAt: hoursAgo(7), status: 'success' },
      ],
      issues: [
        { id: 'i1', userEmail: 'b@seen.test', occurredAt: hoursAgo(1), type: 'email', direction: 'outlook_to_salesforce', name: 'Mail', operation: 'create', errorCode: 7 },
        { id: 'i2', userEmail: 'a@seen.test', occurredAt: hoursAgo(1), type: 'email', direction: 'outlook_to_salesforce', name: 'Mail', operation: 'create', errorCode: 2 },
      ],
    });
    opsId = await profileIdOf(db, tenantId, 'ops');
    ({ boss, lead } = await bossAndLead(db, tenantId, await profileIdOf(db, tenantId, 'sales')));
  });

  it('offers the categories of the last 90 days in scope, most frequent first', async () => {
    expect(await seenErrorCategories(boss, null)).toEqual(['Throttling', 'Quota', 'Authorization']);
    expect(await seenErrorCategories(lead, null)).toEqual(['Throttling', 'Authorization']);
    expect(await seenErrorCategories(boss, opsId)).toEqual(['Quota']);
    // A profile outside a profile admin's scope gives nothing, even when named.
    expect(await seenErrorCategories(lead, opsId)).toEqual([]);
  });

  it('offers the documented codes and those that occurred in scope, in order', async () => {
    expect(await seenErrorCodes(boss, null)).toEqual([0, 1, 2, 3, 7]);
    expect(await seenErrorCodes(lead, null)).toEqual([0, 1, 2, 3]);
    expect(await seenErrorCodes(boss, opsId)).toEqual([0, 1, 2, 3, 7]);
  });
});
