// A streaming ZIP writer (DEFLATE entries). Logs are stored deflate-compressed with their
// CRC-32, so their entries are copied as they are — chunk by chunk, no compression at download
// time. A streamed entry (the CSV) is deflated on the fly and closed with a data descriptor.
// Past 4 GiB of offsets or sizes, or 65,535 entries, the ZIP64 records say what the classic
// fields cannot; a streamed entry must stay under 4 GiB (its sizes are written after it).
import { crc32, createDeflateRaw } from 'node:zlib';

/** `modifiedAt` is the entry's date in the archive (UTC; 1980-01-01 when absent). */
export type ZipEntry =
  | { name: string; modifiedAt?: Date; deflated: Uint8Array | AsyncIterable<Uint8Array>; deflatedBytes: number; crc32: number; size: number }
  | { name: string; modifiedAt?: Date; stream: AsyncIterable<string | Uint8Array> };

/** 'always' writes the ZIP64 records even where the classic fields would do (tests read them). */
export interface ZipOptions {
  zip64?: 'auto' | 'always';
}

interface CentralRecord {
  name: Uint8Array;
  time: DosTime;
  flags: number;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

const UTF8_FLAG = 0x0800;
const DESCRIPTOR_FLAG = 0x0008;
const DEFLATE = 8;
const CLASSIC_MAX = 0xffffffff;
const CLASSIC_MAX_ENTRIES = 0xffff;
const ZIP64_EXTRA_ID = 0x0001;
const VERSION_CLASSIC = 20;
const VERSION_ZIP64 = 45;
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

/** The ZIP64 extended information field holding the values that overflowed, in the spec's order. */
function zip64Extra(values: number[]): Buffer {
  if (values.length === 0) return Buffer.alloc(0);
  const extra = Buffer.alloc(4 + 8 * values.length);
  extra.writeUInt16LE(ZIP64_EXTRA_ID, 0);
  extra.writeUInt16LE(8 * values.length, 2);
  values.forEach((value, i) => extra.writeBigUInt64LE(BigInt(value), 4 + 8 * i));
  return extra;
}

function localHeader(name: Uint8Array, at: DosTime, flags: number, crc: number, compressed: number, size: number, zip64: boolean): Uint8Array {
  const extra = zip64 ? zip64Extra([size, compressed]) : Buffer.alloc(0);
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(zip64 ? VERSION_ZIP64 : VERSION_CLASSIC, 4);
  header.writeUInt16LE(flags, 6);
  header.writeUInt16LE(DEFLATE, 8);
  header.writeUInt16LE(at.time, 10);
  header.writeUInt16LE(at.date, 12);
  header.writeUInt32LE(crc >>> 0, 14);
  header.writeUInt32LE(zip64 ? CLASSIC_MAX : compressed, 18);
  header.writeUInt32LE(zip64 ? CLASSIC_MAX : size, 22);
  header.writeUInt16LE(name.length, 26);
  header.writeUInt16LE(extra.length, 28);
  return Buffer.concat([header, name, extra]);
}

function centralHeader(r: CentralRecord, always: boolean): Uint8Array {
  const over = (value: number) => always || value >= CLASSIC_MAX;
  const extra = zip64Extra([r.size, r.compressed, r.offset].filter(over));
  const header = Buffer.alloc(46);
  header.writeUInt32LE(0x02014b50, 0);
  header.writeUInt16LE(extra.length ? VERSION_ZIP64 : VERSION_CLASSIC, 4);
  header.writeUInt16LE(extra.length ? VERSION_ZIP64 : VERSION_CLASSIC, 6);
  header.writeUInt16LE(r.flags, 8);
  header.writeUInt16LE(DEFLATE, 10);
  header.writeUInt16LE(r.time.time, 12);
  header.writeUInt16LE(r.time.date, 14);
  header.writeUInt32LE(r.crc >>> 0, 16);
  header.writeUInt32LE(over(r.compressed) ? CLASSIC_MAX : r.compressed, 20);
  header.writeUInt32LE(over(r.size) ? CLASSIC_MAX : r.size, 24);
  header.writeUInt16LE(r.name.length, 28);
  header.writeUInt16LE(extra.length, 30);
  header.writeUInt32LE(over(r.offset) ? CLASSIC_MAX : r.offset, 42);
  return Buffer.concat([header, r.name, extra]);
}

/** The end of the archive: the ZIP64 end record and its locator first when they are needed. */
function endRecords(entries: number, directoryBytes: number, directoryOffset: number, always: boolean): Buffer {
  const zip64 = always || entries > CLASSIC_MAX_ENTRIES || directoryBytes >= CLASSIC_MAX || directoryOffset >= CLASSIC_MAX;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(zip64 ? CLASSIC_MAX_ENTRIES : entries, 8);
  end.writeUInt16LE(zip64 ? CLASSIC_MAX_ENTRIES : entries, 10);
  end.writeUInt32LE(zip64 ? CLASSIC_MAX : directoryBytes, 12);
  end.writeUInt32LE(zip64 ? CLASSIC_MAX : directoryOffset, 16);
  if (!zip64) return end;
  const record = Buffer.alloc(56);
  record.writeUInt32LE(0x06064b50, 0);
  record.writeBigUInt64LE(44n, 4);
  record.writeUInt16LE(VERSION_ZIP64, 12);
  record.writeUInt16LE(VERSION_ZIP64, 14);
  record.writeBigUInt64LE(BigInt(entries), 24);
  record.writeBigUInt64LE(BigInt(entries), 32);
  record.writeBigUInt64LE(BigInt(directoryBytes), 40);
  record.writeBigUInt64LE(BigInt(directoryOffset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(directoryOffset + directoryBytes), 8);
  locator.writeUInt32LE(1, 16);
  return Buffer.concat([record, locator, end]);
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

export async function* writeZip(entries: AsyncIterable<ZipEntry>, options: ZipOptions = {}): AsyncGenerator<Uint8Array> {
  const always = options.zip64 === 'always';
  const central: CentralRecord[] = [];
  let offset = 0;
  for await (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const time = dosTime(entry.modifiedAt);
    if ('deflated' in entry) {
      const zip64 = always || entry.size >= CLASSIC_MAX || entry.deflatedBytes >= CLASSIC_MAX;
      const header = localHeader(name, time, UTF8_FLAG, entry.crc32, entry.deflatedBytes, entry.size, zip64);
      central.push({ name, time, flags: UTF8_FLAG, crc: entry.crc32, compressed: entry.deflatedBytes, size: entry.size, offset });
      yield header;
      let copied = 0;
      for await (const part of entry.deflated instanceof Uint8Array ? [entry.deflated] : entry.deflated) {
        copied += part.length;
        yield part;
      }
      // The header announced the size: a stored log that changed under the download is an error, not a corrupt entry.
      if (copied !== entry.deflatedBytes) throw new Error(`ZIP entry ${entry.name}: ${copied} bytes where ${entry.deflatedBytes} were announced`);
      offset += header.length + copied;
      continue;
    }
    const flags = UTF8_FLAG | DESCRIPTOR_FLAG;
    const header = localHeader(name, time, flags, 0, 0, 0, false);
    yield header;
    const totals = { crc: 0, size: 0, compressed: 0 };
    yield* deflateStream(entry.stream, totals);
    if (totals.size >= CLASSIC_MAX || totals.compressed >= CLASSIC_MAX) throw new Error(`ZIP entry ${entry.name} passed 4 GiB`);
    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(totals.crc >>> 0, 4);
    descriptor.writeUInt32LE(totals.compressed, 8);
    descriptor.writeUInt32LE(totals.size, 12);
    yield descriptor;
    central.push({ name, time, flags, crc: totals.crc, compressed: totals.compressed, size: totals.size, offset });
    offset += header.length + totals.compressed + descriptor.length;
  }
  let directoryBytes = 0;
  for (const record of central) {
    const header = centralHeader(record, always);
    directoryBytes += header.length;
    yield header;
  }
  yield endRecords(central.length, directoryBytes, offset, always);
}
