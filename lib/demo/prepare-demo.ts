import 'server-only';
// What `npm start` does to a database in demo mode: seed the demo data (once), point the demo's
// sign-in at this start's identity provider, and the demo's alert receivers at this panel.
// Several instances starting at once on one PostgreSQL database take turns (a transaction lock):
// one seeds, the others wait, then find it seeded.
import { ADVISORY_LOCKS } from '@/db/advisory-locks';
import type { DatabaseHandle } from '@/db/client';
import { withInstallationLock } from '@/db/installation-lock';
import { registerDemoIssuer } from './register-demo-issuer';
import { countDemoRows, seedDemoData, type SeedOptions } from './seed-demo';
import { refreshDemoReceivers } from './seed-demo-alerts';

export async function prepareDemo(handle: DatabaseHandle, options: SeedOptions & { panelUrl: string; issuer: string }): Promise<{ seeded: boolean }> {
  const log = options.log ?? (() => {});
  return withInstallationLock(handle, ADVISORY_LOCKS.demoSeed, async () => {
    // The seed writes what the engine writes: on ingestion's connections and time bounds.
    const { seeded } = await seedDemoData(handle.ingestDb, options);
    const counts = await countDemoRows(handle.db);
    log(`${seeded ? 'demo data seeded' : 'demo data present'}: ${counts.users} users, ${counts.sessions} sessions, ${counts.issues} issues`);
    await registerDemoIssuer(handle.db, options.issuer);
    await refreshDemoReceivers(handle.db, options.panelUrl);
    return { seeded };
  });
}
