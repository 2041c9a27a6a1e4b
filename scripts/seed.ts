// npm run db:seed -- [--users N] [--days N] [--seed N]
// Seeds the demo data into the configured database (once; a completed seed is not repeated).
import { parseArgs } from 'node:util';
import { closeDatabase, getDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { countDemoRows, DEFAULT_SEED_OPTIONS, seedDemoData } from '@/lib/demo/seed-demo';
import { runScript } from './run-script';

const { values } = parseArgs({
  options: {
    users: { type: 'string', default: String(DEFAULT_SEED_OPTIONS.acmeUsers) },
    days: { type: 'string', default: String(DEFAULT_SEED_OPTIONS.days) },
    seed: { type: 'string', default: String(DEFAULT_SEED_OPTIONS.seed) },
  },
});

function positiveInt(name: string, value: string | undefined, max: number): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1 || parsed > max) {
    throw new Error(`--${name} must be a whole number from 1 to ${max} (got "${value}")`);
  }
  return parsed;
}

runScript(async () => {
  const options = {
    acmeUsers: positiveInt('users', values.users, 100_000),
    days: positiveInt('days', values.days, 365),
    seed: positiveInt('seed', values.seed, 2 ** 31),
    endAt: new Date(),
    log: (message: string) => console.log(message),
  };
  const handle = getDatabase();
  await migrateDatabase(handle);
  const started = Date.now();
  // The seed writes what the engine writes: on ingestion's connections and time bounds.
  const { seeded } = await seedDemoData(handle.ingestDb, options);
  console.log(seeded ? `Demo data seeded in ${((Date.now() - started) / 1000).toFixed(1)} s:` : 'Demo data already present:', await countDemoRows(handle.db));
  await closeDatabase();
});
