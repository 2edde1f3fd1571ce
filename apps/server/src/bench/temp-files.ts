import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh temporary folder holding one SQLite file per measurement. */
export class TempFiles {
  readonly dir: string;

  constructor(
    parent: string = tmpdir(),
    private readonly keep = false,
  ) {
    this.dir = mkdtempSync(join(parent, 'liaison-bench-'));
  }

  /** The path of a new SQLite file (it does not exist yet). */
  file(name: string): string {
    return join(this.dir, `${name}.sqlite`);
  }

  /** Deletes a SQLite file with its WAL and shared-memory files, unless `--keep`. */
  remove(path: string): void {
    if (this.keep) return;
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(path + suffix, { force: true });
  }

  cleanUp(): void {
    if (!this.keep) rmSync(this.dir, { recursive: true, force: true });
  }
}
