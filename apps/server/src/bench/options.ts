/** The bench's command line (see USAGE and docs/benchmarks.md). */
export type CaseName = 'pipeline' | 'batch' | 'rebuild';

export const ALL_CASES: readonly CaseName[] = ['pipeline', 'batch', 'rebuild'];

export interface BenchOptions {
  /** Commands of cases 1 and 2 (one event each). */
  events: number;
  /** Events of the generated log of case 3. */
  log: number;
  /** Commands per transaction in case 2. */
  batch: number;
  /** Events per rebuild transaction in case 3; the engine's default when absent. */
  rebuildBatch?: number;
  /** Runs of each measurement; the fastest is reported (the least disturbed by other load). */
  repeat: number;
  cases: readonly CaseName[];
  json: boolean;
  /** Keep the temporary SQLite files (to inspect them). */
  keep: boolean;
  /** Where the temporary folder is created; the OS temp dir by default. */
  dir?: string;
}

const USAGE = `usage: node dist/bench/main.js [--events N] [--log N] [--batch N] [--rebuild-batch N] [--repeat N]
       [--cases pipeline,batch,rebuild] [--json] [--keep] [--dir DIR]
  env: BENCH_EVENTS, BENCH_LOG, BENCH_REPEAT (the flags win)`;

function positiveInt(name: string, value: string | undefined): number {
  const n = Number(value?.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name}: a positive integer is expected, got "${value}"\n${USAGE}`);
  return n;
}

export function parseOptions(argv: readonly string[], env: NodeJS.ProcessEnv): BenchOptions {
  const options: BenchOptions = {
    events: env.BENCH_EVENTS ? positiveInt('BENCH_EVENTS', env.BENCH_EVENTS) : 100_000,
    log: env.BENCH_LOG ? positiveInt('BENCH_LOG', env.BENCH_LOG) : 1_000_000,
    batch: 1_000,
    repeat: env.BENCH_REPEAT ? positiveInt('BENCH_REPEAT', env.BENCH_REPEAT) : 1,
    cases: ALL_CASES,
    json: false,
    keep: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = (): string => inline ?? argv[++i] ?? '';
    switch (flag) {
      case '--':
        break;
      case '--events':
        options.events = positiveInt('--events', value());
        break;
      case '--log':
        options.log = positiveInt('--log', value());
        break;
      case '--batch':
        options.batch = positiveInt('--batch', value());
        break;
      case '--repeat':
        options.repeat = positiveInt('--repeat', value());
        break;
      case '--rebuild-batch':
        options.rebuildBatch = positiveInt('--rebuild-batch', value());
        break;
      case '--cases': {
        const names = value().split(',').filter(Boolean);
        for (const n of names) {
          if (!ALL_CASES.includes(n as CaseName)) throw new Error(`--cases: unknown case "${n}"\n${USAGE}`);
        }
        options.cases = names as CaseName[];
        break;
      }
      case '--json':
        options.json = true;
        break;
      case '--keep':
        options.keep = true;
        break;
      case '--dir':
        options.dir = value();
        break;
      case '--help':
      case '-h':
        throw new Error(USAGE);
      default:
        throw new Error(`unknown argument "${arg}"\n${USAGE}`);
    }
  }
  return options;
}
