// Packs a log as it arrives into the stored form of log-blocks.ts: blocks cut at line ends,
// deflated one by one, grouped into chunk rows handed to `onChunk` (awaited: a slow database
// slows the reading of the upload, nothing piles up in memory). While packing it counts the
// lines, computes the CRC-32 the ZIP needs, and groups the ERROR and WARN lines.
import { crc32 } from 'node:zlib';
import { BlockDeflater } from './block-deflater';
import {
  BLOCK_MAX_BYTES,
  BLOCK_TARGET_BYTES,
  CHUNK_MAX_BLOCKS,
  CHUNK_MAX_DEFLATED_BYTES,
  DEFLATE_END,
  linesOf,
  type BlockEntry,
  type LogChunk,
  type PackedLogFacts,
} from './log-blocks';
import { ErrorSummary, LEVEL_NEEDLES, LEVEL_WITHIN_BYTES, lineLevel, type ErrorPattern } from './log-levels';

const NEWLINE = 0x0a;
/** How much of a leveled line is read to learn its message. */
const LEVELED_LINE_READ_BYTES = 1000;
export class LogTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`The log is larger than ${maxBytes} bytes.`);
  }
}

export interface PackedLog extends PackedLogFacts {
  errorPatterns: ErrorPattern[];
}

export function countNewlines(bytes: Uint8Array, from = 0, to = bytes.length): number {
  let count = 0;
  for (let at = bytes.indexOf(NEWLINE, from); at !== -1 && at < to; at = bytes.indexOf(NEWLINE, at + 1)) count++;
  return count;
}

export class LogPacker {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private chunkParts: Buffer[] = [];
  private chunkBlocks: BlockEntry[] = [];
  private chunkDeflatedBytes = 0;
  private chunkUncompressedBytes = 0;
  private chunkNewlines = 0;
  private chunkNo = 0;
  private newlinesBeforeChunk = 0;
  private uncompressedBeforeChunk = 0;
  private deflatedTotal = 0;
  private crc = 0;
  private size = 0;
  private lastByte = -1;
  private readonly summary = new ErrorSummary();
  private readonly deflater = new BlockDeflater();

  constructor(
    private readonly onChunk: (chunk: LogChunk) => Promise<void>,
    private readonly maxBytes: number,
  ) {}

  async push(piece: Uint8Array): Promise<void> {
    if (piece.length === 0) return;
    if (this.size + this.pendingBytes + piece.length > this.maxBytes) throw new LogTooLargeError(this.maxBytes);
    this.pending.push(Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength));
    this.pendingBytes += piece.length;
    while (this.pendingBytes >= BLOCK_TARGET_BYTES) {
      const pending = this.pendingAsOne();
      const cut = blockEnd(pending);
      if (cut === -1) break;
      this.pending = cut < pending.length ? [pending.subarray(cut)] : [];
      this.pendingBytes -= cut;
      await this.addBlock(pending.subarray(0, cut));
    }
  }

  async finish(): Promise<PackedLog> {
    if (this.pendingBytes > 0) await this.addBlock(this.pendingAsOne());
    this.deflater.close();
    this.pending = [];
    this.pendingBytes = 0;
    this.chunkParts.push(Buffer.from(DEFLATE_END));
    this.chunkDeflatedBytes += DEFLATE_END.length;
    await this.emitChunk();
    const newlines = this.newlinesBeforeChunk;
    return {
      sizeBytes: this.size,
      deflatedBytes: this.deflatedTotal,
      crc32: this.crc >>> 0,
      lineCount: linesOf(newlines, this.size, this.lastByte === NEWLINE),
      chunkCount: this.chunkNo,
      firstErrorLine: this.summary.firstErrorLine,
      errorPatterns: this.summary.patternsByWeight(),
    };
  }

  /** Frees the compressor of a log that will not be finished (its upload failed). */
  dispose(): void {
    this.deflater.close();
  }

  private pendingAsOne(): Buffer {
    if (this.pending.length !== 1) this.pending = [Buffer.concat(this.pending)];
    return this.pending[0]!;
  }

  private async addBlock(block: Buffer): Promise<void> {
    const newlines = countNewlines(block);
    this.noteLeveledLines(block, this.newlinesBeforeChunk + this.chunkNewlines);
    this.crc = crc32(block, this.crc);
    this.size += block.length;
    this.lastByte = block[block.length - 1]!;
    const deflated = await this.deflater.deflate(block);
    const full = this.chunkDeflatedBytes + deflated.length > CHUNK_MAX_DEFLATED_BYTES || this.chunkBlocks.length >= CHUNK_MAX_BLOCKS;
    if (this.chunkBlocks.length > 0 && full) await this.emitChunk();
    this.chunkBlocks.push({ newlinesBefore: this.chunkNewlines, uncompressedOffset: this.chunkUncompressedBytes, deflatedOffset: this.chunkDeflatedBytes });
    this.chunkParts.push(deflated);
    this.chunkDeflatedBytes += deflated.length;
    this.chunkUncompressedBytes += block.length;
    this.chunkNewlines += newlines;
  }

  private async emitChunk(): Promise<void> {
    const chunk: LogChunk = {
      chunkNo: this.chunkNo,
      newlinesBefore: this.newlinesBeforeChunk,
      uncompressedOffset: this.uncompressedBeforeChunk,
      uncompressedBytes: this.chunkUncompressedBytes,
      newlines: this.chunkNewlines,
      deflated: Buffer.concat(this.chunkParts),
      blocks: this.chunkBlocks,
    };
    this.chunkNo += 1;
    this.newlinesBeforeChunk += this.chunkNewlines;
    this.uncompressedBeforeChunk += this.chunkUncompressedBytes;
    this.deflatedTotal += chunk.deflated.length;
    this.chunkParts = [];
    this.chunkBlocks = [];
    this.chunkDeflatedBytes = 0;
    this.chunkUncompressedBytes = 0;
    this.chunkNewlines = 0;
    await this.onChunk(chunk);
  }

  /** Finds the block's ERROR and WARN lines by their words first: most lines have neither. */
  private noteLeveledLines(block: Buffer, newlinesBeforeBlock: number): void {
    const lineStarts = new Set<number>();
    for (const needle of LEVEL_NEEDLES) {
      for (let at = block.indexOf(needle); at !== -1; at = block.indexOf(needle, at + needle.length)) {
        const lineStart = at === 0 ? 0 : block.lastIndexOf(NEWLINE, at - 1) + 1;
        if (at - lineStart <= LEVEL_WITHIN_BYTES) lineStarts.add(lineStart);
      }
    }
    if (lineStarts.size === 0) return;
    let counted = 0;
    let newlines = 0;
    for (const start of [...lineStarts].sort((a, b) => a - b)) {
      newlines += countNewlines(block, counted, start);
      counted = start;
      const end = block.indexOf(NEWLINE, start);
      const text = block.toString('utf8', start, Math.min(end === -1 ? block.length : end, start + LEVELED_LINE_READ_BYTES));
      const leveled = lineLevel(text);
      if (leveled) this.summary.add(newlinesBeforeBlock + newlines + 1, leveled);
    }
  }
}

/** Where the next block ends in the pending bytes, or -1 to wait for more. */
function blockEnd(pending: Buffer): number {
  const lineEnd = pending.indexOf(NEWLINE, BLOCK_TARGET_BYTES - 1);
  if (lineEnd !== -1 && lineEnd < BLOCK_MAX_BYTES) return lineEnd + 1;
  return pending.length >= BLOCK_MAX_BYTES ? BLOCK_MAX_BYTES : -1;
}

/** Packs a whole text held in memory (a small log sent inside a batch). */
export async function packText(text: Uint8Array, maxBytes: number): Promise<{ chunks: LogChunk[]; log: PackedLog }> {
  const chunks: LogChunk[] = [];
  const packer = new LogPacker(async (chunk) => void chunks.push(chunk), maxBytes);
  await packer.push(text);
  return { chunks, log: await packer.finish() };
}
