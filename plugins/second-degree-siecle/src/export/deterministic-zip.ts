import { crc32, deflateRawSync } from 'node:zlib';
import { parisWallClock } from '@liaison/domain';

export interface ZipEntry {
  /** Printable-ASCII name inside the archive, at its root. */
  name: string;
  bytes: Uint8Array;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL = 0x06054b50;
/** APPNOTE 4.4.3: version 2.0 (DEFLATE); the upper byte 0 of "made by" is MS-DOS. */
const VERSION_20 = 20;
const METHOD_DEFLATE = 8;
const LEVEL = 9;

/** DOS date and time fields of an instant, in Paris wall-clock time (2-second resolution). */
export function dosDateTime(instant: string): { date: number; time: number } {
  const c = parisWallClock(instant);
  if (c.year < 1980 || c.year > 2107)
    throw new Error(`instant « ${instant} » hors des dates qu’une archive zip peut porter (1980-2107)`);
  return {
    date: ((c.year - 1980) << 9) | (c.month << 5) | c.day,
    time: (c.hour << 11) | (c.minute << 5) | (c.second >> 1),
  };
}

function u16(value: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(value & 0xffff);
  return b;
}

function u32(value: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(value >>> 0);
  return b;
}

/**
 * A zip archive whose bytes depend only on its entries and one instant: entries in the order
 * given, each DEFLATEd at level 9, all dated with the instant in Paris time, no extra field,
 * no comment, no folder entry, no attributes. Built with `node:zlib` because an exporter's
 * `build` is synchronous while jszip only generates asynchronously (the tests read the
 * archives back with jszip).
 */
export function deterministicZip(entries: readonly ZipEntry[], instant: string): Uint8Array {
  const { date, time } = dosDateTime(instant);
  const body: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    if (!/^[\x21-\x7e][\x20-\x7e]*$/.test(entry.name) || entry.name.includes('/')) {
      throw new Error(`nom d’entrée zip « ${entry.name} » : un nom ASCII sans dossier est attendu`);
    }
    const name = Buffer.from(entry.name, 'ascii');
    const compressed = deflateRawSync(entry.bytes, { level: LEVEL });
    // Fields shared by the local header and the central record, from "version needed" on.
    const shared = Buffer.concat([
      u16(VERSION_20),
      u16(0),
      u16(METHOD_DEFLATE),
      u16(time),
      u16(date),
      u32(crc32(entry.bytes)),
      u32(compressed.length),
      u32(entry.bytes.length),
      u16(name.length),
      u16(0),
    ]);
    const local = Buffer.concat([u32(LOCAL_HEADER), shared, name, compressed]);
    directory.push(
      Buffer.concat([u32(CENTRAL_HEADER), u16(VERSION_20), shared, u16(0), u16(0), u16(0), u32(0), u32(offset), name]),
    );
    body.push(local);
    offset += local.length;
  }
  const central = Buffer.concat(directory);
  const end = Buffer.concat([
    u32(END_OF_CENTRAL),
    u16(0),
    u16(0),
    u16(entries.length),
    u16(entries.length),
    u32(central.length),
    u32(offset),
    u16(0),
  ]);
  return new Uint8Array(Buffer.concat([...body, central, end]));
}
