import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { afterAll, expect, it } from 'vitest';
import { writeZip, type ZipEntry, type ZipOptions } from '@/lib/exports/zip-writer';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zip-writer-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function zipFile(name: string, entries: () => AsyncGenerator<ZipEntry>, options?: ZipOptions): Promise<string> {
  const file = path.join(dir, name);
  const parts: Uint8Array[] = [];
  for await (const part of writeZip(entries(), options)) parts.push(part);
  fs.writeFileSync(file, Buffer.concat(parts));
  return file;
}

function storedEntry(name: string, text: string): ZipEntry {
  const bytes = Buffer.from(text, 'utf8');
  const deflated = deflateRawSync(bytes);
  // Handed over in pieces, as chunk rows are.
  async function* pieces() {
    for (let at = 0; at < deflated.length; at += 7) yield deflated.subarray(at, at + 7);
  }
  return { name, deflated: pieces(), deflatedBytes: deflated.length, crc32: crc32(bytes), size: bytes.length };
}

const unzipTest = (file: string) => execFileSync('unzip', ['-tq', file]).toString();
const unzipText = (file: string, entry: string) => execFileSync('unzip', ['-p', file, entry]).toString('utf8');

it('writes ZIP64 records that unzip reads, for copied and streamed entries', async () => {
  const file = await zipFile(
    'zip64.zip',
    async function* () {
      yield storedEntry('logs/a.log', 'line 1\nline 2\n');
      yield { name: 'sessions.csv', stream: (async function* () { yield 'a,b\r\n'; yield '1,2\r\n'; })() };
    },
    { zip64: 'always' },
  );
  expect(unzipTest(file)).toMatch(/No errors detected/);
  expect(unzipText(file, 'logs/a.log')).toBe('line 1\nline 2\n');
  expect(unzipText(file, 'sessions.csv')).toBe('a,b\r\n1,2\r\n');
  // The ZIP64 end of central directory record is there.
  expect(fs.readFileSync(file).includes(Buffer.from([0x50, 0x4b, 0x06, 0x06]))).toBe(true);
});

it('writes more than 65,535 entries with the ZIP64 end records, and fewer without them', async () => {
  const many = await zipFile('many.zip', async function* () {
    for (let i = 0; i < 66_000; i++) yield storedEntry(`logs/${i}.log`, `log ${i}\n`);
  });
  expect(unzipTest(many)).toMatch(/No errors detected/);
  expect(execFileSync('unzip', ['-l', many], { maxBuffer: 1 << 26 }).toString()).toMatch(/66000 files/);
  expect(unzipText(many, 'logs/65999.log')).toBe('log 65999\n');
  const few = await zipFile('few.zip', async function* () {
    yield storedEntry('a.log', 'a\n');
  });
  expect(fs.readFileSync(few).includes(Buffer.from([0x50, 0x4b, 0x06, 0x06]))).toBe(false);
}, 60_000);

it('fails an entry whose stored bytes differ from the announced size rather than writing a corrupt ZIP', async () => {
  const entry = storedEntry('a.log', 'abc\n') as Extract<ZipEntry, { deflated: unknown }>;
  const consume = async () => {
    for await (const part of writeZip((async function* () { yield { ...entry, deflatedBytes: entry.deflatedBytes + 1 }; })())) void part;
  };
  await expect(consume()).rejects.toThrow(/announced/);
});
