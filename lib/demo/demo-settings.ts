import 'server-only';
// The demo's settings: profiles with values and forced settings set by their admins, and users'
// own choices reported by the engine (through the batch, as a real engine would). Idempotent.
import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { profileSettings, profiles } from '@/db/schema';
import { batchSchema } from '@/lib/ingest/batch-schema';
import { writeBatch } from '@/lib/ingest/write-batch';
import type { SettingValue } from '@/lib/settings/catalog';
import type { DemoPlan } from './generate-demo-batches';

const PROFILE_SETTINGS: Record<string, { key: string; value: SettingValue; forced: boolean }[]> = {
  'acme-executives': [
    { key: 'emailAutoSave', value: true, forced: true },
    { key: 'saveAttachments', value: false, forced: true },
  ],
  'acme-marketing': [
    { key: 'syncInterval', value: '60', forced: false },
    { key: 'recordMatching', value: 'contacts', forced: false },
  ],
};

export async function seedDemoSettings(db: Database, tenantId: string, plan: DemoPlan): Promise<void> {
  for (const [engineId, settings] of Object.entries(PROFILE_SETTINGS)) {
    const [profile] = await db.select({ id: profiles.id }).from(profiles).where(and(eq(profiles.tenantId, tenantId), eq(profiles.engineId, engineId)));
    if (!profile) continue;
    await db
      .insert(profileSettings)
      .values(settings.map((s) => ({ tenantId, profileId: profile.id, ...s })))
      .onConflictDoNothing();
  }
  // Some users chose differently in their add-in; Executives' forced values are ignored by ingestion.
  const choosing = plan.users.filter((u) => u.index % 6 === 0);
  if (choosing.length === 0) return;
  const choices = (index: number): Record<string, SettingValue> => (index % 12 === 0 ? { eventAutoSave: false, emailAutoSave: false } : { taskSync: 'both' });
  await writeBatch(
    db,
    tenantId,
    batchSchema.parse({ users: choosing.map((u) => ({ email: u.email, name: u.name, profileId: u.profile.engineId, settings: choices(u.index) })) }),
  );
}
