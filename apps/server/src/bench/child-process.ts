import { fork } from 'node:child_process';
import { join } from 'node:path';
import { type Job, runJob } from './jobs';
import { type Measurement } from './measure';

export const JOB_FLAG = '--job';

/**
 * Runs a job in a fresh Node process (same flags, so `--cpu-prof` profiles it too): each
 * measurement starts from a cold heap and reports its own peak RSS.
 */
export function runInChild(job: Job): Promise<Measurement> {
  return new Promise((resolve, reject) => {
    const child = fork(join(__dirname, 'main.js'), [JOB_FLAG, JSON.stringify(job)], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let result: Measurement | undefined;
    let failure: string | undefined;
    child.on('message', (message: { result?: Measurement; error?: string }) => {
      result = message.result;
      failure = message.error;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (result) resolve(result);
      else reject(new Error(`${job.kind} failed (${failure ?? `exit ${code ?? signal}`})`));
    });
  });
}

/** The child's side: run the job, send the measurement back, exit. */
export async function childMain(serialisedJob: string): Promise<void> {
  const send = (message: unknown): Promise<void> =>
    new Promise((resolve) => (process.send ? process.send(message, () => resolve()) : resolve()));
  try {
    const result = await runJob(JSON.parse(serialisedJob) as Job);
    await send({ result });
  } catch (error) {
    await send({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    process.exitCode = 1;
  }
}
