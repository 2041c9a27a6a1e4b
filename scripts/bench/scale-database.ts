// The benchmarks' scale databases beside DATABASE_URL's: kept between runs, generated when missing.
import { execFileSync } from 'node:child_process';
import { Client } from 'pg';
import { databaseUrlBeside } from '@/db/server-databases';

export type Size = 'small' | 'large';

export async function ensureScaleDatabase(serverUrl: string, size: Size, log: (line: string) => void = (line) => console.error(`[bench] ${line}`)): Promise<string> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  const { rowCount } = await client.query(`select 1 from pg_database where datname = $1`, [`sync_admin_scale_${size}`]);
  await client.end();
  if (!rowCount) {
    log(`generating the ${size} scale (npm run scale -- --size ${size} --keep)`);
    execFileSync('npm', ['run', '--silent', 'scale', '--', '--size', size, '--keep'], { stdio: ['ignore', 'inherit', 'inherit'], env: process.env });
  }
  return databaseUrlBeside(serverUrl, `sync_admin_scale_${size}`);
}
