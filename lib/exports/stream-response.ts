import 'server-only';
// A download as a pull-based web stream over an async generator (lib/http/pull-stream.ts): the
// next batch is read only when the client wants more. Each download holds one of its admin's
// download slots until it ends, and a client that stops reading for DOWNLOAD_IDLE_TIMEOUT_MS is
// cut off, so its database connection is freed. The download is audited (record-download.ts)
// once its slot is taken, before the first byte.
import { env } from '@/config/env';
import { pullStream } from '@/lib/http/pull-stream';
import type { TenantViewer } from '@/lib/auth/viewer';
import { takeDownloadSlot } from './download-slots';
import { recordDownload, type DownloadAudit } from './record-download';
import { sanitizeFilename } from './filenames';
import { metrics } from '@/lib/metrics/metrics';

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
  const stream = pullStream(chunks, {
    idleTimeoutMs: env().DOWNLOAD_IDLE_TIMEOUT_MS,
    onEnd: (outcome) => {
      releaseSlot();
      metrics().downloadsEnded.inc({ outcome });
    },
    onChunk: countDownloadChunk(contentType),
    label: { filename },
  });
  return new Response(stream, {
    headers: {
      'content-type': contentType,
      'content-disposition': contentDisposition(filename),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}

/** Bytes of every download, and the records of a CSV (its CRLF line ends). */
export function countDownloadChunk(contentType: string): (bytes: Uint8Array) => void {
  const { downloadBytes, downloadRecords } = metrics();
  const csv = contentType.startsWith('text/csv');
  const kind = csv ? 'csv' : 'zip';
  let lastByte = 0; // a CRLF may straddle two pieces
  return (bytes) => {
    downloadBytes.inc({ kind }, bytes.byteLength);
    if (!csv || bytes.byteLength === 0) return;
    let records = 0;
    for (let i = bytes.indexOf(0x0a); i !== -1; i = bytes.indexOf(0x0a, i + 1)) if ((i > 0 ? bytes[i - 1] : lastByte) === 0x0d) records += 1;
    lastByte = bytes[bytes.byteLength - 1]!;
    if (records > 0) downloadRecords.inc(records);
  };
}

/** attachment; filename="ascii"; filename*=UTF-8''encoded (RFC 6266). */
export function contentDisposition(filename: string): string {
  const safe = sanitizeFilename(filename);
  const ascii = safe.normalize('NFKD').replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(safe)}`;
}
