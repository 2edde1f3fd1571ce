import { spawn } from 'node:child_process';

export interface ListeningProcess {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts a Node script that prints `{"url": …}` on a line of its own once it listens
 * (`liaison serve --json`, the SIECLE simulator), and resolves with that URL.
 */
export async function spawnListening(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<ListeningProcess> {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve((JSON.parse(line) as { url: string }).url);
    });
    child.on('exit', (code) => reject(new Error(`${args[0]} exited with ${code}: ${stderr}`)));
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
