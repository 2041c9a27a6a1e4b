// Reads a stored log from any line on, inflating only the blocks from there (log-blocks.ts).
// Where the chunks come from is a ChunkSource: the database (log-store.ts) or, in tests, memory.
import { promisify } from 'node:util';
import { constants, inflateRaw } from 'node:zlib';
import { blockForLine, unpackBlockIndex, type BlockEntry } from './log-blocks';

// The output in one piece of the run's known size (and a little room, so zlib does not take a
// second one to find it has finished): with zlib's default 16 KB pieces, assembling a run's text
// cost three times the inflating itself (462 ms against 132 ms for 68 MB), and any assembling
// doubles the memory a scan churns through.
const inflateOnThread = promisify((input: Buffer, chunkSize: number, done: (error: Error | null, result: Buffer) => void) =>
  inflateRaw(input, { finishFlush: constants.Z_SYNC_FLUSH, chunkSize }, done),
);
const inflateRun = (input: Buffer, size: number) => inflateOnThread(input, Math.max(64, size + 1024));

export interface ChunkIndex {
  chunkNo: number;
  newlinesBefore: number;
  newlines: number;
  uncompressedBytes: number;
  deflatedBytes: number;
  blocks: BlockEntry[];
}

export interface ChunkSource {
  /** The chunk where line `line` (1-based) starts, or null past the log's end. */
  chunkForLine(line: number): Promise<ChunkIndex | null>;
  /** The chunk numbered so, or null past the last. */
  chunk(chunkNo: number): Promise<ChunkIndex | null>;
  deflatedRange(chunkNo: number, offset: number, length: number): Promise<Buffer>;
}

/** Consecutive inflated text and the number of newlines in the log before it and at its end. */
export interface TextRun {
  text: Buffer;
  newlinesBefore: number;
  newlinesAfter: number;
}

/** The index as a source keeps it, unpacked. */
export function chunkIndexFromRow(row: { chunk_no: number; newlines_before: number | string; newlines: number; uncompressed_bytes: number; deflated_bytes: number; blocks: Uint8Array }): ChunkIndex {
  return {
    chunkNo: row.chunk_no,
    newlinesBefore: Number(row.newlines_before),
    newlines: row.newlines,
    uncompressedBytes: row.uncompressed_bytes,
    deflatedBytes: row.deflated_bytes,
    blocks: unpackBlockIndex(row.blocks),
  };
}

/** Where a run's compressed bytes are, and the newlines before and at the end of its text. */
interface RunPlace {
  chunkNo: number;
  start: number;
  length: number;
  /** The run's text's size. */
  size: number;
  newlinesBefore: number;
  newlinesAfter: number;
}

/** The runs from the block where `line` starts to the end of the log, as places to read. */
async function* runPlaces(source: ChunkSource, line: number, runBytes: number): AsyncGenerator<RunPlace> {
  let chunk = await source.chunkForLine(line);
  if (!chunk) return;
  let block = blockForLine(chunk.blocks, chunk.newlinesBefore, line);
  while (chunk) {
    while (block < chunk.blocks.length) {
      const start = chunk.blocks[block]!.deflatedOffset;
      let last = block;
      while (last + 1 < chunk.blocks.length && chunk.blocks[last + 1]!.deflatedOffset - start < runBytes) last++;
      const end = last + 1 < chunk.blocks.length ? chunk.blocks[last + 1]!.deflatedOffset : chunk.deflatedBytes;
      const newlinesAtEnd = last + 1 < chunk.blocks.length ? chunk.blocks[last + 1]!.newlinesBefore : chunk.newlines;
      const textEnd = last + 1 < chunk.blocks.length ? chunk.blocks[last + 1]!.uncompressedOffset : chunk.uncompressedBytes;
      yield { chunkNo: chunk.chunkNo, start, length: end - start, size: textEnd - chunk.blocks[block]!.uncompressedOffset, newlinesBefore: chunk.newlinesBefore + chunk.blocks[block]!.newlinesBefore, newlinesAfter: chunk.newlinesBefore + newlinesAtEnd };
      block = last + 1;
    }
    chunk = await source.chunk(chunk.chunkNo + 1);
    block = 0;
  }
}

/**
 * The log's text from the block where `line` starts to the end, in runs of whole blocks of at
 * most `runBytes` compressed bytes (at least one block): small for a screen of lines, large for
 * a scan. The next run is read and inflated while the caller works on this one (the database
 * and zlib's thread work beside the search), never more than one ahead.
 */
export async function* textFrom(source: ChunkSource, line: number, runBytes: number): AsyncGenerator<TextRun> {
  const places = runPlaces(source, line, runBytes);
  const load = (place: RunPlace): Promise<TextRun> =>
    source
      .deflatedRange(place.chunkNo, place.start, place.length)
      .then((deflated) => inflateRun(deflated, place.size))
      .then((text) => ({ text, newlinesBefore: place.newlinesBefore, newlinesAfter: place.newlinesAfter }));
  const ahead = async (): Promise<Promise<TextRun> | null> => {
    const next = await places.next();
    if (next.done) return null;
    const loading = load(next.value);
    // Read ahead and perhaps never awaited (the caller stopped): its failure is not unhandled.
    loading.catch(() => {});
    return loading;
  };
  let pending = await ahead();
  try {
    while (pending) {
      const run = await pending;
      pending = await ahead();
      yield run;
    }
  } finally {
    await places.return(undefined);
  }
}

export interface LogLine {
  number: number;
  text: string;
  /** The line was longer than what is shown of it. */
  truncated: boolean;
}

/** How much of one line is shown: a log line of megabytes is not for reading on a screen. */
export const LINE_MAX_BYTES = 4096;
const NEWLINE = 0x0a;

/** Calls `take` with each line from line `from` on, until it returns false or the log ends. */
export async function eachLine(runs: AsyncIterable<TextRun>, from: number, take: (line: LogLine) => boolean): Promise<void> {
  let number = 0; // the line being read; 0 until the first run says where it is
  let parts: Buffer[] = [];
  let partBytes = 0;
  let truncated = false;
  const emit = (): boolean => {
    const keep = number >= from ? take({ number, text: Buffer.concat(parts).toString('utf8'), truncated }) : true;
    parts = [];
    partBytes = 0;
    truncated = false;
    number += 1;
    return keep;
  };
  const collect = (bytes: Buffer) => {
    if (number < from) return;
    const room = LINE_MAX_BYTES - partBytes;
    if (bytes.length > room) truncated = true;
    if (room > 0 && bytes.length > 0) {
      const kept = bytes.subarray(0, room);
      parts.push(kept);
      partBytes += kept.length;
    }
  };
  for await (const run of runs) {
    if (number === 0) number = run.newlinesBefore + 1;
    let at = 0;
    // Lines before `from` are skipped by counting newlines, without decoding them.
    while (number < from) {
      const end = run.text.indexOf(NEWLINE, at);
      if (end === -1) break;
      number += 1;
      at = end + 1;
    }
    if (number < from) continue;
    for (;;) {
      const end = run.text.indexOf(NEWLINE, at);
      if (end === -1) {
        collect(run.text.subarray(at));
        break;
      }
      collect(run.text.subarray(at, end));
      at = end + 1;
      if (!emit()) return;
    }
  }
  // The last line, when the log does not end with a newline.
  if (number >= from && partBytes > 0) emit();
}

/** Up to `count` lines from line `from` (1-based). */
export async function readLines(source: ChunkSource, from: number, count: number): Promise<LogLine[]> {
  const lines: LogLine[] = [];
  if (count <= 0) return lines;
  // One block at a time: a screen of lines is usually inside one.
  await eachLine(textFrom(source, from, 1), from, (line) => lines.push(line) < count);
  return lines;
}
