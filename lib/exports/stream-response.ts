import 'server-only';
// A download as a pull-based web stream over an async generator: the next batch is read only
// when the client wants more, and a client abort ends the generator (its query) at once. Each
// download holds one of its admin's download slots until it ends, and a client that stops
// reading for DOWNLOAD_IDLE_TIMEOUT_MS is cut off, so its database connection is freed. The
// download is audited (record-download.ts) once its slot is taken, before the first byte.
import { env } from '@/config/env';
import { logger } from '@/lib/logger';
import type { TenantViewer } from '@/lib/auth/viewer';
import { takeDownloadSlot } from './download-slots';
import { recordDownload, type DownloadAudit } from './record-download';
import { sanitizeFilename } from './filenames';

interface DownloadOptions {
  filename: string;
  contentType: string;
  /** The admin downloading (their slots, the audit's actor). */
  viewer: TenantViewer;
  audit: DownloadAudit;
}

export async function streamDownload(chunks: AsyncGenerator<string | Uint8Array>, { filename, contentType, viewer, audit }: DownloadOptions): Promise<Response> {
  const releaseSlot = takeDownloadSlot(viewer.adminId);
  try {
    await recordDownload(viewer, filename, audit);
  } catch (error) {
    releaseSlot();
    await chunks.return(undefined);
    throw error;
  }
  const idleTimeoutMs = env().DOWNLOAD_IDLE_TIMEOUT_MS;
  const encoder = new TextEncoder();
  let idleTimer: NodeJS.Timeout | undefined;
  const stopIdleTimer = () => clearTimeout(idleTimer);
  const end = () => {
    stopIdleTimer();
    releaseSlot();
  };
  // Up to 1 MB read ahead: the database keeps producing while the socket drains, and memory
  // stays bounded (pull is called only while less than that is queued).
  const stream = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        stopIdleTimer();
        try {
          const { value, done } = await chunks.next();
          if (done) {
            controller.close();
            end();
            return;
          }
          controller.enqueue(typeof value === 'string' ? encoder.encode(value) : value);
          // The next pull comes when the client has read; if it does not come, the client has stopped.
          idleTimer = setTimeout(() => {
            logger().info({ filename, idleTimeoutMs }, 'download ended: the client stopped reading');
            controller.error(new Error('the client stopped reading'));
            end();
            void chunks.return(undefined);
          }, idleTimeoutMs);
        } catch (error) {
          controller.error(error);
          end();
        }
      },
      async cancel() {
        end();
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
