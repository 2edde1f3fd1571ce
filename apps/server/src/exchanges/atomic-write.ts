import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface StagedFile {
  target: string;
  temp: string;
}

/**
 * Writes each file to a temporary name beside its target; nothing is visible under the
 * target names until `commit` renames them (a rename is atomic on one file system).
 */
export function stageFiles(root: string, files: ReadonlyArray<{ path: string; bytes: Uint8Array }>): StagedFile[] {
  const staged: StagedFile[] = [];
  try {
    for (const file of files) {
      const target = join(root, file.path);
      mkdirSync(dirname(target), { recursive: true });
      const temp = `${target}.${process.pid}.${Date.now()}.part`;
      writeFileSync(temp, file.bytes);
      staged.push({ target, temp });
    }
    return staged;
  } catch (error) {
    discard(staged);
    throw error;
  }
}

export function commitFiles(staged: readonly StagedFile[]): string[] {
  for (const s of staged) renameSync(s.temp, s.target);
  return staged.map((s) => s.target);
}

export function discard(staged: readonly StagedFile[]): void {
  for (const s of staged) rmSync(s.temp, { force: true });
}
