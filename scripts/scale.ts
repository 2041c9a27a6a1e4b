// npm run scale -- --size small|large [--keep]
// Creates a fresh database beside DATABASE_URL's, loads one tenant of the benchmark's shape
// set-based (lib/scale/generate-scale.ts), prints each step's time, and drops the database at
// the end unless --keep (then it prints the DATABASE_URL to start the panel on it).
import { parseArgs } from 'node:util';
import { openDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { generateScale, SCALES } from '@/lib/scale/generate-scale';
import { databaseUrlBeside, runOnServer } from '@/db/server-databases';
import { parseEnv } from '@/config/env';
import { runScript } from './run-script';

runScript(async () => {
  const { values } = parseArgs({ options: { size: { type: 'string', default: 'small' }, keep: { type: 'boolean', default: false } } });
  const size = values.size as keyof typeof SCALES;
  if (!(size in SCALES)) throw new Error('--size must be small or large');
  const serverUrl = parseEnv(process.env).DATABASE_URL;
  if (!serverUrl) throw new Error('Set DATABASE_URL to a PostgreSQL server: the scale database is created beside it.');
  const name = `sync_admin_scale_${size}`;
  const url = databaseUrlBeside(serverUrl, name);
  await runOnServer(serverUrl, `drop database if exists ${name} with (force)`);
  await runOnServer(serverUrl, `create database ${name}`);
  const handle = openDatabase({ driver: 'postgres', url });
  const started = Date.now();
  try {
    await migrateDatabase(handle);
    await generateScale(
      handle.db,
      SCALES[size],
      async (label, run) => {
        const t0 = Date.now();
        await run();
        console.log(`${label}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      },
      { dropIndexesWhileLoading: size === 'large' },
    );
    console.log(`Generated the ${size} scale in ${((Date.now() - started) / 60_000).toFixed(1)} min.`);
  } finally {
    await handle.close();
  }
  if (values.keep) console.log(`Kept. Start the panel on it with: DATABASE_URL=${url} npm start`);
  else await runOnServer(serverUrl, `drop database if exists ${name} with (force)`);
});
