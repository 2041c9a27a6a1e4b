import 'server-only';
// Reads a request body up to a limit, refusing a larger one (413) before it is read whole:
// by its Content-Length when declared, else as soon as the stream passes the limit. A body that
// has not arrived whole within `timeoutMs` is refused too (408): a slow upload must not hold
// what it was given (an ingestion slot) for ever.
import { byteSize } from '@/lib/text/byte-size';
import { HttpError } from './errors';


export async function readLimitedBody(request: Request, maxBytes: number, { timeoutMs }: { timeoutMs: number }): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  const tooLarge = () => new HttpError(413, `The body is larger than ${byteSize(maxBytes)}.`);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();

  async function readAll(): Promise<Uint8Array> {
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => {});
        throw tooLarge();
      }
      chunks.push(value);
    }
    const body = new Uint8Array(total);
    let offset = 0;
    for (const chunk of chunks) {
      body.set(chunk, offset);
      offset += chunk.byteLength;
    }
    return body;
  }

  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      void reader.cancel().catch(() => {});
      reject(new HttpError(408, `The body did not arrive within ${Math.round(timeoutMs / 1000)} s; send it again.`));
    }, timeoutMs);
  });
  try {
    return await Promise.race([readAll(), deadline]);
  } finally {
    clearTimeout(timer);
  }
}
