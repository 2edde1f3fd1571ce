import { ImportFileError } from '@liaison/domain';
import * as iconv from 'iconv-lite';
import JSZip from 'jszip';

/** One file of a zip archive, inflated. */
export interface ZipEntry {
  name: string;
  bytes: Uint8Array;
}

// Inflating more than this from one entry is refused (a zip bomb would exhaust the server's
// memory): an export of a large school is a few MB.
export const MAX_ENTRY_SIZE = 200 * 1024 * 1024;

/** True when the bytes start like a zip archive (a local file header, or an empty archive). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05);
}

const corrupt = (reason: string) => new ImportFileError(`archive zip illisible : ${reason}`);

/** jszip's English reasons for an archive it cannot open, said in French. */
function openingReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/encrypted/i.test(message)) return 'archive chiffrée, non prise en charge';
  if (/end of central directory|end of data|missing \d+ bytes/i.test(message))
    return 'fin d’archive introuvable (fichier tronqué ?)';
  if (/multi-volumes/i.test(message)) return 'archive en plusieurs volumes, non prise en charge';
  const compression = /compression (\S+) unknown \(inner file : (.*)\)$/.exec(message);
  if (compression) return `« ${compression[2]} » utilise une méthode de compression non prise en charge (${compression[1]})`;
  return `structure de l’archive incohérente (${message})`;
}

/** One entry's bytes, refused past `maxSize` before they are all in memory. */
function inflate(file: JSZip.JSZipObject, maxSize: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    // jszip's stream is a readable-stream 2 Readable: events, not async iteration.
    const stream = file.nodeStream('nodebuffer');
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxSize) return void chunks.push(chunk);
      stream.pause();
      stream.removeAllListeners();
      reject(corrupt(`« ${file.name} » est trop volumineux (plus de ${maxSize} octets décompressés)`));
    });
    stream.on('error', () => reject(corrupt(`« ${file.name} » ne peut pas être décompressé`)));
    stream.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks, size))));
  });
}

/**
 * Every file of a zip archive, inflated, in the archive's order; folders are skipped. Names
 * without the UTF-8 flag are read as code page 437, the zip default. A truncated, encrypted or
 * corrupted archive, an entry that does not inflate or whose CRC-32 is wrong are refused with
 * the reason in French (`ImportFileError`).
 */
export async function readZip(bytes: Uint8Array, maxEntrySize = MAX_ENTRY_SIZE): Promise<ZipEntry[]> {
  const open = (checkCRC32: boolean) =>
    JSZip.loadAsync(bytes, { checkCRC32, decodeFileName: (raw) => iconv.decode(Buffer.from(raw as Uint8Array), 'cp437') });
  let zip: JSZip;
  try {
    zip = await open(false);
  } catch (error) {
    throw corrupt(openingReason(error));
  }
  const entries: ZipEntry[] = [];
  for (const file of Object.values(zip.files)) {
    if (!file.dir) entries.push({ name: file.name, bytes: await inflate(file, maxEntrySize) });
  }
  // Every entry inflated within bounds: jszip can now check the CRC-32s, which it only does
  // while opening (it does not say which entry failed; SIECLE's archives hold one file).
  try {
    await open(true);
  } catch {
    const names = entries.map((e) => `« ${e.name} »`).join(', ');
    throw corrupt(
      `${entries.length > 1 ? `l’une des entrées (${names})` : names} a une somme de contrôle CRC-32 fausse (fichier corrompu)`,
    );
  }
  return entries;
}
