// Chunks kept in memory, read the way the database serves them: for the packer and reader tests.
import type { LogChunk } from '@/lib/logs/log-blocks';
import type { ChunkIndex, ChunkSource } from '@/lib/logs/log-reader';

export function memoryChunkSource(chunks: LogChunk[]): ChunkSource & { reads: number } {
  const index = (chunk: LogChunk): ChunkIndex => ({ chunkNo: chunk.chunkNo, newlinesBefore: chunk.newlinesBefore, newlines: chunk.newlines, uncompressedBytes: chunk.uncompressedBytes, deflatedBytes: chunk.deflated.length, blocks: chunk.blocks });
  const source = {
    reads: 0,
    async chunkForLine(line: number) {
      if (line === 1) return chunks[0] ? index(chunks[0]) : null;
      const found = chunks.filter((chunk) => chunk.newlinesBefore < line - 1).at(-1);
      return found ? index(found) : null;
    },
    async chunk(chunkNo: number) {
      return chunks[chunkNo] ? index(chunks[chunkNo]) : null;
    },
    async deflatedRange(chunkNo: number, offset: number, length: number, into: Buffer) {
      source.reads += 1;
      into.set(chunks[chunkNo]!.deflated.subarray(offset, offset + length));
    },
  };
  return source;
}
