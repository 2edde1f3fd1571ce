import { type SqliteConnection } from '../database/sqlite-connection';

export type ProjectionStatus = 'running' | 'failed' | 'rebuilding';

export interface Checkpoint {
  name: string;
  version: number;
  position: number;
  status: ProjectionStatus;
  lastError: string | null;
  updatedAt: string;
}

interface CheckpointRow {
  name: string;
  version: number;
  position: number;
  status: ProjectionStatus;
  last_error: string | null;
  updated_at: string;
}

const toCheckpoint = (r: CheckpointRow): Checkpoint => ({
  name: r.name,
  version: r.version,
  position: r.position,
  status: r.status,
  lastError: r.last_error,
  updatedAt: r.updated_at,
});

export function readCheckpoint(conn: SqliteConnection, name: string): Checkpoint | undefined {
  const row = conn.get<CheckpointRow>('SELECT * FROM projection_checkpoints WHERE name = ?', [name]);
  return row && toCheckpoint(row);
}

export function readCheckpoints(conn: SqliteConnection): Checkpoint[] {
  return conn.all<CheckpointRow>('SELECT * FROM projection_checkpoints ORDER BY name').map(toCheckpoint);
}

export function resetCheckpoint(conn: SqliteConnection, name: string, version: number): void {
  conn.run(
    `INSERT INTO projection_checkpoints (name, version, position, status, last_error, updated_at)
     VALUES (?, ?, 0, 'running', NULL, ?)
     ON CONFLICT (name) DO UPDATE SET version = excluded.version, position = 0, status = 'running',
       last_error = NULL, updated_at = excluded.updated_at`,
    [name, version, new Date().toISOString()],
  );
}

/**
 * Moves a checkpoint only from the position the batch started at: if another runner (another
 * process) already applied this batch, nothing changes and the caller rolls back.
 */
export function advanceCheckpoint(conn: SqliteConnection, name: string, from: number, to: number): boolean {
  return (
    conn.run(
      `UPDATE projection_checkpoints SET position = ?, updated_at = ?
       WHERE name = ? AND position = ? AND status = 'running'`,
      [to, new Date().toISOString(), name, from],
    ).changes === 1
  );
}

export function markFailed(conn: SqliteConnection, name: string, error: string): void {
  conn.run(`UPDATE projection_checkpoints SET status = 'failed', last_error = ?, updated_at = ? WHERE name = ?`, [
    error,
    new Date().toISOString(),
    name,
  ]);
}
