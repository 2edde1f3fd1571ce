import { type Measurement } from './measure';

/** One measurement, run alone in its own child process (see child-process.ts). */
export type Job =
  | { kind: 'pipeline-execute'; dbPath: string; events: number }
  | { kind: 'pipeline-batch'; dbPath: string; events: number; batch: number }
  | { kind: 'raw-insert'; dbPath: string; events: number; perTransaction: number }
  | { kind: 'rebuild'; dbPath: string; events: number; batch?: number }
  | { kind: 'raw-scan'; dbPath: string; events: number };

/**
 * Loads only the modules the job needs (a raw baseline never loads TypeORM or the kernel),
 * so that each child's peak RSS is its own.
 */
export async function runJob(job: Job): Promise<Measurement> {
  switch (job.kind) {
    case 'pipeline-execute':
      return (await import('./pipeline-runs.js')).runPipelineExecute(job.dbPath, job.events);
    case 'pipeline-batch':
      return (await import('./pipeline-runs.js')).runPipelineBatch(job.dbPath, job.events, job.batch);
    case 'raw-insert':
      return (await import('./raw-insert.js')).runRawInsert(job.dbPath, job.events, job.perTransaction);
    case 'rebuild':
      return (await import('./rebuild-run.js')).runRebuild(job.dbPath, job.events, job.batch);
    case 'raw-scan':
      return (await import('./raw-scan.js')).runRawScan(job.dbPath, job.events);
  }
}
