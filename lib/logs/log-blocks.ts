// How a log is stored so that any line can be read without inflating what comes before it.
// The text is cut into blocks of about 64 KB, at a line's end when there is one; each block is
// deflated on its own and ends on a full flush, so inflating can start at any block, and the
// blocks one after the other (plus the final empty block) are still one valid DEFLATE stream —
// the ZIP download copies them as they are. Blocks are grouped into chunks of at most 1 MB,
// stored as rows; each chunk carries the index of its blocks.
//
// Lines are counted by newlines: line n (1-based) starts after the (n-1)th newline, so the
// block holding that newline is where reading line n starts, whatever the length of the lines.

/** A block ends at the first line end past this many bytes… */
export const BLOCK_TARGET_BYTES = 64 * 1024;
/** …or here, in the middle of a line longer than that. */
export const BLOCK_MAX_BYTES = 256 * 1024;
/** The compressed bytes of one chunk row (a block's compressed size is bounded by BLOCK_MAX_BYTES). */
export const CHUNK_MAX_DEFLATED_BYTES = 1024 * 1024;
/** Blocks per chunk, whatever the compression ratio: bounds the index read with a chunk. */
export const CHUNK_MAX_BLOCKS = 2048;
/** The final, empty DEFLATE block that closes the stream (after the last chunk's blocks). */
export const DEFLATE_END = Uint8Array.of(0x03, 0x00);

/** One block within its chunk: offsets relative to the chunk's start. */
export interface BlockEntry {
  /** Newlines in the chunk before this block. */
  newlinesBefore: number;
  uncompressedOffset: number;
  deflatedOffset: number;
}

const ENTRY_BYTES = 12;

export function packBlockIndex(entries: readonly BlockEntry[]): Buffer {
  const packed = Buffer.alloc(entries.length * ENTRY_BYTES);
  entries.forEach((entry, i) => {
    packed.writeUInt32LE(entry.newlinesBefore, i * ENTRY_BYTES);
    packed.writeUInt32LE(entry.uncompressedOffset, i * ENTRY_BYTES + 4);
    packed.writeUInt32LE(entry.deflatedOffset, i * ENTRY_BYTES + 8);
  });
  return packed;
}

export function unpackBlockIndex(packed: Uint8Array): BlockEntry[] {
  const view = Buffer.from(packed.buffer, packed.byteOffset, packed.byteLength);
  const entries: BlockEntry[] = [];
  for (let at = 0; at + ENTRY_BYTES <= view.length; at += ENTRY_BYTES) {
    entries.push({ newlinesBefore: view.readUInt32LE(at), uncompressedOffset: view.readUInt32LE(at + 4), deflatedOffset: view.readUInt32LE(at + 8) });
  }
  return entries;
}

/** A chunk row as written: its place in the log and its blocks. */
export interface LogChunk {
  chunkNo: number;
  /** Newlines in the log before this chunk. */
  newlinesBefore: number;
  uncompressedOffset: number;
  uncompressedBytes: number;
  newlines: number;
  deflated: Buffer;
  blocks: BlockEntry[];
}

/** What is known of a whole log once packed. */
export interface PackedLogFacts {
  sizeBytes: number;
  deflatedBytes: number;
  crc32: number;
  lineCount: number;
  chunkCount: number;
  firstErrorLine: number | null;
}

/** The number of lines of a text with this many newlines and bytes, ending as it ends. */
export const linesOf = (newlines: number, sizeBytes: number, endsWithNewline: boolean) =>
  sizeBytes === 0 ? 0 : newlines + (endsWithNewline ? 0 : 1);

/**
 * The block of a chunk where line `line` starts: the last block with fewer than line-1 newlines
 * before it holds the (line-1)th newline (the first block for line 1).
 */
export function blockForLine(blocks: readonly BlockEntry[], chunkNewlinesBefore: number, line: number): number {
  const wanted = line - 1 - chunkNewlinesBefore;
  let low = 0;
  let high = blocks.length - 1;
  let found = 0;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (blocks[middle]!.newlinesBefore < wanted) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}
