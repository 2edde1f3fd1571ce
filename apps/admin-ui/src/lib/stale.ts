import { api, ApiError } from '../api/client';
import type { EventDto } from '../api/types';

/** What a 412 means for a person: who changed the record since it was opened, and what. */
export interface StaleInfo {
  streamId: string;
  actors: string[];
  events: EventDto[];
}

/** The version of one stream named in a resource ETag (`"pupil-…@5|guardian-…@3"`). */
export function versionIn(etag: string | null | undefined, streamId: string): number | undefined {
  if (!etag) return undefined;
  const body = etag.replace(/^W\//, '').replace(/^"|"$/g, '');
  for (const part of body.split('|')) {
    const at = part.lastIndexOf('@');
    if (at > 0 && part.slice(0, at) === streamId) return Number(part.slice(at + 1));
  }
  return undefined;
}

/** Reads, after a 412, the events that moved the stream past the version the form was opened at. */
export async function explainStale(error: ApiError, etag: string | null | undefined): Promise<StaleInfo> {
  const details = (error.body.details ?? {}) as { streamId?: string; actual?: number };
  const streamId = details.streamId ?? '';
  const known = versionIn(etag, streamId) ?? 0;
  let events: EventDto[] = [];
  try {
    const page = await api.events({ stream: streamId, order: 'desc', limit: 50 });
    events = page.events.filter((e) => e.streamPosition > known).reverse();
  } catch {
    // The explanation is a courtesy: the alert still says the record moved.
  }
  return { streamId, actors: [...new Set(events.map((e) => e.metadata.actor))], events };
}

export const isStale = (error: unknown): error is ApiError => error instanceof ApiError && error.status === 412;
