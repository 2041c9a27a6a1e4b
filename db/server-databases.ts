// Databases beside the one DATABASE_URL names, on the same PostgreSQL server: what the tests,
// the scale generator and the benchmark create and drop.
import { Client } from 'pg';

/** The URL of database `name` on the server of `serverUrl`. */
export function databaseUrlBeside(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** One statement on its own connection (CREATE / DROP DATABASE cannot run in a pool's transaction). */
export async function runOnServer(serverUrl: string, statement: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
