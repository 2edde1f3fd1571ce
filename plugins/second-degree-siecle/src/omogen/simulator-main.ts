#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { OmogenSimulator } from './simulator';

/**
 * The simulator as a process: `omogen-simulator [--token T] [--pending-polls N] [--port P]
 * [export files…]` serves each file under its base name without extension
 * (`ElevesSansAdresses.xml` → `/exports/ElevesSansAdresses`), with the control routes on, and
 * prints `{"url"}` once listening. For demonstrations (`LIAISON_OMOGEN_URL=<url> liaison
 * exchange siecle.omogen …`) and for tests that drive the CLI as a separate process.
 */
async function main(argv: string[]): Promise<void> {
  const exports: Record<string, Uint8Array> = {};
  let token: string | undefined;
  let pendingPolls: number | undefined;
  let port = 0;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--token') token = argv[++i];
    else if (arg === '--pending-polls') pendingPolls = Number(argv[++i]);
    else if (arg === '--port') port = Number(argv[++i]);
    else exports[basename(arg).replace(/\.[^.]+$/, '')] = new Uint8Array(readFileSync(arg));
  }
  const simulator = new OmogenSimulator({
    exports,
    control: true,
    ...(token ? { token } : {}),
    ...(pendingPolls ? { pendingPolls } : {}),
  });
  const url = await simulator.start(port);
  process.stdout.write(`${JSON.stringify({ url })}\n`);
  const stop = () => void simulator.stop().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

void main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`simulateur : ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
