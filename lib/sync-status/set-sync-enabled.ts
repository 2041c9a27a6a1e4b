import 'server-only';
// The admins' switches: sync on or off for a profile or a user, checked against the viewer's
// scope here, audited in the same transaction. Enabling a user records the moment, so errors
// reported before it no longer make them "Disabled due to an error". What the sync engine
// removed has no switch any more: 409.
import { and, eq, isNull } from 'drizzle-orm';
import { getDatabase } from '@/db/client';
import { runTransaction } from '@/db/run-transaction';
import { interactiveLimits } from '@/lib/db-limits';
import { profiles, users } from '@/db/schema';
import { actorOf, recordAuditEvent } from '@/lib/audit/record-audit-event';
import type { TenantViewer } from '@/lib/auth/viewer';
import { HttpError } from '@/lib/http/errors';
import { getProfile } from '@/lib/profiles/get-profile';
import { getUser } from '@/lib/users/get-user';

/** Found in scope a moment ago, now not updatable: the engine removed it in between. */
const removedError = (what: 'profile' | 'user') => new HttpError(409, `The sync engine removed this ${what}: its sync can no longer be switched.`);

export async function setProfileSyncEnabled({ viewer, profileId, enabled }: { viewer: TenantViewer; profileId: string; enabled: boolean }) {
  const profile = await getProfile(viewer, profileId);
  if (profile.removedAt) throw removedError('profile');
  await runTransaction(getDatabase().db, interactiveLimits(), async (tx) => {
    const now = new Date();
    const updated = await tx
      .update(profiles)
      .set({ syncEnabled: enabled, syncEnabledChangedAt: now })
      .where(and(eq(profiles.tenantId, viewer.tenantId), eq(profiles.id, profile.id), isNull(profiles.removedAt)))
      .returning({ id: profiles.id });
    if (updated.length === 0) throw removedError('profile');
    await recordAuditEvent(tx, {
      tenantId: viewer.tenantId,
      actor: actorOf(viewer),
      action: enabled ? 'profile.sync_enable' : 'profile.sync_disable',
      targetType: 'profile',
      targetId: profile.id,
      targetLabel: profile.name,
      before: { syncEnabled: profile.syncEnabled },
      after: { syncEnabled: enabled },
    });
  });
}

export async function setUserSyncEnabled({ viewer, userId, enabled }: { viewer: TenantViewer; userId: string; enabled: boolean }) {
  const user = await getUser(viewer, userId);
  if (user.removedAt) throw removedError('user');
  await runTransaction(getDatabase().db, interactiveLimits(), async (tx) => {
    const now = new Date();
    const updated = await tx
      .update(users)
      .set(enabled ? { syncEnabled: true, syncEnabledAt: now, syncEnabledChangedAt: now } : { syncEnabled: false, syncEnabledChangedAt: now })
      .where(and(eq(users.tenantId, viewer.tenantId), eq(users.id, user.id), isNull(users.removedAt)))
      .returning({ id: users.id });
    if (updated.length === 0) throw removedError('user');
    await recordAuditEvent(tx, {
      tenantId: viewer.tenantId,
      actor: actorOf(viewer),
      action: enabled ? 'user.sync_enable' : 'user.sync_disable',
      targetType: 'user',
      targetId: user.id,
      targetLabel: user.email,
      before: { syncEnabled: user.userSyncEnabled, effectiveStatus: user.effectiveStatus },
      after: { syncEnabled: enabled },
    });
  });
}
