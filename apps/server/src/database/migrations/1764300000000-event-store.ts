import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** The event log: streams, events with a gap-free global position, projection checkpoints. */
export class EventStore1764300000000 implements MigrationInterface {
  name = 'EventStore1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE streams (
      stream_id   TEXT PRIMARY KEY NOT NULL,
      stream_type TEXT NOT NULL,
      version     INTEGER NOT NULL
    )`);
    // AUTOINCREMENT: a rolled-back insert gives its number back inside the same transaction,
    // and positions are never reused after a delete, so global positions stay gap-free.
    await q.query(`CREATE TABLE events (
      global_position INTEGER PRIMARY KEY AUTOINCREMENT,
      event_id        TEXT NOT NULL UNIQUE,
      stream_id       TEXT NOT NULL,
      stream_position INTEGER NOT NULL,
      type            TEXT NOT NULL,
      schema_version  INTEGER NOT NULL,
      data            TEXT NOT NULL,
      metadata        TEXT NOT NULL,
      recorded_at     TEXT NOT NULL,
      UNIQUE (stream_id, stream_position)
    )`);
    await q.query(`CREATE INDEX events_type ON events (type, global_position)`);
    await q.query(`CREATE TABLE projection_checkpoints (
      name       TEXT PRIMARY KEY NOT NULL,
      version    INTEGER NOT NULL,
      position   INTEGER NOT NULL,
      status     TEXT NOT NULL,
      last_error TEXT,
      updated_at TEXT NOT NULL
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE projection_checkpoints');
    await q.query('DROP TABLE events');
    await q.query('DROP TABLE streams');
  }
}
