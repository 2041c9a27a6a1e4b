// A download as a pull-based web stream over an async generator: the next batch is read only
// when the client wants more, and a client abort ends the generator (its query) at once.
import { sanitizeFilename } from './filenames';

export function streamDownload(chunks: AsyncGenerator<string | Uint8Array>, { filename, contentType }: { filename: string; contentType: string }): Response {
  const encoder = new TextEncoder();
  // Up to 1 MB read ahead: the database keeps producing while the socket drains, and memory
  // stays bounded (pull is called only while less than that is queued).
  const stream = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const { value, done } = await chunks.next();
          if (done) controller.close();
          else controller.enqueue(typeof value === 'string' ? encoder.encode(value) : value);
        } catch (error) {
          controller.error(error);
        }
      },
      async cancel() {
        await chunks.return(undefined);
      },
    },
    new ByteLengthQueuingStrategy({ highWaterMark: 1 << 20 }),
  );
  return new Response(stream, {
    headers: {
      'content-type': contentType,
      'content-disposition': contentDisposition(filename),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}

/** attachment; filename="ascii"; filename*=UTF-8''encoded (RFC 6266). */
export function contentDisposition(filename: string): string {
  const safe = sanitizeFilename(filename);
  const ascii = safe.normalize('NFKD').replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(safe)}`;
}
