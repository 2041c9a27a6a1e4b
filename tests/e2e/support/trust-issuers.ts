// Run before the server starts (the embedded database admits one process): seeds the demo
// data and trusts the test providers' issuers. Argument: JSON of [tenant slug | 'support', issuer, tid][].
import { closeDatabase, getDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { DEFAULT_SEED_OPTIONS, seedDemoData } from '@/lib/demo/seed-demo';
import { addSupportIssuer, addTenantIssuer, tenantIdBySlug } from '@/lib/support/manage-tenants';

async function main() {
  const trust = JSON.parse(process.argv[2] ?? '[]') as [string, string, string | null][];
  const handle = getDatabase();
  await migrateDatabase(handle);
  await seedDemoData(handle.db, { ...DEFAULT_SEED_OPTIONS, endAt: new Date() });
  for (const [who, issuer, tid] of trust) {
    if (who === 'support') await addSupportIssuer({ issuer });
    else await addTenantIssuer('command-line', { tenantId: await tenantIdBySlug(who), issuer, entraTenantId: tid });
  }
  await closeDatabase();
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
