// `npm start` prepares the database, then the server it spawns serves it. The embedded database
// admits one process: this process closes it but keeps its lock, and the server takes the lock
// over when it opens the database (DATA_DIR_LOCK_HOLDER), so no other process can slip in
// between. Returns the variables to spawn the server with.
import { closeDatabase } from '@/db/client';

export async function handOverDatabase(): Promise<{ DATA_DIR_LOCK_HOLDER: string }> {
  await closeDatabase({ keepDataDirLock: true });
  return { DATA_DIR_LOCK_HOLDER: String(process.pid) };
}
