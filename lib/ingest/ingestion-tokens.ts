import 'server-only';
// The sync engine's bearer tokens: one tenant each, only a SHA-256 hash stored, audited.
import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { getDatabase } from '@/db/client';
import { runTransaction } from '@/db/run-transaction';
import { interactiveLimits } from '@/lib/db-limits';
import { ingestionTokens } from '@/db/schema';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { badRequest, notFoundError } from '@/lib/http/errors';
import { assertSupport, type SupportPrincipal } from '@/lib/support/support-principal';
import { bearerToken } from '@/lib/http/bearer-token';

const TOKEN_PREFIX = 'sap_';

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export async function createIngestionToken(by: SupportPrincipal, { tenantId, name }: { tenantId: string; name: string }): Promise<{ id: string; token: string }> {
  const actor = assertSupport(by);
  const label = name.trim();
  if (label.length < 1 || label.length > 100) throw badRequest('A token name has 1 to 100 characters.');
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  return runTransaction(getDatabase().db, interactiveLimits(), async (tx) => {
    const [row] = await tx.insert(ingestionTokens).values({ tenantId, name: label, tokenHash: hashToken(token) }).returning({ id: ingestionTokens.id });
    await recordAuditEvent(tx, { tenantId, actor, action: 'token.create', targetType: 'token', targetId: row!.id, targetLabel: label, after: { name: label } });
    return { id: row!.id, token };
  });
}

export async function revokeIngestionToken(by: SupportPrincipal, { tenantId, tokenId }: { tenantId: string; tokenId: string }): Promise<void> {
  const actor = assertSupport(by);
  if (!z.uuid().safeParse(tokenId).success) throw notFoundError('No such token.');
  await runTransaction(getDatabase().db, interactiveLimits(), async (tx) => {
    const [row] = await tx
      .update(ingestionTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(ingestionTokens.tenantId, tenantId), eq(ingestionTokens.id, tokenId), isNull(ingestionTokens.revokedAt)))
      .returning();
    if (!row) throw notFoundError('No such active token in this tenant.');
    await recordAuditEvent(tx, { tenantId, actor, action: 'token.revoke', targetType: 'token', targetId: tokenId, targetLabel: row.name, before: { revoked: false }, after: { revoked: true } });
  });
}

export async function listIngestionTokens(by: SupportPrincipal, tenantId: string) {
  assertSupport(by);
  return getDatabase()
    .db.select({ id: ingestionTokens.id, name: ingestionTokens.name, createdAt: ingestionTokens.createdAt, lastUsedAt: ingestionTokens.lastUsedAt, revokedAt: ingestionTokens.revokedAt })
    .from(ingestionTokens)
    .where(eq(ingestionTokens.tenantId, tenantId))
    .orderBy(desc(ingestionTokens.createdAt));
}

/** The tenant of a bearer token, or null: missing, unknown and revoked tokens are all refused.
 * On ingestion's own connections: a burst of batches never takes the pages' connections. */
export async function authenticateIngestion(authorization: string | null): Promise<{ tenantId: string; tokenId: string } | null> {
  const token = bearerToken(authorization);
  if (!token || !token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
  const db = getDatabase().ingestDb;
  const [row] = await db
    .select({ id: ingestionTokens.id, tenantId: ingestionTokens.tenantId, lastUsedAt: ingestionTokens.lastUsedAt })
    .from(ingestionTokens)
    .where(and(eq(ingestionTokens.tokenHash, hashToken(token)), isNull(ingestionTokens.revokedAt)));
  if (!row) return null;
  // Recorded at most once a minute: a busy engine must not turn every batch into a token write.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db.update(ingestionTokens).set({ lastUsedAt: new Date() }).where(eq(ingestionTokens.id, row.id));
  }
  return { tenantId: row.tenantId, tokenId: row.id };
}
