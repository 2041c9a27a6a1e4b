import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { crc32, inflateRawSync } from 'node:zlib';
import { BLOCK_MAX_BYTES, CHUNK_MAX_DEFLATED_BYTES } from '@/lib/logs/log-blocks';
import { LogTooLargeError, packText, LogPacker } from '@/lib/logs/log-packer';
import { LINE_MAX_BYTES, readLines } from '@/lib/logs/log-reader';
import { memoryChunkSource } from './memory-chunk-source';

/** What a plain split says lines from..from+count-1 are. */
function plainLines(text: string, from: number, count: number) {
  const all = text.split('\n');
  if (text.endsWith('\n')) all.pop();
  if (text === '') all.length = 0;
  return all.slice(from - 1, from - 1 + count).map((line, i) => {
    const bytes = Buffer.from(line, 'utf8');
    return { number: from + i, text: bytes.subarray(0, LINE_MAX_BYTES).toString('utf8'), truncated: bytes.length > LINE_MAX_BYTES };
  });
}

// Lines of every kind: empty, short, a few kilobytes, now and then one longer than a block.
const lineArbitrary = fc.oneof(
  { weight: 20, arbitrary: fc.string({ maxLength: 120 }).map((s) => s.replace(/\n/g, ' ')) },
  { weight: 3, arbitrary: fc.constant('') },
  { weight: 2, arbitrary: fc.integer({ min: 1_000, max: 20_000 }).map((n) => `x${n} `.repeat(Math.ceil(n / 7)).slice(0, n)) },
  { weight: 1, arbitrary: fc.integer({ min: BLOCK_MAX_BYTES, max: BLOCK_MAX_BYTES * 2 }).map((n) => 'L'.repeat(n)) },
);
const textArbitrary = fc
  .tuple(fc.array(lineArbitrary, { maxLength: 400 }), fc.integer({ min: 1, max: 40 }), fc.boolean())
  .map(([lines, repeat, endsWithNewline]) => {
    const body = Array.from({ length: repeat }, (_, r) => lines.map((line, i) => `${r}.${i} ${line}`).join('\n')).join('\n');
    return body === '' ? '' : endsWithNewline ? `${body}\n` : body;
  });

describe('log packer and reader', () => {
  it('reads any range of lines as a plain split of the text does, and the blocks inflate to the text', async () => {
    await fc.assert(
      fc.asyncProperty(textArbitrary, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 300 })), { minLength: 1, maxLength: 6 }), async (text, ranges) => {
        const bytes = Buffer.from(text, 'utf8');
        const { chunks, log } = await packText(bytes, 1 << 30);
        expect(log.sizeBytes).toBe(bytes.length);
        expect(log.crc32).toBe(crc32(bytes));
        expect(chunks.every((chunk) => chunk.deflated.length <= CHUNK_MAX_DEFLATED_BYTES + 2)).toBe(true);
        const whole = Buffer.concat(chunks.map((chunk) => chunk.deflated));
        expect(whole.length).toBe(log.deflatedBytes);
        expect(inflateRawSync(whole).equals(bytes)).toBe(true);
        const lineCount = plainLines(text, 1, Number.MAX_SAFE_INTEGER).length;
        expect(log.lineCount).toBe(lineCount);
        const source = memoryChunkSource(chunks);
        for (const [start, count] of ranges) {
          const from = 1 + (start % (lineCount + 2));
          expect(await readLines(source, from, count)).toEqual(plainLines(text, from, count));
        }
      }),
      { numRuns: 60 },
    );
  }, 120_000);

  it('reads a line deep in a large log by inflating only the blocks around it', async () => {
    const lines = Array.from({ length: 200_000 }, (_, i) => `2026-11-30T10:00:00Z INFO  line ${i + 1}: ${((i * 2654435761) % 4294967296).toString(36)} ${((i * 40503) % 65536).toString(16)}`);
    const { chunks } = await packText(Buffer.from(`${lines.join('\n')}\n`), 1 << 30);
    expect(chunks.length).toBeGreaterThan(1);
    const source = memoryChunkSource(chunks);
    const read = await readLines(source, 150_000, 3);
    expect(read.map((line) => line.text)).toEqual(lines.slice(149_999, 150_002));
    expect(source.reads).toBeLessThanOrEqual(2);
  });

  it('finds the first ERROR line and groups errors and warnings by message pattern', async () => {
    const text = [
      '2026-11-30T10:00:00Z INFO  Session started',
      '2026-11-30T10:00:01Z WARN  Emails: retrying after HTTP 503, attempt 1',
      `${'no level here: a long line whose level word comes too late '.repeat(2)}ERROR`,
      '2026-11-30T10:00:02Z ERROR Salesforce rejected record 0015g00000AbCdE: "Name too long"',
      '2026-11-30T10:00:03Z WARN  Emails: retrying after HTTP 429, attempt 2',
      '2026-11-30T10:00:04Z ERROR Salesforce rejected record 0015g00000XyZzZ: "Missing field"',
      '[main] FATAL: out of memory',
      'ERRORS are not a level',
    ].join('\n');
    const { log } = await packText(Buffer.from(text), 1 << 20);
    expect(log.firstErrorLine).toBe(4);
    expect(log.errorPatterns).toEqual([
      { level: 'error', pattern: 'Salesforce rejected record <id>: "…"', count: 2, firstLine: 4, example: 'Salesforce rejected record 0015g00000AbCdE: "Name too long"' },
      { level: 'error', pattern: 'out of memory', count: 1, firstLine: 7, example: 'out of memory' },
      { level: 'warn', pattern: 'Emails: retrying after HTTP #, attempt #', count: 2, firstLine: 2, example: 'Emails: retrying after HTTP 503, attempt 1' },
    ]);
  });

  it('stops a log past its limit before packing more', async () => {
    const packer = new LogPacker(async () => {}, 100_000);
    await packer.push(Buffer.alloc(60_000, 0x61));
    await expect(packer.push(Buffer.alloc(60_000, 0x61))).rejects.toBeInstanceOf(LogTooLargeError);
  });

  it('packs an empty log as one chunk holding the end of the stream', async () => {
    const { chunks, log } = await packText(new Uint8Array(), 10);
    expect(log).toMatchObject({ sizeBytes: 0, lineCount: 0, chunkCount: 1, firstErrorLine: null });
    expect(inflateRawSync(chunks[0]!.deflated).length).toBe(0);
    expect(await readLines(memoryChunkSource(chunks), 1, 10)).toEqual([]);
  });
});
