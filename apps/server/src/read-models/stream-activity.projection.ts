import { type Projection, type ProjectionFold } from '@liaison/domain';
import { type RecordedEvent } from '@liaison/events';

interface Activity {
  count: number;
  position: number;
  type: string;
  actor: string;
  recordedAt: string;
}

/** One write per stream and batch, however many of its events the batch holds. */
const fold: ProjectionFold<Map<string, Activity>> = {
  start: () => new Map(),
  add(byStream, e: RecordedEvent) {
    const a = byStream.get(e.streamId);
    const actor = e.metadata.actor;
    if (a) {
      a.count++;
      a.position = e.globalPosition;
      a.type = e.type;
      a.actor = actor;
      a.recordedAt = e.recordedAt;
    } else {
      byStream.set(e.streamId, { count: 1, position: e.globalPosition, type: e.type, actor, recordedAt: e.recordedAt });
    }
  },
  async write(byStream, sql) {
    for (const [streamId, a] of byStream) {
      const dash = streamId.indexOf('-');
      const uai = dash < 0 ? null : streamId.slice(dash + 1, dash + 9);
      await sql.run(
        `INSERT INTO core_stream_activity (stream_id, uai, events, last_position, last_type, last_actor, last_recorded_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (stream_id) DO UPDATE SET events = events + excluded.events,
           last_position = excluded.last_position, last_type = excluded.last_type,
           last_actor = excluded.last_actor, last_recorded_at = excluded.last_recorded_at`,
        [streamId, uai, a.count, a.position, a.type, a.actor, a.recordedAt],
      );
    }
  },
};

/**
 * Who touched each stream last, and how often: the audit screens' index. Asynchronous, since
 * nothing needs it in the same instant; it reads every event type.
 */
export function streamActivityProjection(allTypes: () => readonly string[]): Projection {
  return {
    name: 'core_stream_activity',
    version: 1,
    mode: 'async',
    get handles() {
      return allTypes();
    },
    async init(sql) {
      await sql.run(`CREATE TABLE IF NOT EXISTS core_stream_activity (
        stream_id TEXT PRIMARY KEY NOT NULL,
        uai TEXT,
        events INTEGER NOT NULL,
        last_position INTEGER NOT NULL,
        last_type TEXT NOT NULL,
        last_actor TEXT NOT NULL,
        last_recorded_at TEXT NOT NULL
      )`);
      await sql.run('CREATE INDEX IF NOT EXISTS core_stream_activity_uai ON core_stream_activity (uai, last_position)');
    },
    async apply(batch, sql) {
      const accumulator = fold.start();
      for (const event of batch) fold.add(accumulator, event);
      await fold.write(accumulator, sql);
    },
    fold,
    async truncate(sql) {
      await sql.run('DELETE FROM core_stream_activity');
    },
  };
}
