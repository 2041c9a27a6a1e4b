import 'server-only';
// A response body as a pull-based web stream over an async generator: the next piece is made
// only when the client wants more, and a client abort ends the generator (its query) at once.
// A client that stops reading for `idleTimeoutMs` is cut off, so what the generator holds (a
// database connection, a slot) is freed. `onEnd` runs once, however the stream ends.
import { logger } from '@/lib/logger';

interface PullStreamOptions {
  idleTimeoutMs: number;
  /** `complete` when the generator finished, `aborted` when the client left or stopped reading. */
  onEnd: (outcome: 'complete' | 'aborted') => void;
  /** Each piece as it is handed to the client (counted by the metrics). */
  onChunk?: (bytes: Uint8Array) => void;
  /** Names the stream in the server log when its client stops reading. */
  label: Record<string, unknown>;
}

export function pullStream(chunks: AsyncGenerator<string | Uint8Array>, { idleTimeoutMs, onEnd, onChunk, label }: PullStreamOptions): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let idleTimer: NodeJS.Timeout | undefined;
  let ended = false;
  const stopIdleTimer = () => clearTimeout(idleTimer);
  const end = (outcome: 'complete' | 'aborted') => {
    stopIdleTimer();
    if (ended) return;
    ended = true;
    onEnd(outcome);
  };
  // Up to 1 MB read ahead: the database keeps producing while the socket drains, and memory
  // stays bounded (pull is called only while less than that is queued).
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        stopIdleTimer();
        try {
          const { value, done } = await chunks.next();
          if (done) {
            controller.close();
            end('complete');
            return;
          }
          const bytes = typeof value === 'string' ? encoder.encode(value) : value;
          controller.enqueue(bytes);
          onChunk?.(bytes);
          // The next pull comes when the client has read; if it does not come, the client has stopped.
          idleTimer = setTimeout(() => {
            logger().info({ ...label, idleTimeoutMs }, 'stream ended: the client stopped reading');
            controller.error(new Error('the client stopped reading'));
            end('aborted');
            void chunks.return(undefined);
          }, idleTimeoutMs);
        } catch (error) {
          controller.error(error);
          end('aborted');
        }
      },
      async cancel() {
        end('aborted');
        await chunks.return(undefined);
      },
    },
    new ByteLengthQueuingStrategy({ highWaterMark: 1 << 20 }),
  );
}
