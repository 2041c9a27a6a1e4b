// The Columns button's choice, kept per admin and per table: every list's table is accepted,
// anything else refused, and one table's choice never leaks into another's or another admin's.
import { beforeAll, expect, it } from 'vitest';
import { admins } from '@/db/schema';
import { loadViewer, type TenantViewer } from '@/lib/auth/viewer';
import { HttpError } from '@/lib/http/errors';
import { getColumnVisibility, saveColumnVisibility } from '@/lib/preferences/column-visibility';
import { TABLE_KEYS } from '@/lib/preferences/table-keys';
import { describeEachDatabase } from '../support/databases';
import { createTenant } from '../support/fixtures';

describeEachDatabase('remembered columns', (database) => {
  let first: TenantViewer;
  let second: TenantViewer;

  beforeAll(async () => {
    const { db } = database();
    const tenantId = (await createTenant(db, 'columns')).id;
    const [a, b] = await db
      .insert(admins)
      .values([
        { tenantId, email: 'a@columns.test', name: 'A', role: 'platform_admin' },
        { tenantId, email: 'b@columns.test', name: 'B', role: 'platform_admin' },
      ])
      .returning();
    first = (await loadViewer(db, a!.id)) as TenantViewer;
    second = (await loadViewer(db, b!.id)) as TenantViewer;
  });

  it('keeps a choice per list table', async () => {
    expect(TABLE_KEYS).toEqual(['profiles', 'users', 'profile-users', 'user-statistics', 'profile-statistics', 'user-sync-issues']);
    for (const [i, table] of TABLE_KEYS.entries()) await saveColumnVisibility(first, table, { [`column${'abcdef'[i]}`]: false });
    for (const [i, table] of TABLE_KEYS.entries()) expect(await getColumnVisibility(first, table)).toEqual({ [`column${'abcdef'[i]}`]: false });
    await saveColumnVisibility(first, 'users', { email: false, name: true });
    expect(await getColumnVisibility(first, 'users')).toEqual({ email: false, name: true });
    expect(await getColumnVisibility(first, 'profile-users')).toEqual({ columnc: false });
    expect(await getColumnVisibility(second, 'users')).toEqual({});
  });

  it('refuses an unknown table or a malformed choice', async () => {
    await expect(saveColumnVisibility(first, 'admins', { email: false })).rejects.toBeInstanceOf(HttpError);
    await expect(saveColumnVisibility(first, 'users', { 'e-mail; drop': false })).rejects.toBeInstanceOf(HttpError);
    await expect(saveColumnVisibility(first, 'users', ['email'])).rejects.toBeInstanceOf(HttpError);
  });
});
