import 'server-only';
// The batch's users: the directory (name, profile) and the engine's sync error. A user item
// without `syncError` leaves the stored error as it is; with it, sets or clears it. New users
// start enabled; the admins' switches are never touched.
import { or, sql } from 'drizzle-orm';
import type { Transaction } from '@/db/run-transaction';
import { users } from '@/db/schema';
import type { PresentUser } from '../batch-schema';
import { chunks } from '@/db/chunked';
import { sortedBy, upsertColumns } from './batch-rows';
import { mapProfiles } from './directory-lookups';

const directory = upsertColumns(users, { name: users.name, profileId: users.profileId });
const syncError = upsertColumns(users, { syncErrorReason: users.syncErrorReason, syncErrorAt: users.syncErrorAt });

export async function upsertUsers(tx: Transaction, tenantId: string, items: PresentUser[]): Promise<void> {
  const profileIds = await mapProfiles(
    tx,
    tenantId,
    items.map((u) => u.profileId),
  );
  const row = (u: (typeof items)[number]) => ({ tenantId, email: u.email, name: u.name, profileId: profileIds.get(u.profileId)! });
  for (const chunk of chunks(sortedBy(items.filter((u) => u.syncError !== undefined), (u) => u.email))) {
    await tx
      .insert(users)
      .values(chunk.map((u) => ({ ...row(u), syncErrorReason: u.syncError?.reason ?? null, syncErrorAt: u.syncError?.at ?? null })))
      .onConflictDoUpdate({
        target: [users.tenantId, users.email],
        set: { ...directory.set, ...syncError.set, updatedAt: sql`now()` },
        setWhere: or(directory.changed, syncError.changed),
      });
  }
  for (const chunk of chunks(sortedBy(items.filter((u) => u.syncError === undefined), (u) => u.email))) {
    await tx
      .insert(users)
      .values(chunk.map(row))
      .onConflictDoUpdate({
        target: [users.tenantId, users.email],
        set: { ...directory.set, updatedAt: sql`now()` },
        setWhere: directory.changed,
      });
  }
}
