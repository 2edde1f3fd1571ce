import { crc32, deflateRawSync } from 'node:zlib';
import { parisWallClock } from '@liaison/domain';

export interface ZipEntry {
  /** ASCII path inside the archive (`eleves.csv`). */
  name: string;
  bytes: Uint8Array;
}

// A fixed level: the same input always deflates to the same bytes.
const DEFLATE_LEVEL = 9;
const DEFLATE = 8;
// PKWARE APPNOTE 4.4.3: 2.0 is the version that introduced DEFLATE; "made by" 0x00 = MS-DOS.
const VERSION = 20;

export interface DosDateTime {
  /** (hour << 11) | (minute << 5) | (second / 2). */
  time: number;
  /** ((year − 1980) << 9) | (month << 5) | day. */
  date: number;
}

/**
 * The DOS date and time of `instant`, in Paris wall-clock time. DOS times carry no zone and a
 * French school reads them as local time; computing them from Europe/Paris explicitly makes
 * the bytes independent of the machine's TZ (zip libraries use the process's local time or
 * its UTC fields, so they cannot promise that).
 */
export function dosDateTime(instant: string): DosDateTime {
  const c = parisWallClock(instant);
  if (c.year < 1980 || c.year > 2107)
    throw new Error(`instant « ${instant} » hors des dates qu’une archive zip peut porter (1980-2107)`);
  return {
    time: (c.hour << 11) | (c.minute << 5) | Math.floor(c.second / 2),
    date: ((c.year - 1980) << 9) | (c.month << 5) | c.day,
  };
}

class ByteWriter {
  private readonly chunks: Buffer[] = [];
  length = 0;

  u16(value: number): this {
    const b = Buffer.alloc(2);
    b.writeUInt16LE(value);
    return this.push(b);
  }

  u32(value: number): this {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(value >>> 0);
    return this.push(b);
  }

  push(bytes: Uint8Array): this {
    const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.chunks.push(b);
    this.length += b.length;
    return this;
  }

  bytes(): Uint8Array {
    return new Uint8Array(Buffer.concat(this.chunks));
  }
}

/**
 * A zip whose bytes depend only on its entries and date: entries in the given order, each
 * DEFLATEd at a fixed level, all dated `instant` (Paris time), no extra fields, no comment, no
 * folder entries, MS-DOS attributes. Written here rather than with jszip because an
 * exporter's `build` is synchronous and jszip only generates asynchronously; any zip reader
 * (jszip, unzip, Windows) opens it — the tests read it back with jszip.
 */
export function deterministicZip(entries: readonly ZipEntry[], instant: string): Uint8Array {
  const { time, date } = dosDateTime(instant);
  const out = new ByteWriter();
  const central = new ByteWriter();
  for (const entry of entries) {
    if (!/^[\x20-\x7e]+$/.test(entry.name)) throw new Error(`nom d’entrée zip « ${entry.name} » : ASCII attendu`);
    const name = Buffer.from(entry.name, 'ascii');
    const data = deflateRawSync(entry.bytes, { level: DEFLATE_LEVEL });
    const crc = crc32(entry.bytes);
    const offset = out.length;
    const common = (w: ByteWriter) =>
      w
        .u16(VERSION)
        .u16(0)
        .u16(DEFLATE)
        .u16(time)
        .u16(date)
        .u32(crc)
        .u32(data.length)
        .u32(entry.bytes.length)
        .u16(name.length)
        .u16(0);
    // Local file header, then the data.
    common(out.u32(0x04034b50)).push(name).push(data);
    // Central directory record: made by MS-DOS 2.0, no comment, no attributes.
    common(central.u32(0x02014b50).u16(VERSION)).u16(0).u16(0).u16(0).u32(0).u32(offset).push(name);
  }
  const centralOffset = out.length;
  const centralBytes = central.bytes();
  out.push(centralBytes);
  // End of central directory record.
  out.u32(0x06054b50).u16(0).u16(0).u16(entries.length).u16(entries.length).u32(centralBytes.length).u32(centralOffset).u16(0);
  return out.bytes();
}
