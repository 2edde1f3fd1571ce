import { join } from 'node:path';
import { repoRoot } from './cli';
import { spawnListening } from './spawn-listening';

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
  const simulator = await spawnListening([SIMULATOR, '--token', token]);
  return {
    ...simulator,
    control: (route, init = {}) =>
      fetch(`${simulator.url}/_simulateur/${route}`, {
        method: init.method ?? 'GET',
        ...(init.body ? { body: Buffer.from(init.body) } : {}),
      }),
  };
}
