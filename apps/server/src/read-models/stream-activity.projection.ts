import { type Projection } from '@liaison/domain';
import { type RecordedEvent } from '@liaison/events';

interface Activity {
  streamId: string;
  count: number;
  last: RecordedEvent;
}

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
      // One write per stream and batch, however many of its events the batch holds.
      const byStream = new Map<string, Activity>();
      for (const e of batch) {
        const a = byStream.get(e.streamId);
        if (a) {
          a.count++;
          a.last = e;
        } else {
          byStream.set(e.streamId, { streamId: e.streamId, count: 1, last: e });
        }
      }
      for (const a of byStream.values()) {
        const dash = a.streamId.indexOf('-');
        const uai = dash < 0 ? null : a.streamId.slice(dash + 1, dash + 9);
        await sql.run(
          `INSERT INTO core_stream_activity (stream_id, uai, events, last_position, last_type, last_actor, last_recorded_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (stream_id) DO UPDATE SET events = events + excluded.events,
             last_position = excluded.last_position, last_type = excluded.last_type,
             last_actor = excluded.last_actor, last_recorded_at = excluded.last_recorded_at`,
          [a.streamId, uai, a.count, a.last.globalPosition, a.last.type, a.last.metadata.actor, a.last.recordedAt],
        );
      }
    },
    async truncate(sql) {
      await sql.run('DELETE FROM core_stream_activity');
    },
  };
}
