import { parisDateTime } from '@liaison/domain';
import JSZip from 'jszip';

export interface ZipEntry {
  /** ASCII path inside the archive (`eleves.csv`). */
  name: string;
  bytes: Uint8Array;
}

/**
 * A zip whose bytes depend only on its entries and one instant: entries in the given order,
 * DEFLATE at a fixed level, every entry dated with the instant as a clock in Paris reads it.
 * DOS times carry no zone and a French school reads them as local time; jszip writes a Date's
 * UTC fields, so it is given the Paris wall clock expressed in UTC, and the bytes never depend
 * on the machine's TZ.
 */
export async function zipArchive(entries: readonly ZipEntry[], instant: string): Promise<Uint8Array> {
  const date = new Date(`${parisDateTime(instant)}Z`);
  const zip = new JSZip();
  for (const entry of entries) {
    if (!/^[\x21-\x7e][\x20-\x7e]*$/.test(entry.name)) throw new Error(`nom d’entrée zip « ${entry.name} » : ASCII attendu`);
    zip.file(entry.name, entry.bytes, { date, createFolders: false });
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 }, platform: 'DOS' });
}
