import 'server-only';
// The secret that signs session cookies when NEXTAUTH_SECRET is not set, for an installation on
// PostgreSQL: kept in the database (instance_metadata), so that every app instance serving that
// database signs and reads cookies alike — a secret per data directory would sign a user out
// whenever the load balancer sent them to another instance. The first instance to start creates
// it (two starting at once agree: the first insert wins), adopting the data directory's secret when
// there is one so that sessions signed before survive. Anyone who can read the database could
// read it; an operator who keeps secrets elsewhere sets NEXTAUTH_SECRET on every instance.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { env, type Env } from '@/config/env';
import type { DatabaseHandle } from '@/db/client';
import { instanceMetadata } from '@/db/schema';
import { authSecret } from './secret';

const SECRET_KEY = 'session_secret';

function dataDirSecret(dataDir: string): string | null {
  const file = path.resolve(dataDir, 'secret');
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim() || null : null;
}

/** NEXTAUTH_SECRET when set; on the embedded database the data directory's secret; on
 *  PostgreSQL the installation's, created by the first instance that needs it. */
export async function installationSecret(
  handle: DatabaseHandle,
  config: Pick<Env, 'NEXTAUTH_SECRET' | 'DATA_DIR'> = env(),
): Promise<{ secret: string; source: 'environment' | 'data directory' | 'database' }> {
  if (config.NEXTAUTH_SECRET) return { secret: config.NEXTAUTH_SECRET, source: 'environment' };
  if (handle.driver !== 'postgres') return { secret: authSecret(), source: 'data directory' };
  // Whoever inserts first wins; every instance then reads the one stored.
  const offered = dataDirSecret(config.DATA_DIR) ?? randomBytes(48).toString('base64url');
  await handle.db.insert(instanceMetadata).values({ key: SECRET_KEY, value: { secret: offered } }).onConflictDoNothing();
  const [row] = await handle.db.select({ value: instanceMetadata.value }).from(instanceMetadata).where(eq(instanceMetadata.key, SECRET_KEY));
  const secret = (row!.value as { secret: string }).secret;
  return { secret, source: 'database' };
}
