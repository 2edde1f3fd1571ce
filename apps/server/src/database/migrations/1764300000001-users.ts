import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Accounts and sessions are access control, not school facts: they live beside the log, and
 * every command a user sends carries their login into the event metadata.
 */
export class Users1764300000001 implements MigrationInterface {
  name = 'Users1764300000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE users (
      login         TEXT PRIMARY KEY NOT NULL,
      role          TEXT NOT NULL CHECK (role IN ('admin','direction','secretariat','lecture')),
      password_hash TEXT NOT NULL,
      created_at    TEXT NOT NULL,
      disabled_at   TEXT
    )`);
    await q.query(`CREATE TABLE sessions (
      token_hash TEXT PRIMARY KEY NOT NULL,
      login      TEXT NOT NULL REFERENCES users(login),
      created_at TEXT NOT NULL,
      expires_at TEXT NOT NULL
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE sessions');
    await q.query('DROP TABLE users');
  }
}
