// npm run db:migrate — applies the committed migrations to the configured database.
import { closeDatabase, getDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { runScript } from './run-script';

runScript(async () => {
  const handle = getDatabase();
  await migrateDatabase(handle);
  console.log(`Migrations applied (${handle.driver}).`);
  await closeDatabase();
});
