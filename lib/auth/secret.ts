// The secret that signs session cookies: NEXTAUTH_SECRET, else one created once under DATA_DIR
// (shared by `npm start`, the server and `next dev`).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { env } from '@/config/env';

let cached: string | undefined;

export function authSecret(): string {
  if (cached) return cached;
  const config = env();
  if (config.NEXTAUTH_SECRET) return (cached = config.NEXTAUTH_SECRET);
  const file = path.resolve(config.DATA_DIR, 'secret');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${randomBytes(48).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  }
  cached = fs.readFileSync(file, 'utf8').trim();
  return cached;
}
