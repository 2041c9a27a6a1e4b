import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { PUT as putLog } from '@/app/api/ingest/v1/sessions/[id]/log/route';
import { POST as postBatch } from '@/app/api/ingest/v1/batch/route';
import { queryRows } from '@/db/client';
import { writeZip } from '@/lib/exports/zip-writer';
import { deflatedChunks } from '@/lib/logs/log-store';
import { sweepAbandonedUploads, uploadLog } from '@/lib/logs/log-uploads';
import { createIngestionToken } from '@/lib/ingest/ingestion-tokens';
import { describeEachDatabase } from '../support/databases';
import { createTenant } from '../support/fixtures';
import { storedLogText } from '../support/stored-log';

/** A log of about `bytes` bytes with an ERROR line at line 1000 (and varied enough not to compress to nothing). */
function logText(bytes: number, seed: number): string {
  const lines: string[] = [];
  let size = 0;
  let random = seed;
  const noise = () => {
    random = (random * 1103515245 + 12345) % 2147483648;
    return random.toString(36);
  };
  for (let i = 1; size < bytes; i++) {
    const level = i === 1000 ? 'ERROR' : i % 97 === 0 ? 'WARN ' : 'INFO ';
    const line = `2026-11-30T10:00:00Z ${level} step ${i} of ${seed}: item ${noise()}${noise()} ref ${noise()} done`;
    lines.push(line);
    size += line.length + 1;
  }
  return `${lines.join('\n')}\n`;
}

const put = (token: string, engineId: string, body: BodyInit | ReadableStream<Uint8Array>, headers: Record<string, string> = {}) =>
  putLog(
    new Request(`http://panel.test/api/ingest/v1/sessions/${engineId}/log`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/plain', ...headers },
      body,
      duplex: 'half',
    } as RequestInit),
    { params: Promise.resolve({ id: engineId }) },
  );

/** A body that sends `bytes` and then breaks off, as a client that disconnects does. */
function breakingBody(bytes: Uint8Array): ReadableStream<Uint8Array> {
  let sent = false;
  return new ReadableStream({
    pull(controller) {
      if (!sent) {
        sent = true;
        controller.enqueue(bytes);
      } else controller.error(new Error('connection reset'));
    },
  });
}

describeEachDatabase('streamed log uploads', (database, driver) => {
  let tenantId: string;
  let token: string;

  beforeAll(async () => {
    const tenant = await createTenant(database().db, 'logs-up');
    tenantId = tenant.id;
    token = (await createIngestionToken('command-line', { tenantId, name: 'engine' })).token;
    const batch = {
      profiles: [{ id: 'p1', name: 'Sales' }],
      users: [{ email: 'ann@logs.test', name: 'Ann', profileId: 'p1' }],
      sessions: ['s1', 's2', 's3'].map((id, i) => ({ id, userEmail: 'ann@logs.test', startedAt: `2026-11-30T0${i}:00:00Z`, endedAt: `2026-11-30T0${i}:05:00Z`, status: 'error' })),
    };
    const response = await postBatch(new Request('http://panel.test/api/ingest/v1/batch', { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(batch) }));
    expect(response.status).toBe(200);
  });

  const sessionId = async (engineId: string) =>
    (await queryRows<{ id: string }>(database().db, sql`select id from sync_sessions where tenant_id = ${tenantId}::uuid and engine_id = ${engineId}`))[0]!.id;
  const chunkCount = async (engineId: string) =>
    (await queryRows<{ n: number }>(database().db, sql`select count(*)::int as n from sync_session_log_chunks where tenant_id = ${tenantId}::uuid and session_id = ${await sessionId(engineId)}::uuid`))[0]!.n;

  it('stores a multi-chunk log sent as plain text, with its lines, first error and error groups', async () => {
    const text = logText(6_000_000, 1);
    const response = await put(token, 's1', text);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ session: 's1', sizeBytes: Buffer.byteLength(text), lines: text.split('\n').length - 1, firstErrorLine: 1000 });
    expect(await storedLogText(database().db, tenantId, await sessionId('s1'))).toBe(text);
    expect(await chunkCount('s1')).toBeGreaterThan(1);
    const [session] = await queryRows<{ has_log: boolean }>(database().db, sql`select has_log from sync_sessions where id = ${await sessionId('s1')}::uuid`);
    expect(session!.has_log).toBe(true);
  });

  it('accepts a gzip body, and a new upload replaces the log and its chunks', async () => {
    const text = logText(1_500_000, 2);
    const response = await put(token, 's1', gzipSync(text), { 'content-encoding': 'gzip' });
    expect(response.status).toBe(200);
    expect(await storedLogText(database().db, tenantId, await sessionId('s1'))).toBe(text);
    const [kept] = await queryRows<{ n: number; uploads: number }>(
      database().db,
      sql`select count(*)::int as n, count(distinct upload_id)::int as uploads from sync_session_log_chunks where session_id = ${await sessionId('s1')}::uuid`,
    );
    expect(kept!.uploads).toBe(1);
  });

  it('keeps the previous log when an upload is not valid gzip, breaks off or is too large, and leaves no chunks behind', async () => {
    const before = await storedLogText(database().db, tenantId, await sessionId('s1'));
    const chunksBefore = await chunkCount('s1');
    const badGzip = await put(token, 's1', 'this is not gzip', { 'content-encoding': 'gzip' });
    expect(badGzip.status).toBe(400);
    expect((await badGzip.json()).error).toMatch(/not valid gzip/);
    await expect(put(token, 's1', breakingBody(Buffer.from(logText(400_000, 3))))).resolves.toBeDefined();
    const owner = { tenantId, sessionId: await sessionId('s1'), sessionStartedAt: new Date('2026-11-30T00:00:00Z') };
    await expect(uploadLog(database().ingestDb, owner, [Buffer.from(logText(200_000, 4))], 100_000)).rejects.toMatchObject({ status: 413 });
    expect(await storedLogText(database().db, tenantId, await sessionId('s1'))).toBe(before);
    expect(await chunkCount('s1')).toBe(chunksBefore);
    const [uploads] = await queryRows<{ n: number }>(database().db, sql`select count(*)::int as n from sync_session_log_uploads where tenant_id = ${tenantId}::uuid`);
    expect(uploads!.n).toBe(0);
  });

  it('answers 404 for a session the engine has not reported, 401 without a token, 415 for another encoding', async () => {
    const unknown = await put(token, 'no-such-session', 'text');
    expect(unknown.status).toBe(404);
    expect((await put('sap_wrong', 's2', 'text')).status).toBe(401);
    expect((await put(token, 's2', 'text', { 'content-encoding': 'br' })).status).toBe(415);
    const other = await createTenant(database().db, 'logs-other');
    const otherToken = (await createIngestionToken('command-line', { tenantId: other.id, name: 'engine' })).token;
    expect((await put(otherToken, 's2', 'text')).status).toBe(404);
  });

  it('sweeps the chunks of an upload whose process died, and only those', async () => {
    const db = database().db;
    const id = await sessionId('s2');
    const owner = { tenantId, sessionId: id, sessionStartedAt: new Date('2026-11-30T01:00:00Z') };
    // An upload that wrote a chunk and never finished, as a killed process leaves it.
    const pieces = (async function* () {
      yield Buffer.from(logText(6_000_000, 5));
      await new Promise(() => {}); // never ends
    })();
    void uploadLog(database().ingestDb, owner, pieces, 1 << 30).catch(() => {});
    for (let i = 0; i < 100 && (await chunkCount('s2')) === 0; i++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await chunkCount('s2')).toBeGreaterThan(0);
    expect(await sweepAbandonedUploads(database().ingestDb, 60_000)).toBe(0);
    await db.execute(sql`update sync_session_log_uploads set started_at = now() - interval '2 hours' where session_id = ${id}::uuid`);
    expect(await sweepAbandonedUploads(database().ingestDb, 60_000)).toBe(1);
    expect(await chunkCount('s2')).toBe(0);
    expect(await chunkCount('s1')).toBeGreaterThan(0);
  });

  it('zips a chunked log into an entry that unzip tests and inflates to the original bytes', async () => {
    const text = logText(2_500_000, 6);
    expect((await put(token, 's3', text)).status).toBe(200);
    const db = database().db;
    const [log] = await queryRows<{ upload_id: string; session_started_at: Date | string; size_bytes: string | number; deflated_bytes: string | number; crc32: string | number }>(
      db,
      sql`select upload_id, session_started_at, size_bytes, deflated_bytes, crc32 from sync_session_logs where session_id = ${await sessionId('s3')}::uuid`,
    );
    const stored = { tenantId, sessionId: await sessionId('s3'), sessionStartedAt: new Date(log!.session_started_at), uploadId: log!.upload_id };
    const parts: Uint8Array[] = [];
    const entries = (async function* () {
      yield { name: 's3.log', deflated: deflatedChunks(db, stored), deflatedBytes: Number(log!.deflated_bytes), crc32: Number(log!.crc32), size: Number(log!.size_bytes) };
    })();
    for await (const part of writeZip(entries)) parts.push(part);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `log-zip-${driver}-`));
    try {
      fs.writeFileSync(path.join(dir, 'log.zip'), Buffer.concat(parts));
      execFileSync('unzip', ['-tq', 'log.zip'], { cwd: dir });
      expect(execFileSync('unzip', ['-p', 'log.zip', 's3.log'], { cwd: dir, maxBuffer: 1 << 26 }).toString('utf8')).toBe(text);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
