import 'server-only';
// The panel's ids of the profiles (by engine id) and users (by email) a batch names.
import { and, eq, inArray } from 'drizzle-orm';
import type { Transaction } from '@/db/run-transaction';
import { profiles, users } from '@/db/schema';
import { readInChunks } from '@/db/chunked';

export async function mapProfiles(tx: Transaction, tenantId: string, engineIds: string[]): Promise<Map<string, string>> {
  const rows = await readInChunks(engineIds, (chunk) =>
    tx
      .select({ id: profiles.id, engineId: profiles.engineId })
      .from(profiles)
      .where(and(eq(profiles.tenantId, tenantId), inArray(profiles.engineId, chunk))),
  );
  return new Map(rows.map((row) => [row.engineId, row.id]));
}

export async function mapUsers(tx: Transaction, tenantId: string, emails: string[]): Promise<Map<string, { id: string; profileId: string }>> {
  const rows = await readInChunks(emails, (chunk) =>
    tx
      .select({ id: users.id, email: users.email, profileId: users.profileId })
      .from(users)
      .where(and(eq(users.tenantId, tenantId), inArray(users.email, chunk))),
  );
  return new Map(rows.map((row) => [row.email, { id: row.id, profileId: row.profileId }]));
}
