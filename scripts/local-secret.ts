// The session-signing secret: NEXTAUTH_SECRET when set, else one created once under DATA_DIR.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export function ensureLocalSecret(dataDir: string, configured: string | undefined): string {
  if (configured) return configured;
  const file = path.resolve(dataDir, 'secret');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  fs.writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
