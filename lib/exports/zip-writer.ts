// A streaming ZIP writer (DEFLATE entries, no ZIP64). Logs are stored deflate-compressed with
// their CRC-32, so their entries are copied as they are — no compression at download time.
// A streamed entry (the CSV) is deflated on the fly and closed with a data descriptor.
import { crc32, createDeflateRaw } from 'node:zlib';

/** `modifiedAt` is the entry's date in the archive (UTC; 1980-01-01 when absent). */
export type ZipEntry =
  | { name: string; modifiedAt?: Date; deflated: Uint8Array; crc32: number; size: number }
  | { name: string; modifiedAt?: Date; stream: AsyncIterable<string | Uint8Array> };

interface CentralRecord {
  name: Uint8Array;
  time: DosTime;
  flags: number;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

export const MAX_ZIP_ENTRIES = 65_000;
const UTF8_FLAG = 0x0800;
const DESCRIPTOR_FLAG = 0x0008;
const DEFLATE = 8;
interface DosTime {
  time: number;
  date: number;
}

// DOS dates start in 1980 and count seconds in twos; ZIP tools read them as local time, so the
// panel writes UTC (the time zone of every time in its files).
const DOS_EPOCH: DosTime = { time: 0, date: (0 << 9) | (1 << 5) | 1 };

export function dosTime(at: Date | undefined): DosTime {
  if (!at || at.getUTCFullYear() < 1980 || at.getUTCFullYear() > 2107) return DOS_EPOCH;
  return {
    time: (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | (at.getUTCSeconds() >> 1),
    date: ((at.getUTCFullYear() - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate(),
  };
}

function localHeader(name: Uint8Array, at: DosTime, flags: number, crc: number, compressed: number, size: number): Uint8Array {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(flags, 6);
  header.writeUInt16LE(DEFLATE, 8);
  header.writeUInt16LE(at.time, 10);
  header.writeUInt16LE(at.date, 12);
  header.writeUInt32LE(crc >>> 0, 14);
  header.writeUInt32LE(compressed, 18);
  header.writeUInt32LE(size, 22);
  header.writeUInt16LE(name.length, 26);
  header.writeUInt16LE(0, 28);
  return Buffer.concat([header, name]);
}

function centralHeader(r: CentralRecord): Uint8Array {
  const header = Buffer.alloc(46);
  header.writeUInt32LE(0x02014b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(20, 6);
  header.writeUInt16LE(r.flags, 8);
  header.writeUInt16LE(DEFLATE, 10);
  header.writeUInt16LE(r.time.time, 12);
  header.writeUInt16LE(r.time.date, 14);
  header.writeUInt32LE(r.crc >>> 0, 16);
  header.writeUInt32LE(r.compressed, 20);
  header.writeUInt32LE(r.size, 24);
  header.writeUInt16LE(r.name.length, 28);
  header.writeUInt32LE(r.offset, 42);
  return Buffer.concat([header, r.name]);
}

async function* deflateStream(source: AsyncIterable<string | Uint8Array>, totals: { crc: number; size: number; compressed: number }): AsyncGenerator<Uint8Array> {
  const deflater = createDeflateRaw();
  const pending: Buffer[] = [];
  deflater.on('data', (chunk: Buffer) => pending.push(chunk));
  const drain = function* () {
    while (pending.length) {
      const chunk = pending.shift()!;
      totals.compressed += chunk.length;
      yield chunk;
    }
  };
  for await (const piece of source) {
    const bytes = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
    totals.crc = crc32(bytes, totals.crc);
    totals.size += bytes.length;
    await new Promise<void>((resolve, reject) => deflater.write(bytes, (error) => (error ? reject(error) : resolve())));
    await new Promise<void>((resolve) => deflater.flush(resolve));
    yield* drain();
  }
  // 'end' comes after the last compressed bytes; finishing the writable side is not enough.
  const ended = new Promise<void>((resolve, reject) => {
    deflater.once('end', resolve);
    deflater.once('error', reject);
  });
  deflater.end();
  await ended;
  yield* drain();
}

export async function* writeZip(entries: AsyncIterable<ZipEntry>): AsyncGenerator<Uint8Array> {
  const central: CentralRecord[] = [];
  let offset = 0;
  for await (const entry of entries) {
    if (central.length >= MAX_ZIP_ENTRIES) throw new Error('too many ZIP entries');
    const name = Buffer.from(entry.name, 'utf8');
    const time = dosTime(entry.modifiedAt);
    if ('deflated' in entry) {
      const header = localHeader(name, time, UTF8_FLAG, entry.crc32, entry.deflated.length, entry.size);
      central.push({ name, time, flags: UTF8_FLAG, crc: entry.crc32, compressed: entry.deflated.length, size: entry.size, offset });
      yield header;
      yield entry.deflated;
      offset += header.length + entry.deflated.length;
      continue;
    }
    const flags = UTF8_FLAG | DESCRIPTOR_FLAG;
    const header = localHeader(name, time, flags, 0, 0, 0);
    yield header;
    const totals = { crc: 0, size: 0, compressed: 0 };
    yield* deflateStream(entry.stream, totals);
    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(totals.crc >>> 0, 4);
    descriptor.writeUInt32LE(totals.compressed, 8);
    descriptor.writeUInt32LE(totals.size, 12);
    yield descriptor;
    central.push({ name, time, flags, crc: totals.crc, compressed: totals.compressed, size: totals.size, offset });
    offset += header.length + totals.compressed + descriptor.length;
  }
  const directory = Buffer.concat(central.map(centralHeader));
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(central.length, 8);
  end.writeUInt16LE(central.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  yield directory;
  yield end;
}
