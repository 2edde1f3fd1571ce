/**
 * The stored shape of an event. Every field here is part of the log's format and must stay
 * readable for as long as the log is kept: add optional fields, never rename or retype.
 */
export interface EventMetadata {
  /** Who did it: a user login, or the import/job acting on someone's behalf. */
  actor: string;
  /** Where the command came from: `cli`, `http`, `import`, `rollover`, `demo`, `system`… */
  source: string;
  /** Shared by every event a single user action produced (an import, a rollover). */
  correlationId: string;
  /** The command (or event) that caused this one. */
  causationId?: string;
  /** When the fact happened in the school's world (ISO 8601); may precede `recordedAt`. */
  occurredAt: string;
}

export interface RecordedEvent<TData = unknown, TType extends string = string> {
  eventId: string;
  streamId: string;
  /** 1-based position inside the stream. */
  streamPosition: number;
  /** 1-based, gap-free position in the whole log. */
  globalPosition: number;
  type: TType;
  schemaVersion: number;
  data: TData;
  metadata: EventMetadata;
  /** When the store committed the event (ISO 8601, UTC). */
  recordedAt: string;
}

/** An event decided but not yet stored. */
export interface NewEvent<TData = unknown, TType extends string = string> {
  type: TType;
  data: TData;
}

/** What the store accepts for a stream's expected version. */
export type ExpectedVersion = number | 'no_stream' | 'stream_exists' | 'any';
