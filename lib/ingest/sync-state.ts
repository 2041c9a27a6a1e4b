import 'server-only';
// What the sync engine must obey: each profile's and user's switch, by the engine's own ids.
// Deterministic order, so the ETag (a hash of the document) changes exactly when it does.
import { createHash } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { getDatabase } from '@/db/client';
import { profiles, users } from '@/db/schema';

export interface SyncState {
  profiles: { id: string; name: string; syncEnabled: boolean }[];
  users: { email: string; profileId: string; syncEnabled: boolean; syncEnabledAt: string | null }[];
}

export async function getSyncState(tenantId: string): Promise<{ body: string; etag: string }> {
  const db = getDatabase().db;
  const profileRows = await db
    .select({ panelId: profiles.id, id: profiles.engineId, name: profiles.name, syncEnabled: profiles.syncEnabled })
    .from(profiles)
    .where(eq(profiles.tenantId, tenantId))
    .orderBy(asc(profiles.engineId));
  const engineIdOf = new Map(profileRows.map((p) => [p.panelId, p.id]));
  const userRows = await db
    .select({ email: users.email, profileId: users.profileId, syncEnabled: users.syncEnabled, syncEnabledAt: users.syncEnabledAt })
    .from(users)
    .where(eq(users.tenantId, tenantId))
    .orderBy(asc(users.email));
  const state: SyncState = {
    profiles: profileRows.map(({ id, name, syncEnabled }) => ({ id, name, syncEnabled })),
    users: userRows.map((u) => ({
      email: u.email,
      profileId: engineIdOf.get(u.profileId)!,
      syncEnabled: u.syncEnabled,
      // The admin's last enable: errors the engine reported before it no longer stop the user.
      syncEnabledAt: u.syncEnabledAt?.toISOString() ?? null,
    })),
  };
  const body = JSON.stringify(state);
  return { body, etag: `"${createHash('sha256').update(body).digest('base64url')}"` };
}
