import { JOB_FLAG, childMain } from './child-process';

/**
 * `pnpm bench`: the command pipeline, the batched import path and a projection rebuild, each
 * against a raw better-sqlite3 baseline on a fresh temporary SQLite file. Every measurement
 * runs in its own child process (this file with `--job`); the heavy modules are loaded lazily
 * so that a raw baseline's process never loads the kernel.
 */
async function main(argv: readonly string[]): Promise<void> {
  if (argv[0] === JOB_FLAG) return childMain(argv[1] ?? '');

  const { parseOptions } = await import('./options.js');
  let options;
  try {
    options = parseOptions(argv, process.env);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
    return;
  }
  const [{ runCases }, { TempFiles }, { machineInfo }, report, { describePeakSources }, { default: Sqlite }] = await Promise.all([
    import('./cases.js'),
    import('./temp-files.js'),
    import('./machine.js'),
    import('./report.js'),
    import('./measure.js'),
    import('better-sqlite3'),
  ]);
  const files = new TempFiles(options.dir, options.keep);
  try {
    const memoryDb = new Sqlite(':memory:');
    const sqlite = (memoryDb.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
    memoryDb.close();
    const cases = await runCases(options, files);
    const result = {
      machine: machineInfo(sqlite),
      options: report.reportOptions(options),
      memory: describePeakSources(cases.flatMap((c) => [c.subject.peakRssSource, c.baseline.peakRssSource])),
      cases,
    };
    process.stdout.write(options.json ? `${JSON.stringify(result, null, 2)}\n` : `${report.formatReport(result)}\n`);
  } finally {
    files.cleanUp();
    if (options.keep) process.stderr.write(`[bench] files kept in ${files.dir}\n`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
