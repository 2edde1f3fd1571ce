import { InvalidValueError } from '@liaison/domain';
import { type StreamVersion } from '../commands/command-pipeline';

/**
 * A resource's ETag names the version of every stream it is made of, e.g.
 * `"pupil-0750680G-E001@5|guardian-0750680G-G1@3"`: an edit is refused (412) if any of them moved.
 */
export function etagOf(streams: readonly StreamVersion[]): string {
  return `"${streams.map((s) => `${s.streamId}@${s.version}`).join('|')}"`;
}

export interface IfMatch {
  /** `"3"`: the version of the command's own stream. */
  expectedVersion?: number;
  /** A resource ETag: every stream it names must still be at that version. */
  expectedStreams?: StreamVersion[];
}

/** Reads `If-Match` (`"3"`, `W/"3"` or a resource ETag); empty when absent. */
export function parseIfMatch(header: string | undefined): IfMatch {
  const value = header?.trim();
  if (!value || value === '*') return {};
  const quoted = /^(?:W\/)?"([^"]+)"$/.exec(value);
  if (!quoted) throw invalid(header!);
  const body = quoted[1]!;
  if (/^\d+$/.test(body)) return { expectedVersion: Number(body) };
  const streams = body.split('|').map((part) => {
    const at = /^([A-Za-z]+-[^@|]+)@(\d+)$/.exec(part);
    if (!at) throw invalid(header!);
    return { streamId: at[1]!, version: Number(at[2]) };
  });
  return { expectedStreams: streams };
}

const invalid = (header: string) =>
  new InvalidValueError(`en-tête If-Match « ${header} » invalide : l’ETag renvoyé par la lecture de la ressource est attendu`);
