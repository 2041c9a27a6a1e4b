// Deflates a log's blocks one by one, each ended by a full flush (log-blocks.ts). A full block
// goes through one zlib stream kept for the whole log, on libuv's threads: a big upload neither
// holds the event loop nor makes a compressor per block (a new one per 64 KB block churned
// through gigabytes of allocations for a 1 GB log, which the process kept as resident memory).
// A small block (a batch's log is a few kilobytes) is deflated at once: a thread's trip or a
// stream would cost more than the work.
import { constants, createDeflateRaw, deflateRawSync, type DeflateRaw } from 'node:zlib';

const SMALL_BLOCK_BYTES = 16 * 1024;

export class BlockDeflater {
  private stream: DeflateRaw | null = null;
  private output: Buffer[] = [];
  private failure: Error | null = null;

  async deflate(block: Buffer): Promise<Buffer> {
    if (block.length <= SMALL_BLOCK_BYTES) return deflateRawSync(block, { finishFlush: constants.Z_FULL_FLUSH });
    const stream = this.open();
    await new Promise<void>((resolve, reject) => stream.write(block, (error) => (error ? reject(error) : resolve())));
    // The flush's callback comes after its output has been handed to 'data'.
    await new Promise<void>((resolve) => stream.flush(constants.Z_FULL_FLUSH, resolve));
    if (this.failure) throw this.failure;
    const deflated = this.output.length === 1 ? this.output[0]! : Buffer.concat(this.output);
    this.output = [];
    return deflated;
  }

  /** Frees the compressor (at the log's end, or when its upload fails). */
  close(): void {
    this.stream?.close();
    this.stream = null;
  }

  private open(): DeflateRaw {
    if (this.stream) return this.stream;
    const stream = createDeflateRaw({ chunkSize: 64 * 1024 });
    stream.on('data', (piece: Buffer) => this.output.push(piece));
    stream.on('error', (error) => (this.failure = error));
    this.stream = stream;
    return stream;
  }
}
