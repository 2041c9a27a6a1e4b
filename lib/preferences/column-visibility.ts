import 'server-only';
// Which columns an admin shows in each table, remembered per admin and per table.
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDatabase } from '@/db/client';
import { adminPreferences } from '@/db/schema';
import type { TenantViewer } from '@/lib/auth/viewer';
import { badRequest } from '@/lib/http/errors';

import { TABLE_KEYS, type TableKey } from './table-keys';

export type { TableKey };

const modelSchema = z.record(z.string().regex(/^[A-Za-z]{1,40}$/), z.boolean()).refine((m) => Object.keys(m).length <= 40);
const keyOf = (table: TableKey) => `columns:${table}`;

export async function getColumnVisibility(viewer: TenantViewer, table: TableKey): Promise<Record<string, boolean>> {
  const [row] = await getDatabase()
    .db.select({ value: adminPreferences.value })
    .from(adminPreferences)
    .where(and(eq(adminPreferences.tenantId, viewer.tenantId), eq(adminPreferences.adminId, viewer.adminId), eq(adminPreferences.key, keyOf(table))));
  const parsed = modelSchema.safeParse(row?.value ?? {});
  return parsed.success ? parsed.data : {};
}

export async function saveColumnVisibility(viewer: TenantViewer, table: string, model: unknown): Promise<void> {
  if (!(TABLE_KEYS as readonly string[]).includes(table)) throw badRequest('Unknown table.');
  const parsed = modelSchema.safeParse(model);
  if (!parsed.success) throw badRequest('Invalid column choice.');
  await getDatabase()
    .db.insert(adminPreferences)
    .values({ tenantId: viewer.tenantId, adminId: viewer.adminId, key: keyOf(table as TableKey), value: parsed.data })
    .onConflictDoUpdate({ target: [adminPreferences.tenantId, adminPreferences.adminId, adminPreferences.key], set: { value: parsed.data, updatedAt: new Date() } });
}
