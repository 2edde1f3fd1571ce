import { InvalidValueError } from '@liaison/domain';

/** A stream's version as a strong ETag. */
export const etagOf = (version: number) => `"${version}"`;

/** Reads `If-Match` (`"3"` or `W/"3"`); undefined when absent. */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '' || header.trim() === '*') return undefined;
  const match = /^(?:W\/)?"(\d+)"$/.exec(header.trim());
  if (!match) throw new InvalidValueError(`en-tête If-Match « ${header} » invalide : une version entre guillemets est attendue, ex. "3"`);
  return Number(match[1]);
}
