import 'server-only';
// The batch's profiles: created, or renamed (the engine owns the directory).
import { sql } from 'drizzle-orm';
import type { Transaction } from '@/db/run-transaction';
import { profiles } from '@/db/schema';
import type { PresentProfile } from '../batch-schema';
import { chunks } from '@/db/chunked';
import { sortedBy, upsertColumns } from './batch-rows';

const reported = upsertColumns(profiles, { name: profiles.name });

export async function upsertProfiles(tx: Transaction, tenantId: string, items: PresentProfile[]): Promise<void> {
  for (const chunk of chunks(sortedBy(items, (p) => p.id))) {
    await tx
      .insert(profiles)
      .values(chunk.map((p) => ({ tenantId, engineId: p.id, name: p.name })))
      .onConflictDoUpdate({
        target: [profiles.tenantId, profiles.engineId],
        set: { ...reported.set, updatedAt: sql`now()` },
        setWhere: reported.changed,
      });
  }
}
