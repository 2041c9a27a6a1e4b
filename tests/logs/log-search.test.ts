import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packText } from '@/lib/logs/log-packer';
import { RunInflater, textFrom } from '@/lib/logs/log-reader';
import { searchRuns, type SearchMatch } from '@/lib/logs/log-search';
import { memoryChunkSource } from './memory-chunk-source';

/** What a line-by-line scan finds: the numbers of the lines holding the query, any case (ASCII). */
function plainMatches(text: string, query: string, from = 1): number[] {
  const lines = text.split('\n');
  if (text.endsWith('\n')) lines.pop();
  const wanted = query.toLowerCase();
  return lines.flatMap((line, i) => (i + 1 >= from && line.toLowerCase().includes(wanted) ? [i + 1] : []));
}

async function search(text: string, query: string, { from = 1, maxMatches = 1_000_000, runBytes = 64 * 1024 } = {}) {
  const { chunks } = await packText(Buffer.from(text, 'utf8'), 1 << 30);
  const source = memoryChunkSource(chunks);
  const matches: SearchMatch[] = [];
  let next: number | null = from;
  let requests = 0;
  // As the page does: continue from `next` until the end of the log.
  while (next !== null) {
    requests++;
    // As the search route reads: a scan, its runs inflated into the same buffers in turn.
    for await (const event of searchRuns(textFrom(source, next, runBytes, { scan: true }), query, next, { maxMatches, deadline: Number.MAX_SAFE_INTEGER })) {
      if (event.kind === 'match') matches.push(event.match);
      else next = event.nextLine;
    }
  }
  return { matches, requests };
}

const words = ['alpha', 'Beta', 'GAMMA', 'delta', 'Timeout', 'ERROR', 'record', '42', 'é', 'naïve', '日本'];
const lineArbitrary = fc.array(fc.constantFrom(...words), { maxLength: 12 }).map((parts) => parts.join(' '));
const textArbitrary = fc.tuple(fc.array(lineArbitrary, { minLength: 1, maxLength: 300 }), fc.integer({ min: 1, max: 200 })).map(([lines, repeat]) =>
  Array.from({ length: repeat }, (_, r) => lines.map((line, i) => `${r}:${i} ${line}`).join('\n')).join('\n') + '\n',
);

describe('log search', () => {
  it('finds every line holding the text, in any case, with spans on the text, across runs and requests', async () => {
    await fc.assert(
      fc.asyncProperty(
        textArbitrary,
        fc.constantFrom('alpha', 'BETA', 'gamma d', 'timeout', 'Error record', '42', 'a b', 'x-not-there'),
        fc.integer({ min: 1, max: 50 }),
        async (text, query, maxMatches) => {
          const { matches } = await search(text, query, { maxMatches });
          expect(matches.map((m) => m.line)).toEqual(plainMatches(text, query));
          for (const match of matches) {
            expect(match.spans.length).toBeGreaterThan(0);
            for (const [start, end] of match.spans) expect(match.text.slice(start, end).toLowerCase()).toBe(query.toLowerCase());
          }
        },
      ),
      { numRuns: 40 },
    );
  }, 120_000);

  it('finds text with non-ASCII characters and gives spans in characters', async () => {
    const text = 'first line\nune ligne naïve et NAÏVE\n日本 and 日本\n';
    const { matches } = await search(text, 'naïve');
    expect(matches).toEqual([{ line: 2, text: 'une ligne naïve et NAÏVE', spans: [[10, 15], [19, 24]] }]);
    const ascii = await search(text, 'AND');
    expect(ascii.matches).toEqual([{ line: 3, text: '日本 and 日本', spans: [[3, 6]] }]);
  });

  it('finds text in lines longer than a block, whose ends come in later runs, and on a last line without a newline', async () => {
    const long = `${'x'.repeat(300_000)}Needle${'y'.repeat(400_000)}needle`;
    const text = `first\n${long}\nafter needle\nlast NEEDLE`;
    for (const runBytes of [1, 4 * 1024, 1 << 20]) {
      const { matches } = await search(text, 'needle', { runBytes });
      // The long line is shown cut at 4 KB: its matches, further on, are found but not marked.
      expect(matches.map((m) => [m.line, m.spans.length])).toEqual([
        [2, 0],
        [3, 1],
        [4, 1],
      ]);
      expect(matches[1]).toEqual({ line: 3, text: 'after needle', spans: [[6, 12]] });
      expect(matches[2]).toEqual({ line: 4, text: 'last NEEDLE', spans: [[5, 11]] });
    }
    expect(plainMatches(text, 'needle')).toEqual([2, 3, 4]);
  });

  it('starts at the line asked for, and continues from where a capped request stopped', async () => {
    const text = Array.from({ length: 5_000 }, (_, i) => `line ${i + 1}${i % 10 === 0 ? ' needle' : ''}`).join('\n');
    const all = plainMatches(text, 'needle');
    expect((await search(text, 'NEEDLE', { from: 2_500 })).matches.map((m) => m.line)).toEqual(all.filter((line) => line >= 2_500));
    const capped = await search(text, 'needle', { maxMatches: 7 });
    expect(capped.matches.map((m) => m.line)).toEqual(all);
    expect(capped.requests).toBe(Math.ceil(all.length / 7) + (all.length % 7 === 0 ? 1 : 0));
  });

  it('stops at its time budget with the line to continue from', async () => {
    const text = Array.from({ length: 200_000 }, (_, i) => `line ${i + 1} ${(i * 7919) % 10007}`).join('\n');
    const { chunks } = await packText(Buffer.from(text), 1 << 30);
    const events = [];
    for await (const event of searchRuns(textFrom(memoryChunkSource(chunks), 1, 16 * 1024), 'nothing like this', 1, { maxMatches: 10, deadline: Date.now() - 1 })) events.push(event);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ kind: 'end' });
    const next = (events[0] as { nextLine: number }).nextLine;
    expect(next).toBeGreaterThan(1);
    expect(next).toBeLessThan(200_000);
  });

  it('scans a log of many runs in the same two buffers, and reads lines into buffers of their own', async () => {
    expect(new RunInflater(true).inPlace).toBe(true);
    const text = Array.from({ length: 100_000 }, (_, i) => `line ${i + 1} ${(i * 7919) % 10007} of a log read run after run`).join('\n') + '\n';
    const { chunks } = await packText(Buffer.from(text), 1 << 30);
    const memoryOf = async (scan: boolean) => {
      const buffers = new Set<ArrayBufferLike>();
      const texts: string[] = [];
      for await (const run of textFrom(memoryChunkSource(chunks), 1, 8 * 1024, { scan })) {
        buffers.add(run.text.buffer);
        texts.push(run.text.toString('latin1'));
      }
      return { buffers: buffers.size, runs: texts.length, text: texts.join('') };
    };
    const scanned = await memoryOf(true);
    expect(scanned.runs).toBeGreaterThan(20);
    expect(scanned.text).toBe(text);
    // Two buffers (the run read and the one read ahead), grown once or twice: not one per run.
    expect(scanned.buffers).toBeLessThanOrEqual(6);
    const read = await memoryOf(false);
    expect(read.text).toBe(text);
    expect(read.buffers).toBe(read.runs);
  });

  it('refuses a run that does not inflate to the size its index gives', async () => {
    const { chunks } = await packText(Buffer.from('a line of a log\n'.repeat(50_000)), 1 << 30);
    const source = memoryChunkSource(chunks);
    const lying = { ...source, chunk: async (no: number) => {
      const chunk = await source.chunk(no);
      return chunk && { ...chunk, blocks: chunk.blocks.map((block, i) => (i === 1 ? { ...block, uncompressedOffset: block.uncompressedOffset + 1 } : block)) };
    }, chunkForLine: async (line: number) => lying.chunk((await source.chunkForLine(line))?.chunkNo ?? -1) };
    const read = async () => {
      for await (const run of textFrom(lying, 1, 1, { scan: true })) void run;
    };
    await expect(read()).rejects.toThrow(/index gives/);
  });
});
