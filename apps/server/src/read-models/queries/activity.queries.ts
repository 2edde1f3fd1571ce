import { type SqliteConnection } from '../../database/sqlite-connection';

/** Who touched a stream last, and how often (`core_stream_activity`). */
export interface StreamActivityDto {
  streamId: string;
  /** The stream's kind: `pupil`, `class`, `guardian`, `year`, `export`… */
  kind: string;
  /** What follows `<kind>-<UAI>-` in the stream id: a pupil's or guardian's id, `<year>-<class>`… */
  id: string;
  events: number;
  lastPosition: number;
  lastType: string;
  lastActor: string;
  lastRecordedAt: string;
}

export interface ActivityFilters {
  kind?: string;
  actor?: string;
  limit: number;
}

interface ActivityRow {
  streamId: string;
  events: number;
  lastPosition: number;
  lastType: string;
  lastActor: string;
  lastRecordedAt: string;
}

/** The establishment's streams, most recently changed first (the index on `(uai, last_position)`). */
export function listActivity(conn: SqliteConnection, uai: string, filters: ActivityFilters): StreamActivityDto[] {
  const where = ['uai = ?'];
  const params: unknown[] = [uai];
  if (filters.kind) {
    // substr, not LIKE: ids may hold `_`, a LIKE wildcard.
    where.push('substr(stream_id, 1, ?) = ?');
    params.push(filters.kind.length + 1, `${filters.kind}-`);
  }
  if (filters.actor) {
    where.push('last_actor = ?');
    params.push(filters.actor);
  }
  const rows = conn.all<ActivityRow>(
    `SELECT stream_id AS streamId, events, last_position AS lastPosition, last_type AS lastType,
       last_actor AS lastActor, last_recorded_at AS lastRecordedAt
     FROM core_stream_activity WHERE ${where.join(' AND ')} ORDER BY last_position DESC LIMIT ?`,
    [...params, filters.limit],
  );
  return rows.map((r) => {
    const kind = r.streamId.slice(0, r.streamId.indexOf('-'));
    return { ...r, kind, id: r.streamId.slice(kind.length + 1 + uai.length + 1) };
  });
}
