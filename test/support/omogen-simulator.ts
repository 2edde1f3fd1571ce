import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './cli';

const SIMULATOR = join(repoRoot, 'plugins/second-degree-siecle/dist/omogen/simulator-main.js');

export interface SimulatorProcess {
  url: string;
  /** A control route of the simulator (`reject-next-send`, `delay?ms=`, `exports/<name>`, `received`…). */
  control(route: string, init?: { method?: string; body?: Uint8Array }): Promise<Response>;
  stop(): Promise<void>;
}

/**
 * The SIECLE web-service simulator the plugin ships, as its own process: the CLI runs
 * synchronously in the tests, so an in-process server could not answer it.
 */
export async function startOmogenSimulator(token: string): Promise<SimulatorProcess> {
  const child = spawn(process.execPath, [SIMULATOR, '--token', token], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve((JSON.parse(line) as { url: string }).url);
    });
    child.on('exit', (code) => reject(new Error(`simulator exited with ${code}: ${stderr}`)));
  });
  return {
    url,
    control: (route, init = {}) =>
      fetch(`${url}/_simulateur/${route}`, {
        method: init.method ?? 'GET',
        ...(init.body ? { body: Buffer.from(init.body) } : {}),
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
