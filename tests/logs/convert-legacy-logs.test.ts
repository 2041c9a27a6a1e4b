// A database from before logs were chunked: its logs are one DEFLATE stream each. Migrating it
// chunks every log with its text, size and CRC unchanged, and lines readable by range.
import { crc32, deflateRawSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { chunkSource } from '@/lib/logs/log-store';
import { readLines } from '@/lib/logs/log-reader';
import { createTestDatabase, testDrivers } from '../support/databases';
import { migrateUntil } from '../support/migrations-until';
import { storedLogText } from '../support/stored-log';

const LAST_UNCHUNKED = '0006_admin_sessions';

const TENANT = '00000000-0000-4000-8000-00000000000a';
const PROFILE = '00000000-0000-4000-8000-00000000000b';
const USER = '00000000-0000-4000-8000-00000000000c';
const session = (n: number) => `00000000-0000-4000-8000-1000000000${String(n).padStart(2, '0')}`;
const STARTED = new Date('2026-11-20T10:00:00Z');
const texts = [
  Array.from({ length: 30_000 }, (_, i) => `2026-11-20T10:00:00Z ${i === 20_000 ? 'ERROR' : 'INFO '} old line ${i + 1} ${(i * 7919) % 10007}`).join('\n') + '\n',
  'a short log without a final newline',
  '',
];

describe.each(testDrivers)('chunking logs stored before logs were chunked [%s]', (driver) => {
  it('keeps every log byte for byte and makes its lines readable by range', async () => {
    const database = await createTestDatabase(driver, { migrate: false });
    try {
      const { handle } = database;
      await migrateUntil(handle, LAST_UNCHUNKED);
      const db = handle.db;
      await db.execute(sql`insert into tenants (id, slug, name) values (${TENANT}::uuid, 'legacy', 'Legacy')`);
      await db.execute(sql`insert into profiles (tenant_id, id, engine_id, name) values (${TENANT}::uuid, ${PROFILE}::uuid, 'p', 'P')`);
      await db.execute(sql`insert into users (tenant_id, id, email, name, profile_id) values (${TENANT}::uuid, ${USER}::uuid, 'a@legacy.test', 'A', ${PROFILE}::uuid)`);
      for (const [i, text] of texts.entries()) {
        const bytes = Buffer.from(text, 'utf8');
        await db.execute(sql`insert into sync_sessions (tenant_id, started_at, id, engine_id, user_id, profile_id, status, has_log)
          values (${TENANT}::uuid, ${STARTED}, ${session(i)}::uuid, ${`s${i}`}, ${USER}::uuid, ${PROFILE}::uuid, 'error', true)`);
        await db.execute(sql`insert into sync_session_logs (tenant_id, session_id, session_started_at, deflated, size_bytes, crc32)
          values (${TENANT}::uuid, ${session(i)}::uuid, ${STARTED}, ${deflateRawSync(bytes)}, ${bytes.length}, ${crc32(bytes)})`);
      }

      await migrateDatabase(handle);

      for (const [i, text] of texts.entries()) expect(await storedLogText(db, TENANT, session(i))).toBe(text);
      const rows = await queryRows<{ session_id: string; upload_id: string; size_bytes: string | number; crc32: string | number; line_count: string | number; first_error_line: string | number | null; legacy: boolean }>(
        db,
        sql`select session_id, upload_id, size_bytes, crc32, line_count, first_error_line, legacy_deflated is not null as legacy from sync_session_logs order by session_id`,
      );
      expect(rows.map((row) => [Number(row.size_bytes), Number(row.crc32), Number(row.line_count), row.first_error_line === null ? null : Number(row.first_error_line), row.legacy])).toEqual(
        texts.map((text) => [Buffer.byteLength(text), crc32(Buffer.from(text)), text === '' ? 0 : text.replace(/\n$/, '').split('\n').length, text.includes('ERROR') ? 20_001 : null, false]),
      );
      const lines = await readLines(chunkSource(db, { tenantId: TENANT, sessionId: session(0), sessionStartedAt: STARTED, uploadId: rows[0]!.upload_id }), 20_001, 2);
      expect(lines.map((line) => line.text)).toEqual(texts[0]!.split('\n').slice(20_000, 20_002));
    } finally {
      await database.drop();
    }
  }, 60_000);
});
