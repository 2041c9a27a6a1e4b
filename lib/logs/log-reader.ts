// Reads a stored log from any line on, inflating only the blocks from there (log-blocks.ts).
// Where the chunks come from is a ChunkSource: the database (log-store.ts) or, in tests, memory.
import { constants, createInflateRaw, inflateRawSync, type InflateRaw } from 'node:zlib';
import { blockForLine, unpackBlockIndex, type BlockEntry } from './log-blocks';

/** The native zlib stream under Node's InflateRaw: what Node's own zlibBufferSync calls. */
interface ZlibHandle {
  writeSync(flush: number, input: Buffer, inOffset: number, inLength: number, output: Buffer, outOffset: number, outLength: number): void;
  reset(): void;
}

/**
 * Inflates the runs of one read on this thread, with one zlib stream, straight into buffers it
 * keeps: an input buffer the compressed bytes are decoded into, and (for a scan) two output
 * buffers taken in turn — the run the caller reads and the one read ahead. A scan of a gigabyte
 * then allocates a few megabytes once: with zlib's own inflate, each run was a new buffer, and
 * the garbage between two collections grew the server by 120 MB and more (BENCHMARKS.md).
 * Node's zlib writes only into buffers it allocates, except through the stream's handle, the
 * way Node's own synchronous zlib functions use it; where that handle is not there (a Node
 * that changed it), runs are inflated by inflateRawSync, correct but allocating.
 *
 * Without `reuseOutput` each run gets a buffer of its own: eachLine keeps the end of a run (a
 * line that goes on in the next) while the run after it is read. With it, the caller must be
 * done with a run when it asks for the one after the next (searchRuns copies what it keeps).
 */
export class RunInflater {
  private readonly stream: InflateRaw = createInflateRaw();
  private readonly handle: ZlibHandle | null;
  private readonly state: Uint32Array | null;
  private input = Buffer.alloc(0);
  private readonly outputs = [Buffer.alloc(0), Buffer.alloc(0)];
  private turn = 0;
  private closed = false;

  constructor(private readonly reuseOutput: boolean) {
    const internals = this.stream as unknown as { _handle?: Partial<ZlibHandle>; _writeState?: Uint32Array };
    const usable = typeof internals._handle?.writeSync === 'function' && typeof internals._handle.reset === 'function' && internals._writeState instanceof Uint32Array;
    this.handle = usable ? (internals._handle as ZlibHandle) : null;
    this.state = usable ? internals._writeState! : null;
    // A corrupt run destroys the stream with its error (checked after each write, below); the
    // event that follows must not go unheard.
    this.stream.on('error', () => {});
  }

  /** Whether runs are inflated in place (the handle is there), for the test that guards it. */
  get inPlace(): boolean {
    return this.handle !== null;
  }

  /** The buffer a run's `size` compressed bytes are read into. */
  inputOf(size: number): Buffer {
    if (this.input.length < size) this.input = Buffer.allocUnsafe(size + (size >> 1));
    return this.input;
  }

  /** The run's text: exactly `size` bytes, or an error (a corrupt or mis-indexed chunk). */
  inflate(input: Buffer, size: number): Buffer {
    // A run read ahead may arrive after the reader stopped: its stream is gone.
    if (this.closed) throw new Error('the log reader was closed');
    if (!this.handle || !this.state) return checkedSize(inflateRawSync(input, { finishFlush: constants.Z_SYNC_FLUSH }), size);
    if (this.stream.errored) throw this.stream.errored;
    // One byte of room past the size: more text than the index says shows as a wrong size.
    const output = this.outputFor(size + 1);
    this.handle.writeSync(constants.Z_SYNC_FLUSH, input, 0, input.length, output, 0, size + 1);
    if (this.stream.errored) throw this.stream.errored;
    const produced = size + 1 - this.state[0]!;
    const unread = this.state[1]!;
    // Each run starts after a full flush: no history is needed, and a reset readies the stream
    // for a run from anywhere in the log.
    this.handle.reset();
    if (unread !== 0) throw new Error(`a run of the log did not inflate to the size its index gives (${unread} compressed bytes left)`);
    return checkedSize(output.subarray(0, produced), size);
  }

  close(): void {
    this.closed = true;
    this.stream.close();
  }

  private outputFor(size: number): Buffer {
    if (!this.reuseOutput) return Buffer.allocUnsafe(size);
    const index = this.turn;
    this.turn = 1 - index;
    // With room to spare: runs differ in size, and growing to each new largest one would
    // allocate anew run after run.
    if (this.outputs[index]!.length < size) this.outputs[index] = Buffer.allocUnsafe(size + (size >> 1));
    return this.outputs[index]!;
  }
}

function checkedSize(text: Buffer, size: number): Buffer {
  if (text.length !== size) throw new Error(`a run of the log inflated to ${text.length} bytes, not the ${size} its index gives`);
  return text;
}

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
  /** Writes the chunk's compressed bytes from `offset` into `into` (at least `length` long). */
  deflatedRange(chunkNo: number, offset: number, length: number, into: Buffer): Promise<void>;
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
 * a scan. The next run is read while the caller works on this one (the database works beside
 * the search), never more than one ahead. `scan`: the runs are inflated into the same memory
 * run after run (RunInflater), and the caller is done with each when it asks for the next.
 */
export async function* textFrom(source: ChunkSource, line: number, runBytes: number, { scan = false }: { scan?: boolean } = {}): AsyncGenerator<TextRun> {
  const places = runPlaces(source, line, runBytes);
  const inflater = new RunInflater(scan);
  const load = async (place: RunPlace): Promise<TextRun> => {
    const input = inflater.inputOf(place.length);
    await source.deflatedRange(place.chunkNo, place.start, place.length, input);
    return { text: inflater.inflate(input.subarray(0, place.length), place.size), newlinesBefore: place.newlinesBefore, newlinesAfter: place.newlinesAfter };
  };
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
    inflater.close();
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
