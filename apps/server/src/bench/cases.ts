import { Database } from '../database/database';
import { runInChild } from './child-process';
import { generateLog, type GeneratedLog } from './log-generator';
import { type Measurement } from './measure';
import { type BenchOptions, type CaseName } from './options';
import { type TempFiles } from './temp-files';

export interface CaseResult {
  id: CaseName;
  title: string;
  subject: Measurement;
  baseline: Measurement;
  /** subject events/s ÷ baseline events/s. */
  ratio: number;
  goal?: { minRatio: number; met: boolean };
  log?: GeneratedLog;
}

const log = (message: string): void => {
  process.stderr.write(`[bench] ${message}\n`);
};

function result(id: CaseName, title: string, subject: Measurement, baseline: Measurement, goal?: number): CaseResult {
  const ratio = subject.eventsPerSecond / baseline.eventsPerSecond;
  return { id, title, subject, baseline, ratio, ...(goal === undefined ? {} : { goal: { minRatio: goal, met: ratio >= goal } }) };
}

/** A database with the real schema, migrated by the real `Database.open`, for the raw inserts. */
async function migratedFile(files: TempFiles, name: string): Promise<string> {
  const path = files.file(name);
  const db = await Database.open(path);
  await db.close();
  return path;
}

/** 1. One command per transaction vs one raw event per transaction. */
async function pipelineCase(options: BenchOptions, files: TempFiles): Promise<CaseResult> {
  const n = options.events;
  log(`case 1: pipeline.execute × ${n} (1 command/transaction)…`);
  const subjectPath = files.file('case1-pipeline');
  const subject = await runInChild({ kind: 'pipeline-execute', dbPath: subjectPath, events: n });
  files.remove(subjectPath);
  log(`case 1: raw inserts × ${n} (1 event/transaction)…`);
  const rawPath = await migratedFile(files, 'case1-raw');
  const baseline = await runInChild({ kind: 'raw-insert', dbPath: rawPath, events: n, perTransaction: 1 });
  files.remove(rawPath);
  return result('pipeline', '1. Command pipeline, one command per transaction', subject, baseline, 0.25);
}

/** 2. The import path: executeBatch vs raw inserts, `batch` per transaction. */
async function batchCase(options: BenchOptions, files: TempFiles): Promise<CaseResult> {
  const n = options.events;
  log(`case 2: pipeline.executeBatch × ${n} (${options.batch} commands/transaction)…`);
  const subjectPath = files.file('case2-batch');
  const subject = await runInChild({ kind: 'pipeline-batch', dbPath: subjectPath, events: n, batch: options.batch });
  files.remove(subjectPath);
  log(`case 2: raw inserts × ${n} (${options.batch} events/transaction)…`);
  const rawPath = await migratedFile(files, 'case2-raw');
  const baseline = await runInChild({ kind: 'raw-insert', dbPath: rawPath, events: n, perTransaction: options.batch });
  files.remove(rawPath);
  return result('batch', `2. Batched import, ${options.batch} commands per transaction`, subject, baseline);
}

/** 3. Rebuild of core_stream_activity over a generated log vs a raw scan of the same rows. */
async function rebuildCase(options: BenchOptions, files: TempFiles): Promise<CaseResult> {
  const path = files.file('case3-log');
  log(`case 3: generating a log of ${options.log} events…`);
  const generated = await generateLog(path, options.log);
  log(
    `case 3: ${generated.events} events, ${generated.streams} streams, ${generated.fileMb.toFixed(0)} MB, ` +
      `generated in ${generated.seconds.toFixed(1)} s; raw scan…`,
  );
  const baseline = await runInChild({ kind: 'raw-scan', dbPath: path, events: generated.events });
  log('case 3: rebuild…');
  const subject = await runInChild({
    kind: 'rebuild',
    dbPath: path,
    events: generated.events,
    ...(options.rebuildBatch === undefined ? {} : { batch: options.rebuildBatch }),
  });
  files.remove(path);
  return { ...result('rebuild', '3. Projection rebuild (core_stream_activity)', subject, baseline, 0.5), log: generated };
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
