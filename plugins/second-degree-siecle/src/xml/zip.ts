import * as zlib from 'node:zlib';
import { ImportFileError } from '@liaison/domain';

/** One file of a zip archive, inflated. */
export interface ZipEntry {
  name: string;
  bytes: Uint8Array;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
// The end record is 22 bytes, followed by a comment of at most 65 535 bytes.
const EOCD_MIN = 22;
const EOCD_MAX_SEARCH = EOCD_MIN + 0xffff;
// Inflating more than this from one entry is refused: an export of a large school is a few MB.
const MAX_ENTRY_SIZE = 200 * 1024 * 1024;

/** True when the bytes start like a zip archive (a local file header, or an empty archive). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05);
}

const corrupt = (reason: string) => new ImportFileError(`archive zip illisible : ${reason}`);

// Code page 437, the zip default for names without the UTF-8 flag; SIECLE's names are ASCII anyway.
const CP437_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';

function decodeName(raw: Uint8Array, utf8: boolean): string {
  if (utf8) return new TextDecoder('utf-8').decode(raw);
  let name = '';
  for (const b of raw) name += b < 0x80 ? String.fromCharCode(b) : CP437_HIGH.charAt(b - 0x80);
  return name;
}

/**
 * Reads every file of a zip archive, synchronously (importers' `parse` is synchronous, so
 * jszip's promises cannot be used): the central directory gives the entries, each is stored
 * or deflated (`inflateRawSync`), and its CRC-32 is checked. Encrypted entries, zip64 and
 * other compression methods are refused with the reason in French. Directories are skipped.
 */
export function readZip(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u32 = (offset: number) => view.getUint32(offset, true);
  const u16 = (offset: number) => view.getUint16(offset, true);
  if (bytes.length < EOCD_MIN) throw corrupt('fichier trop court');

  let eocd = -1;
  for (let i = bytes.length - EOCD_MIN; i >= Math.max(0, bytes.length - EOCD_MAX_SEARCH); i--) {
    if (u32(i) === END_OF_CENTRAL_DIRECTORY) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt('fin d’archive introuvable (fichier tronqué ?)');
  const count = u16(eocd + 10);
  const directorySize = u32(eocd + 12);
  const directoryOffset = u32(eocd + 16);
  if (count === 0xffff || directoryOffset === 0xffffffff) throw corrupt('archive zip64 non prise en charge');
  if (directoryOffset + directorySize > eocd) throw corrupt('répertoire central hors de l’archive');

  const entries: ZipEntry[] = [];
  let p = directoryOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || u32(p) !== CENTRAL_HEADER) throw corrupt(`entrée ${n + 1} du répertoire central invalide`);
    const flags = u16(p + 8);
    const method = u16(p + 10);
    const crc = u32(p + 16);
    const compressedSize = u32(p + 20);
    const size = u32(p + 24);
    const nameLength = u16(p + 28);
    const extraLength = u16(p + 30);
    const commentLength = u16(p + 32);
    const localOffset = u32(p + 42);
    const name = decodeName(bytes.subarray(p + 46, p + 46 + nameLength), (flags & 0x0800) !== 0);
    p += 46 + nameLength + extraLength + commentLength;

    if (name.endsWith('/')) continue;
    if ((flags & 0x0001) !== 0) throw corrupt(`« ${name} » est chiffré`);
    if (compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff) {
      throw corrupt(`« ${name} » est au format zip64, non pris en charge`);
    }
    if (size > MAX_ENTRY_SIZE) throw corrupt(`« ${name} » est trop volumineux (${size} octets)`);
    if (localOffset + 30 > bytes.length || u32(localOffset) !== LOCAL_HEADER)
      throw corrupt(`en-tête local de « ${name} » introuvable`);
    const dataStart = localOffset + 30 + u16(localOffset + 26) + u16(localOffset + 28);
    if (dataStart + compressedSize > bytes.length) throw corrupt(`« ${name} » est tronqué`);
    const data = bytes.subarray(dataStart, dataStart + compressedSize);

    let content: Uint8Array;
    if (method === 0) {
      content = data;
    } else if (method === 8) {
      try {
        content = new Uint8Array(zlib.inflateRawSync(data, { maxOutputLength: MAX_ENTRY_SIZE }));
      } catch {
        throw corrupt(`« ${name} » ne peut pas être décompressé`);
      }
    } else {
      throw corrupt(`« ${name} » utilise une méthode de compression non prise en charge (${method})`);
    }
    if (content.length !== size) throw corrupt(`« ${name} » : taille décompressée inattendue`);
    if (typeof zlib.crc32 === 'function' && zlib.crc32(content) >>> 0 !== crc) {
      throw corrupt(`« ${name} » est corrompu (somme de contrôle CRC-32 fausse)`);
    }
    entries.push({ name, bytes: content });
  }
  return entries;
}
