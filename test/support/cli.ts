import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { type ListeningProcess, spawnListening } from './spawn-listening';

export const repoRoot = resolve(__dirname, '../..');
export const cliPath = join(repoRoot, 'apps/server/dist/cli/main.js');

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs the real `liaison` CLI process. */
export function liaison(
  args: string[],
  options: { input?: string; env?: Record<string, string | undefined>; cwd?: string } = {},
): CliResult {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LIAISON_ACTOR: undefined,
    LIAISON_DB: undefined,
    LIAISON_EXPORT_DIR: undefined,
    ...options.env,
  };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  const result = spawnSync(process.execPath, [cliPath, ...args], {
    input: options.input ?? '',
    env,
    encoding: 'utf8',
    ...(options.cwd ? { cwd: options.cwd } : {}),
  });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh folder for one test's database and files. */
export function tempDir(): { dir: string; db: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'liaison-cli-'));
  return { dir, db: join(dir, 'liaison.sqlite'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Starts `liaison serve` as a real process and resolves once it listens. Jest gives a test a
 * copy of `process.env` that child processes do not see: extra variables are passed explicitly.
 */
export function startServer(db: string, port: number, env: Record<string, string> = {}): Promise<ListeningProcess> {
  // Exports go beside the test's database unless the test says otherwise, never into the repository.
  const exportDir = { LIAISON_EXPORT_DIR: join(dirname(db), 'Export') };
  return spawnListening([cliPath, 'serve', '--db', db, '--port', String(port), '--json'], {
    ...process.env,
    ...exportDir,
    ...env,
  });
}

/** A free TCP port on the loopback. */
export function freePort(): number {
  const out = spawnSync(
    process.execPath,
    ['-e', "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"],
    { encoding: 'utf8' },
  );
  return Number(out.stdout.trim());
}
