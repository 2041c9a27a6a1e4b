import 'server-only';
// The users' own choices from the add-in. A setting the user's profile forces keeps the forced
// value: the engine's report of it is ignored rather than stored for later.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Transaction } from '@/db/run-transaction';
import { profileSettings, userSettings } from '@/db/schema';
import type { PresentUser } from '../batch-schema';
import { chunks, readInChunks } from '@/db/chunked';
import { excluded, sortedBy, upsertColumns } from './batch-rows';
import { mapUsers } from './directory-lookups';

const reported = upsertColumns(userSettings, { value: userSettings.value });

async function forcedSettings(tx: Transaction, tenantId: string, profileIds: string[]): Promise<Set<string>> {
  const rows = await readInChunks(profileIds, (chunk) =>
    tx
      .select({ profileId: profileSettings.profileId, key: profileSettings.key })
      .from(profileSettings)
      .where(and(eq(profileSettings.tenantId, tenantId), inArray(profileSettings.profileId, chunk), eq(profileSettings.forced, true))),
  );
  return new Set(rows.map((row) => `${row.profileId}/${row.key}`));
}

export async function writeUserSettings(tx: Transaction, tenantId: string, items: PresentUser[]): Promise<void> {
  const reporting = items.filter((u) => u.settings && Object.keys(u.settings).length > 0);
  if (reporting.length === 0) return;
  const userIds = await mapUsers(
    tx,
    tenantId,
    reporting.map((u) => u.email),
  );
  const forced = await forcedSettings(tx, tenantId, [...userIds.values()].map((u) => u.profileId));
  const toSet: { userId: string; key: string; value: string | boolean }[] = [];
  const toClear: { userId: string; key: string }[] = [];
  for (const item of sortedBy(reporting, (u) => u.email)) {
    const user = userIds.get(item.email)!;
    for (const key of Object.keys(item.settings!).sort()) {
      if (forced.has(`${user.profileId}/${key}`)) continue;
      const value = item.settings![key]!;
      if (value === null) toClear.push({ userId: user.id, key });
      else toSet.push({ userId: user.id, key, value });
    }
  }
  for (const chunk of chunks(toSet)) {
    await tx
      .insert(userSettings)
      .values(chunk.map((c) => ({ tenantId, userId: c.userId, key: c.key, value: c.value, origin: 'engine' as const })))
      .onConflictDoUpdate({
        target: [userSettings.tenantId, userSettings.userId, userSettings.key],
        set: { ...reported.set, origin: excluded(userSettings.origin), updatedAt: sql`now()` },
        // A replay changes nothing.
        setWhere: reported.changed,
      });
  }
  for (const chunk of chunks(toClear)) {
    await tx.delete(userSettings).where(
      and(
        eq(userSettings.tenantId, tenantId),
        sql`(${userSettings.userId}, ${userSettings.key}) in (${sql.join(
          chunk.map((c) => sql`(${c.userId}::uuid, ${c.key})`),
          sql`, `,
        )})`,
      ),
    );
  }
}
