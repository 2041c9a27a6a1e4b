import 'server-only';
// Signed-in sessions kept server-side (admin_sessions): the cookie names one, and it opens the
// panel only while the session is live — so signing out, or support revoking the tenant's
// access, ends it for good, whatever the cookie's own expiry says.
import { and, eq, gt, inArray, isNull, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { adminSessions, admins } from '@/db/schema';

const isSessionId = (value: string | undefined): value is string => z.uuid().safeParse(value).success;

type Executor = Pick<Database, 'insert' | 'update' | 'select' | 'delete'>;

export async function startAdminSession(db: Executor, adminId: string, maxAgeSeconds: number): Promise<string> {
  const [session] = await db
    .insert(adminSessions)
    .values({ adminId, expiresAt: new Date(Date.now() + maxAgeSeconds * 1000) })
    .returning({ id: adminSessions.id });
  return session!.id;
}

/** Whether the session is the admin's, not ended and not expired. */
export async function isAdminSessionLive(db: Executor, adminId: string, sessionId: string | undefined): Promise<boolean> {
  if (!isSessionId(sessionId)) return false;
  const [live] = await db
    .select({ id: adminSessions.id })
    .from(adminSessions)
    .where(and(eq(adminSessions.id, sessionId), eq(adminSessions.adminId, adminId), isNull(adminSessions.endedAt), gt(adminSessions.expiresAt, sql`now()`)));
  return Boolean(live);
}

export async function endAdminSession(db: Executor, sessionId: string | undefined): Promise<void> {
  if (!isSessionId(sessionId)) return;
  await db.update(adminSessions).set({ endedAt: sql`now()` }).where(and(eq(adminSessions.id, sessionId), isNull(adminSessions.endedAt)));
}

/** Ends every live session of a tenant's admins (its panel access was revoked). */
export async function endTenantSessions(db: Executor, tenantId: string): Promise<void> {
  await db
    .update(adminSessions)
    .set({ endedAt: sql`now()` })
    .where(and(isNull(adminSessions.endedAt), inArray(adminSessions.adminId, db.select({ id: admins.id }).from(admins).where(eq(admins.tenantId, tenantId)))));
}

/** Forgets sessions that ended or expired more than a day ago (the scheduled step). */
export async function forgetOldAdminSessions(db: Executor): Promise<void> {
  await db.delete(adminSessions).where(lt(sql`coalesce(${adminSessions.endedAt}, ${adminSessions.expiresAt})`, sql`now() - interval '1 day'`));
}
