import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The kept copy of every export's bytes: the live file in the export folder may be replaced
 * by the next export, this copy never is (downloads and audits read it).
 */
export class ExportFiles1764300000002 implements MigrationInterface {
  name = 'ExportFiles1764300000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE export_files (
      export_id TEXT NOT NULL,
      path      TEXT NOT NULL,
      sha256    TEXT NOT NULL,
      size      INTEGER NOT NULL,
      bytes     BLOB NOT NULL,
      PRIMARY KEY (export_id, path)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE export_files');
  }
}
