import { Database } from '../database/database';
import { runInChild } from './child-process';
import { type Job } from './jobs';
import { generateLog, type GeneratedLog } from './log-generator';
import { type Measurement } from './measure';
import { type BenchOptions, type CaseName } from './options';
import { type TempFiles } from './temp-files';

export interface CaseResult {
  id: CaseName;
  title: string;
  /** The fastest run, with the highest peak RSS of all runs. */
  subject: Measurement;
  baseline: Measurement;
  /** subject events/s ÷ baseline events/s (wall clock): what the goals are about. */
  ratio: number;
  /** The same ratio on CPU time (baseline CPU s ÷ subject CPU s), less sensitive to other load. */
  cpuRatio: number;
  goal?: { minRatio: number; met: boolean };
  /** Every run, in the order they ran (subject and baseline alternate). */
  runs: { subject: Measurement[]; baseline: Measurement[] };
  log?: GeneratedLog;
}

const log = (message: string): void => {
  process.stderr.write(`[bench] ${message}\n`);
};

function summary(runs: readonly Measurement[]): Measurement {
  const fastest = runs.reduce((best, m) => (m.seconds < best.seconds ? m : best));
  return { ...fastest, peakRssMb: Math.max(...runs.map((m) => m.peakRssMb)) };
}

function result(id: CaseName, title: string, runs: CaseResult['runs'], goal?: number): Omit<CaseResult, 'log'> {
  const subject = summary(runs.subject);
  const baseline = summary(runs.baseline);
  const ratio = subject.eventsPerSecond / baseline.eventsPerSecond;
  return {
    id,
    title,
    subject,
    baseline,
    ratio,
    cpuRatio: baseline.cpuSeconds / subject.cpuSeconds,
    ...(goal === undefined ? {} : { goal: { minRatio: goal, met: ratio >= goal } }),
    runs,
  };
}

/** A database with the real schema, migrated by the real `Database.open`, for the raw inserts. */
async function migratedFile(files: TempFiles, name: string): Promise<string> {
  const path = files.file(name);
  const db = await Database.open(path);
  await db.close();
  return path;
}

/**
 * Cases 1 and 2: `repeat` times the pipeline then the raw inserts, each on a fresh file (a new
 * one for the pipeline, a migrated one for the raw inserts), deleted once measured.
 */
async function writeCase(
  options: BenchOptions,
  files: TempFiles,
  name: string,
  subjectJob: (dbPath: string) => Job,
  baselineJob: (dbPath: string) => Job,
): Promise<CaseResult['runs']> {
  const runs: CaseResult['runs'] = { subject: [], baseline: [] };
  for (let r = 1; r <= options.repeat; r++) {
    const run = options.repeat > 1 ? ` (run ${r}/${options.repeat})` : '';
    log(`${name}: pipeline${run}…`);
    const subjectPath = files.file(`${name}-pipeline-${r}`);
    runs.subject.push(await runInChild(subjectJob(subjectPath)));
    files.remove(subjectPath);
    log(`${name}: raw inserts${run}…`);
    const rawPath = await migratedFile(files, `${name}-raw-${r}`);
    runs.baseline.push(await runInChild(baselineJob(rawPath)));
    files.remove(rawPath);
  }
  return runs;
}

/** 1. One command per transaction vs one raw event per transaction. */
async function pipelineCase(options: BenchOptions, files: TempFiles): Promise<CaseResult> {
  const events = options.events;
  log(`case 1: ${events} commands, 1 per transaction`);
  const runs = await writeCase(
    options,
    files,
    'case1',
    (dbPath) => ({ kind: 'pipeline-execute', dbPath, events }),
    (dbPath) => ({ kind: 'raw-insert', dbPath, events, perTransaction: 1 }),
  );
  return result('pipeline', '1. Command pipeline, one command per transaction', runs, 0.25);
}

/** 2. The import path: executeBatch vs raw inserts, `batch` per transaction. */
async function batchCase(options: BenchOptions, files: TempFiles): Promise<CaseResult> {
  const { events, batch } = options;
  log(`case 2: ${events} commands, ${batch} per transaction`);
  const runs = await writeCase(
    options,
    files,
    'case2',
    (dbPath) => ({ kind: 'pipeline-batch', dbPath, events, batch }),
    (dbPath) => ({ kind: 'raw-insert', dbPath, events, perTransaction: batch }),
  );
  return result('batch', `2. Batched import, ${batch} commands per transaction`, runs);
}

/**
 * 3. Rebuild of core_stream_activity over a generated log vs a raw scan of the same rows. With
 * `repeat`, both run again on the same log (a rebuild empties the read model first).
 */
async function rebuildCase(options: BenchOptions, files: TempFiles): Promise<CaseResult> {
  const path = files.file('case3-log');
  log(`case 3: generating a log of ${options.log} events…`);
  const generated = await generateLog(path, options.log);
  log(
    `case 3: ${generated.events} events, ${generated.streams} streams, ${generated.fileMb.toFixed(0)} MB, ` +
      `generated in ${generated.seconds.toFixed(1)} s`,
  );
  const runs: CaseResult['runs'] = { subject: [], baseline: [] };
  for (let r = 1; r <= options.repeat; r++) {
    const run = options.repeat > 1 ? ` (run ${r}/${options.repeat})` : '';
    log(`case 3: raw scan${run}…`);
    runs.baseline.push(await runInChild({ kind: 'raw-scan', dbPath: path, events: generated.events }));
    log(`case 3: rebuild${run}…`);
    runs.subject.push(
      await runInChild({
        kind: 'rebuild',
        dbPath: path,
        events: generated.events,
        ...(options.rebuildBatch === undefined ? {} : { batch: options.rebuildBatch }),
      }),
    );
  }
  files.remove(path);
  return { ...result('rebuild', '3. Projection rebuild (core_stream_activity)', runs, 0.5), log: generated };
}

export async function runCases(options: BenchOptions, files: TempFiles): Promise<CaseResult[]> {
  const runners: Record<CaseName, (o: BenchOptions, f: TempFiles) => Promise<CaseResult>> = {
    pipeline: pipelineCase,
    batch: batchCase,
    rebuild: rebuildCase,
  };
  const results: CaseResult[] = [];
  for (const name of options.cases) results.push(await runners[name](options, files));
  return results;
}
