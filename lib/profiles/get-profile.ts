import 'server-only';
// One profile of the viewer's scope; another tenant's or an out-of-scope id is "not found".
import { and, eq } from 'drizzle-orm';
import { cache } from 'react';
import { z } from 'zod';
import { getDatabase } from '@/db/client';
import { profiles } from '@/db/schema';
import type { TenantViewer } from '@/lib/auth/viewer';
import { notFoundError } from '@/lib/http/errors';
import { isProfileInScope } from '@/lib/scope/profile-scope';

export interface ProfileDetails {
  id: string;
  name: string;
  syncEnabled: boolean;
  syncEnabledChangedAt: string | null;
  /** When the sync engine removed it; null while it is in the directory. */
  removedAt: string | null;
}

/** Cached for the request: the profile's layout and page ask for the same row. */
export const getProfile = cache(async (viewer: TenantViewer, profileId: string): Promise<ProfileDetails> => {
  if (!z.uuid().safeParse(profileId).success || !isProfileInScope(viewer, profileId)) throw notFoundError('No such profile.');
  const [row] = await getDatabase()
    .db.select({ id: profiles.id, name: profiles.name, syncEnabled: profiles.syncEnabled, syncEnabledChangedAt: profiles.syncEnabledChangedAt, removedAt: profiles.removedAt })
    .from(profiles)
    .where(and(eq(profiles.tenantId, viewer.tenantId), eq(profiles.id, profileId)));
  if (!row) throw notFoundError('No such profile.');
  return { ...row, syncEnabledChangedAt: row.syncEnabledChangedAt?.toISOString() ?? null, removedAt: row.removedAt?.toISOString() ?? null };
});
