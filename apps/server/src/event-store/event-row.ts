import { type EventCatalogue, type RecordedEvent } from '@liaison/events';

export interface EventRow {
  global_position: number;
  event_id: string;
  stream_id: string;
  stream_position: number;
  type: string;
  schema_version: number;
  data: string;
  metadata: string;
  recorded_at: string;
}

export const EVENT_COLUMNS =
  'global_position, event_id, stream_id, stream_position, type, schema_version, data, metadata, recorded_at';

/** Decodes a stored row; older schema versions are upcast to the latest shape. */
export function toRecordedEvent(row: EventRow, catalogue?: EventCatalogue): RecordedEvent {
  const event: RecordedEvent = {
    eventId: row.event_id,
    streamId: row.stream_id,
    streamPosition: row.stream_position,
    globalPosition: row.global_position,
    type: row.type,
    schemaVersion: row.schema_version,
    data: JSON.parse(row.data),
    metadata: JSON.parse(row.metadata),
    recordedAt: row.recorded_at,
  };
  return catalogue && catalogue.has(row.type) ? catalogue.upcast(event) : event;
}
