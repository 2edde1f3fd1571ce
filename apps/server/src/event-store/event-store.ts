import { randomUUID } from 'node:crypto';
import {
  type EventCatalogue,
  type EventMetadata,
  type ExpectedVersion,
  type NewEvent,
  type RecordedEvent,
} from '@liaison/events';
import { streamTypeOf } from '@liaison/domain';
import { type Database } from '../database/database';
import { type SqliteConnection } from '../database/sqlite-connection';
import { ConcurrencyError } from './errors';
import { EVENT_COLUMNS, type EventRow, toRecordedEvent } from './event-row';

export interface AppendRequest {
  streamId: string;
  expected: ExpectedVersion;
  events: readonly NewEvent[];
  metadata: EventMetadata;
}

export interface AppendResult {
  streamId: string;
  version: number;
  events: RecordedEvent[];
}

/** Called inside the append transaction with the events just written (inline projections). */
export type AppendHook = (tx: SqliteConnection, events: readonly RecordedEvent[]) => Promise<void>;

export interface LoadedStream {
  version: number;
  events: RecordedEvent[];
}

export interface ReadAllOptions {
  after?: number;
  upTo?: number;
  limit?: number;
  streamId?: string;
  /** Any of these streams (a pupil and its guardians). */
  streamIds?: readonly string[];
  /** Streams of an establishment: ids `<kind>-<UAI>` or `<kind>-<UAI>-…`. */
  uai?: string;
  /** Streams of one aggregate kind (`pupil`, `class`, …). */
  streamType?: string;
  /**
   * Streams whose id starts with this prefix (`livret-0750680G-`): read through the stream index
   * as a range, unlike `uai` and `streamType`, which scan.
   */
  streamPrefix?: string;
  types?: readonly string[];
  actor?: string;
  descending?: boolean;
}

function checkExpected(streamId: string, expected: ExpectedVersion, actual: number): void {
  const ok =
    expected === 'any' ||
    (expected === 'no_stream' && actual === 0) ||
    (expected === 'stream_exists' && actual > 0) ||
    expected === actual;
  if (!ok) throw new ConcurrencyError(streamId, expected, actual);
}

/**
 * The append-only event log over SQLite. Writes happen in `BEGIN IMMEDIATE` transactions
 * behind the process's write queue; reads of committed data go through the reader connection.
 */
export class EventStore {
  private readonly hooks: AppendHook[] = [];

  constructor(
    private readonly db: Database,
    private readonly catalogue: EventCatalogue,
  ) {}

  onAppend(hook: AppendHook): void {
    this.hooks.push(hook);
  }

  /** Appends to one or several streams in a single transaction: all or nothing. */
  append(requests: readonly AppendRequest[]): Promise<AppendResult[]> {
    return this.db.transaction((tx) => this.appendInTransaction(tx, requests));
  }

  /** For callers that already hold the write transaction (the command pipeline). */
  async appendInTransaction(tx: SqliteConnection, requests: readonly AppendRequest[]): Promise<AppendResult[]> {
    const recordedAt = new Date().toISOString();
    const results: AppendResult[] = [];
    const written: RecordedEvent[] = [];
    for (const request of requests) {
      const current = this.versionOf(tx, request.streamId);
      checkExpected(request.streamId, request.expected, current);
      if (request.events.length === 0) {
        results.push({ streamId: request.streamId, version: current, events: [] });
        continue;
      }
      const next = current + request.events.length;
      if (current === 0) {
        tx.run('INSERT INTO streams (stream_id, stream_type, version) VALUES (?, ?, ?)', [
          request.streamId,
          streamTypeOf(request.streamId),
          next,
        ]);
      } else {
        const updated = tx.run('UPDATE streams SET version = ? WHERE stream_id = ? AND version = ?', [
          next,
          request.streamId,
          current,
        ]);
        if (updated.changes !== 1) throw new ConcurrencyError(request.streamId, current, this.versionOf(tx, request.streamId));
      }
      const metadata = JSON.stringify(request.metadata);
      const events: RecordedEvent[] = [];
      request.events.forEach((event, index) => {
        const prepared = this.catalogue.prepare(event);
        const eventId = randomUUID();
        const streamPosition = current + index + 1;
        const data = JSON.stringify(prepared.data);
        const inserted = tx.run(
          `INSERT INTO events (event_id, stream_id, stream_position, type, schema_version, data, metadata, recorded_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
          [eventId, request.streamId, streamPosition, prepared.type, prepared.schemaVersion, data, metadata, recordedAt],
        );
        events.push({
          eventId,
          streamId: request.streamId,
          streamPosition,
          globalPosition: Number(inserted.lastInsertRowid),
          type: prepared.type,
          schemaVersion: prepared.schemaVersion,
          data: prepared.data,
          metadata: request.metadata,
          recordedAt,
        });
      });
      written.push(...events);
      results.push({ streamId: request.streamId, version: next, events });
    }
    for (const hook of this.hooks) await hook(tx, written);
    return results;
  }

  versionOf(conn: SqliteConnection, streamId: string): number {
    return conn.get<{ version: number }>('SELECT version FROM streams WHERE stream_id = ?', [streamId])?.version ?? 0;
  }

  /** The stream's events (up to a global position, for time travel), upcast to the latest shapes. */
  loadStream(conn: SqliteConnection, streamId: string, upTo?: number): LoadedStream {
    const rows =
      upTo === undefined
        ? conn.all<EventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? ORDER BY stream_position`, [streamId])
        : conn.all<EventRow>(
            `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND global_position <= ? ORDER BY stream_position`,
            [streamId, upTo],
          );
    const events = rows.map((row) => toRecordedEvent(row, this.catalogue));
    return { version: events.at(-1)?.streamPosition ?? 0, events };
  }

  /** Committed events of a stream, read without waiting for the writer. */
  readStream(streamId: string, upTo?: number): LoadedStream {
    return this.loadStream(this.db.reader, streamId, upTo);
  }

  streamVersion(streamId: string): number {
    return this.versionOf(this.db.reader, streamId);
  }

  headPosition(conn: SqliteConnection = this.db.reader): number {
    return conn.get<{ head: number | null }>('SELECT MAX(global_position) AS head FROM events')?.head ?? 0;
  }

  /** Committed events in global order, filtered; the API's and the CLI's history. */
  readAll(options: ReadAllOptions = {}, conn: SqliteConnection = this.db.reader): RecordedEvent[] {
    const where: string[] = [];
    const params: unknown[] = [];
    if (options.after !== undefined) {
      where.push(options.descending ? 'global_position < ?' : 'global_position > ?');
      params.push(options.after);
    }
    if (options.upTo !== undefined) {
      where.push('global_position <= ?');
      params.push(options.upTo);
    }
    if (options.streamId !== undefined) {
      where.push('stream_id = ?');
      params.push(options.streamId);
    }
    if (options.streamIds !== undefined) {
      where.push(`stream_id IN (${options.streamIds.map(() => '?').join(', ') || 'NULL'})`);
      params.push(...options.streamIds);
    }
    if (options.uai !== undefined) {
      // Every stream id is `<kind>-<UAI>[-…]` and kinds hold no dash.
      where.push("substr(stream_id, instr(stream_id, '-') + 1, 8) = ?");
      params.push(options.uai);
    }
    if (options.streamPrefix !== undefined && options.streamPrefix !== '') {
      // [prefix, prefix with its last character's successor): a range the (stream_id, …) index serves.
      const last = options.streamPrefix.charCodeAt(options.streamPrefix.length - 1);
      where.push('stream_id >= ? AND stream_id < ?');
      params.push(options.streamPrefix, options.streamPrefix.slice(0, -1) + String.fromCharCode(last + 1));
    }
    if (options.streamType !== undefined) {
      where.push('stream_id LIKE ?');
      params.push(`${options.streamType}-%`);
    }
    if (options.types && options.types.length > 0) {
      where.push(`type IN (${options.types.map(() => '?').join(', ')})`);
      params.push(...options.types);
    }
    if (options.actor !== undefined) {
      where.push("json_extract(metadata, '$.actor') = ?");
      params.push(options.actor);
    }
    const sql =
      `SELECT ${EVENT_COLUMNS} FROM events` +
      (where.length ? ` WHERE ${where.join(' AND ')}` : '') +
      ` ORDER BY global_position ${options.descending ? 'DESC' : 'ASC'}` +
      (options.limit !== undefined ? ' LIMIT ?' : '');
    if (options.limit !== undefined) params.push(options.limit);
    return conn.all<EventRow>(sql, params).map((row) => toRecordedEvent(row, this.catalogue));
  }

  /** Streams rows in global order without materialising them all (replays, rebuilds). */
  *iterateRows(after: number, conn: SqliteConnection = this.db.reader): IterableIterator<EventRow> {
    const stmt = conn.raw.prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE global_position > ? ORDER BY global_position`);
    yield* stmt.iterate(after) as IterableIterator<EventRow>;
  }

  get database(): Database {
    return this.db;
  }

  get eventCatalogue(): EventCatalogue {
    return this.catalogue;
  }
}
