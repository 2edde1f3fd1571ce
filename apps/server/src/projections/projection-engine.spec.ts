import { type ChildProcess, fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { type LiaisonPlugin, PLUGIN_API_VERSION, type Projection, type ProjectionFold } from '@liaison/domain';
import { defineEvent, type NewEvent } from '@liaison/events';
import { type CommandContext } from '../commands/command-pipeline';
import { Kernel, type KernelOptions } from '../kernel/kernel';
import { readCheckpoint } from './checkpoints';
import { TS_CHILD_BOOTSTRAP } from '../testing/ts-child-bootstrap';

const CHECK_LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ';
/** A valid UAI for any n below 10^7. */
const uai = (n: number): string => String(n).padStart(7, '0') + CHECK_LETTERS[n % 23];

const ctx: CommandContext = { actor: 'test', source: 'test' };
const register = (code: string) => ({
  type: 'RegisterEstablishment',
  payload: { uai: code, name: `École ${code}`, degree: 'second', contract: 'simple' },
});
const openYear = (code: string, year: number) => ({ type: 'OpenYear', payload: { uai: code, year } });

// Events only a test plugin knows, appended straight to the store.
const NoteTaken = defineEvent('NoteTaken', z.object({ text: z.string().min(1) }));
const notesPlugin: LiaisonPlugin = {
  manifest: {
    id: 'test-notes',
    degree: 'first',
    displayName: 'Notes (test)',
    apiVersion: PLUGIN_API_VERSION,
    tablePrefix: 'tst_',
  },
  events: [NoteTaken],
};
const note = (text: string): NewEvent => NoteTaken.create({ text });

const CORE_HANDLED = ['EstablishmentRegistered', 'YearOpened'];

interface RecorderOptions {
  mode?: 'inline' | 'async';
  version?: number;
  handles?: readonly string[];
  /** Written in every row, to tell which code wrote it. */
  tag?: string;
  /** Throws when it reaches the event at this global position. */
  failAt?: number;
}

/**
 * A projection that writes one row per event it is handed, keyed by global position: applying
 * an event twice breaks the primary key.
 */
function recorder(name: string, options: RecorderOptions = {}): Projection & { options: RecorderOptions } {
  return {
    name,
    version: options.version ?? 1,
    mode: options.mode ?? 'async',
    handles: options.handles ?? CORE_HANDLED,
    options,
    async init(sql) {
      await sql.run(`CREATE TABLE IF NOT EXISTS ${name} (
        global_position INTEGER PRIMARY KEY NOT NULL,
        type TEXT NOT NULL,
        tag TEXT NOT NULL,
        events_seen INTEGER NOT NULL
      )`);
    },
    async apply(batch, sql) {
      for (const e of batch) {
        if (e.globalPosition === this.options.failAt) throw new Error(`${name} cannot digest event ${e.globalPosition}`);
        // What the projection's transaction sees of the log when it runs.
        const seen = await sql.get<{ n: number }>('SELECT COUNT(*) AS n FROM events');
        await sql.run(`INSERT INTO ${name} (global_position, type, tag, events_seen) VALUES (?, ?, ?, ?)`, [
          e.globalPosition,
          e.type,
          this.options.tag ?? 'v1',
          seen!.n,
        ]);
      }
    },
    async truncate(sql) {
      await sql.run(`DELETE FROM ${name}`);
    },
  };
}

let dir: string;
let dbFile: string;
const kernels: Kernel[] = [];
const children: ChildProcess[] = [];

async function open(options: Omit<KernelOptions, 'dbPath'> = {}): Promise<Kernel> {
  const kernel = await Kernel.open({ dbPath: dbFile, plugins: [], ...options });
  kernels.push(kernel);
  return kernel;
}

async function close(kernel: Kernel): Promise<void> {
  kernels.splice(kernels.indexOf(kernel), 1);
  await kernel.close();
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-projections-'));
  dbFile = path.join(dir, 'liaison.db');
});

afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.pid) process.kill(child.pid);
  for (const kernel of kernels.splice(0)) await kernel.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const rowPositions = (kernel: Kernel, table: string): number[] =>
  kernel.db.reader.all<{ p: number }>(`SELECT global_position AS p FROM ${table} ORDER BY 1`).map((r) => r.p);
const checkpoint = (kernel: Kernel, name: string) => readCheckpoint(kernel.db.reader, name);

async function registerMany(kernel: Kernel, from: number, to: number): Promise<void> {
  for (const n of range(from, to)) await kernel.pipeline.execute(register(uai(n)), ctx);
}

describe('a failing projection', () => {
  it('keeps its checkpoint, is marked failed with its error, and does not stop the others', async () => {
    const bad = recorder('test_bad', { failAt: 12 });
    const good = recorder('test_good');
    const kernel = await open({ projections: [bad, good], projectionBatchSize: 5 });
    await registerMany(kernel, 1, 10);
    for (const n of range(1, 10)) await kernel.pipeline.execute(openYear(uai(n), 2024), ctx);

    const reports = await kernel.projections.catchUp();

    const byName = new Map(reports.map((r) => [r.name, r]));
    // Batches of 5: 1–5 and 6–10 commit, 11–15 throws at 12 after writing 11.
    expect(byName.get('test_bad')).toEqual({
      name: 'test_bad',
      applied: 10,
      position: 10,
      failed: 'test_bad cannot digest event 12',
    });
    expect(checkpoint(kernel, 'test_bad')).toMatchObject({
      position: 10,
      status: 'failed',
      lastError: expect.stringContaining('cannot digest event 12'),
    });
    expect(rowPositions(kernel, 'test_bad')).toEqual(range(1, 10)); // 11 was rolled back

    expect(byName.get('test_good')).toEqual({ name: 'test_good', applied: 20, position: 20 });
    expect(checkpoint(kernel, 'test_good')).toMatchObject({ position: 20, status: 'running', lastError: null });
    expect(rowPositions(kernel, 'test_good')).toEqual(range(1, 20));
    expect(checkpoint(kernel, 'core_stream_activity')).toMatchObject({ position: 20, status: 'running' });

    // Later events: the others go on, the failed one stays where it stopped.
    await registerMany(kernel, 11, 13);
    const later = new Map((await kernel.projections.catchUp()).map((r) => [r.name, r]));
    expect(later.get('test_bad')).toMatchObject({ applied: 0, position: 10, failed: expect.stringContaining('event 12') });
    expect(later.get('test_good')).toEqual({ name: 'test_good', applied: 3, position: 23 });
    expect(rowPositions(kernel, 'test_bad')).toEqual(range(1, 10));
    expect(kernel.projections.status().find((s) => s.name === 'test_bad')).toMatchObject({
      status: 'failed',
      behind: 13,
      mode: 'async',
    });
    expect(kernel.projections.status().find((s) => s.name === 'test_good')).toMatchObject({ status: 'running', behind: 0 });

    // Once fixed, a rebuild brings it back.
    bad.options.failAt = undefined;
    expect(await kernel.projections.rebuild('test_bad')).toEqual({ name: 'test_bad', applied: 23, position: 23 });
    expect(checkpoint(kernel, 'test_bad')).toMatchObject({ position: 23, status: 'running', lastError: null });
    expect(rowPositions(kernel, 'test_bad')).toEqual(range(1, 23));
  });

  it('stays failed across a restart with the same version', async () => {
    const kernel = await open({ projections: [recorder('test_bad', { failAt: 2 })] });
    await registerMany(kernel, 1, 3);
    await kernel.projections.catchUp();
    await close(kernel);

    const again = await open({ projections: [recorder('test_bad')] });
    expect(checkpoint(again, 'test_bad')).toMatchObject({ status: 'failed', position: 0 });
    expect(rowPositions(again, 'test_bad')).toEqual([]);
  });
});

describe('rebuild', () => {
  const TABLES = {
    core_establishments: 'SELECT * FROM core_establishments ORDER BY uai',
    core_years: 'SELECT * FROM core_years ORDER BY uai, year',
    core_stream_activity: 'SELECT * FROM core_stream_activity ORDER BY stream_id',
  } as const;
  const dump = (kernel: Kernel) =>
    Object.fromEntries(Object.entries(TABLES).map(([name, sql]) => [name, kernel.db.reader.all(sql)]));

  it('gives the same read models as the incremental build', async () => {
    const kernel = await open({ plugins: [notesPlugin], projectionBatchSize: 7 });
    let catchUps = 0;
    for (let round = 1; round <= 30; round++) {
      const code = uai(round * 7919);
      await kernel.pipeline.execute(register(code), { ...ctx, actor: `user-${round % 4}` });
      await kernel.pipeline.executeBatch([openYear(code, 2022), openYear(code, 2023)], {
        ...ctx,
        occurredAt: `20${10 + (round % 10)}-09-01T08:00:00.000Z`,
      });
      if (round > 1) await kernel.pipeline.execute(openYear(uai((round - 1) * 7919), 2024), ctx);
      // Raw appends of plugin events, some to two streams at once.
      await kernel.store.append([
        {
          streamId: `note-${uai((round % 5) * 7919 + 7919)}-${round % 3}`,
          expected: 'any',
          events: range(1, 1 + (round % 4)).map((i) => note(`r${round} n${i}`)),
          metadata: {
            actor: `user-${round % 3}`,
            source: 'test',
            correlationId: `c${round}`,
            occurredAt: '2024-01-01T00:00:00.000Z',
          },
        },
        {
          streamId: `note-${uai(round * 7919)}-x`,
          expected: 'no_stream',
          events: [note(`r${round}`), note(`r${round} bis`)],
          metadata: { actor: 'importer', source: 'import', correlationId: `c${round}`, occurredAt: '2024-01-01T00:00:00.000Z' },
        },
      ]);
      if (round % 3 === 0) {
        await kernel.projections.catchUp();
        catchUps++;
      }
    }
    await kernel.projections.catchUp();
    const head = kernel.store.headPosition();
    expect(head).toBeGreaterThanOrEqual(250);
    expect(catchUps).toBe(10);

    const incremental = dump(kernel);
    expect(incremental.core_establishments).toHaveLength(30);
    expect(incremental.core_years).toHaveLength(30 * 2 + 29);
    const activity = incremental.core_stream_activity as Array<{ events: number; last_position: number }>;
    expect(activity.reduce((sum, a) => sum + a.events, 0)).toBe(head);
    expect(Math.max(...activity.map((a) => a.last_position))).toBe(head);

    for (const name of Object.keys(TABLES)) {
      const report = await kernel.projections.rebuild(name);
      expect(report).toMatchObject({ name, position: head });
      expect(report.failed).toBeUndefined();
      expect(checkpoint(kernel, name)).toMatchObject({ position: head, status: 'running' });
    }
    expect(dump(kernel)).toEqual(incremental);
  });
});

describe('folding projections', () => {
  /** Counts events per type; folds in memory, writes once per batch; can be told to fail. */
  function counter(options: { failAt?: number; failInWrite?: boolean } = {}) {
    const writes: number[] = [];
    const fold: ProjectionFold<Map<string, number>> = {
      start: () => new Map(),
      add(acc, e) {
        if (e.globalPosition === options.failAt) throw new Error(`cannot count event ${e.globalPosition}`);
        acc.set(e.type, (acc.get(e.type) ?? 0) + 1);
      },
      async write(acc, sql) {
        if (options.failInWrite) throw new Error('disk says no');
        writes.push([...acc.values()].reduce((a, b) => a + b, 0));
        for (const [type, n] of acc) {
          await sql.run('INSERT INTO test_counts (type, n) VALUES (?, ?) ON CONFLICT (type) DO UPDATE SET n = n + excluded.n', [
            type,
            n,
          ]);
        }
      },
    };
    const projection: Projection = {
      name: 'test_counts',
      version: 1,
      mode: 'async',
      handles: CORE_HANDLED,
      async init(sql) {
        await sql.run('CREATE TABLE IF NOT EXISTS test_counts (type TEXT PRIMARY KEY NOT NULL, n INTEGER NOT NULL)');
      },
      async apply(batch, sql) {
        const acc = fold.start();
        for (const e of batch) fold.add(acc, e);
        await fold.write(acc, sql);
      },
      fold,
      async truncate(sql) {
        await sql.run('DELETE FROM test_counts');
      },
    };
    return { projection, writes };
  }
  const counts = (kernel: Kernel) =>
    Object.fromEntries(
      kernel.db.reader.all<{ type: string; n: number }>('SELECT type, n FROM test_counts').map((r) => [r.type, r.n]),
    );

  it('fold each batch as the log is read and write once per batch, with the checkpoint', async () => {
    const { projection, writes } = counter();
    const kernel = await open({ projections: [projection], projectionBatchSize: 4 });
    await registerMany(kernel, 1, 10);
    await kernel.pipeline.execute(openYear(uai(1), 2026), ctx);
    await kernel.projections.catchUp();
    expect(counts(kernel)).toEqual({ EstablishmentRegistered: 10, YearOpened: 1 });
    expect(writes).toEqual([4, 4, 3]);
    expect(checkpoint(kernel, 'test_counts')).toMatchObject({ position: 11, status: 'running' });
    writes.length = 0;
    await kernel.projections.rebuild('test_counts');
    expect(counts(kernel)).toEqual({ EstablishmentRegistered: 10, YearOpened: 1 });
    expect(writes).toEqual([4, 4, 3]);
  });

  it.each<[string, { failAt?: number; failInWrite?: boolean }]>([
    ['while folding', { failAt: 6 }],
    ['while writing', { failInWrite: true }],
  ])('that fail %s are marked failed and keep their checkpoint and rows', async (_when, options) => {
    const { projection } = counter(options);
    const kernel = await open({ projections: [projection], projectionBatchSize: 4 });
    await registerMany(kernel, 1, 10);
    const report = await kernel.projections.catchUp(['test_counts']);
    const expectedPosition = options.failInWrite ? 0 : 4;
    expect(report[0]).toMatchObject({
      name: 'test_counts',
      position: expectedPosition,
      failed: expect.stringMatching(/cannot count event 6|disk says no/),
    });
    expect(checkpoint(kernel, 'test_counts')).toMatchObject({ position: expectedPosition, status: 'failed' });
    expect(counts(kernel)).toEqual(options.failInWrite ? {} : { EstablishmentRegistered: 4 });
  });
});

describe('two runners on two connections', () => {
  it('apply every event exactly once when they race on the same async projection', async () => {
    const kernel = await open(); // creates the file; appends from this process
    const [a, b] = await Promise.all([RunnerProcess.start('a'), RunnerProcess.start('b')]);
    a.go();
    b.go();
    const total = 240;
    for (let n = 1; n <= total; n += 3) {
      await kernel.pipeline.executeBatch([register(uai(n)), register(uai(n + 1)), register(uai(n + 2))], ctx);
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    const [ra, rb] = await Promise.all([a.stop(), b.stop()]);

    expect(ra.failed).toEqual([]);
    expect(rb.failed).toEqual([]);
    expect(rowPositions(kernel, 'test_counted')).toEqual(range(1, total));
    expect(ra.applied + rb.applied).toBe(total);
    // Both took part: the batches really interleaved across the two connections.
    expect(Math.min(ra.applied, rb.applied)).toBeGreaterThan(0);
    const byRunner = kernel.db.reader.all<{ runner: string; n: number }>(
      'SELECT runner, COUNT(*) AS n FROM test_counted GROUP BY runner ORDER BY runner',
    );
    expect(byRunner.reduce((sum, r) => sum + r.n, 0)).toBe(total);
    expect(Object.fromEntries(byRunner.map((r) => [r.runner, r.n]))).toEqual(
      Object.fromEntries(
        [
          ['a', ra.applied],
          ['b', rb.applied],
        ].filter(([, n]) => n !== 0),
      ),
    );
    expect(checkpoint(kernel, 'test_counted')).toMatchObject({ position: total, status: 'running', lastError: null });
  }, 60_000);
});

describe('inline projections', () => {
  it('are written in the append transaction', async () => {
    const inline = recorder('test_inline', { mode: 'inline', handles: ['EstablishmentRegistered'] });
    const kernel = await open({ projections: [inline] });

    await kernel.pipeline.execute(register(uai(1)), ctx);
    // Visible as soon as the command returns, with no catch-up: and it saw its own event uncommitted.
    expect(kernel.db.reader.all('SELECT global_position, events_seen FROM test_inline')).toEqual([
      { global_position: 1, events_seen: 1 },
    ]);
    expect(kernel.db.reader.all('SELECT uai, version FROM core_establishments')).toEqual([{ uai: uai(1), version: 1 }]);
    expect(checkpoint(kernel, 'test_inline')).toMatchObject({ position: 1 });
    expect(checkpoint(kernel, 'core_establishments')).toMatchObject({ position: 1 });
    expect(checkpoint(kernel, 'core_stream_activity')).toMatchObject({ position: 0 }); // async: not yet

    // A projection that throws refuses the append itself: same transaction.
    inline.options.failAt = 2;
    await expect(kernel.pipeline.execute(register(uai(2)), ctx)).rejects.toThrow('cannot digest event 2');
    expect(kernel.store.headPosition()).toBe(1);
    expect(kernel.store.streamVersion(`establishment-${uai(2)}`)).toBe(0);
    expect(kernel.db.reader.all('SELECT uai FROM core_establishments')).toEqual([{ uai: uai(1) }]);
    expect(checkpoint(kernel, 'test_inline')).toMatchObject({ position: 1, status: 'running' });

    inline.options.failAt = undefined;
    await kernel.pipeline.execute(register(uai(2)), ctx);
    expect(rowPositions(kernel, 'test_inline')).toEqual([1, 2]);
  });

  it('move past events they do not handle', async () => {
    const inline = recorder('test_inline', { mode: 'inline', handles: ['YearOpened'] });
    const kernel = await open({ projections: [inline] });
    await registerMany(kernel, 1, 2);
    expect(checkpoint(kernel, 'test_inline')).toMatchObject({ position: 2 });
    await kernel.pipeline.execute(openYear(uai(1), 2024), ctx);
    expect(rowPositions(kernel, 'test_inline')).toEqual([3]);
    expect(checkpoint(kernel, 'test_inline')).toMatchObject({ position: 3 });
  });

  it('added later, catch up from the log at start', async () => {
    const first = await open();
    await registerMany(first, 1, 5);
    await first.pipeline.execute(openYear(uai(1), 2024), ctx);
    await close(first);

    const kernel = await open({ projections: [recorder('test_late', { mode: 'inline' })], projectionBatchSize: 2 });
    expect(rowPositions(kernel, 'test_late')).toEqual(range(1, 6));
    expect(checkpoint(kernel, 'test_late')).toMatchObject({ position: 6, status: 'running' });

    await kernel.pipeline.execute(openYear(uai(2), 2024), ctx);
    expect(rowPositions(kernel, 'test_late')).toEqual(range(1, 7));
    expect(checkpoint(kernel, 'test_late')).toMatchObject({ position: 7 });
  });

  it('catch up inside the append when another process appended without them', async () => {
    const withIt = await open({ projections: [recorder('test_late', { mode: 'inline' })], projectionBatchSize: 2 });
    await registerMany(withIt, 1, 2);
    const without = await open(); // an older build, or a CLI without the plugin
    await registerMany(without, 3, 9);
    expect(checkpoint(without, 'test_late')).toMatchObject({ position: 2 });

    await withIt.pipeline.execute(register(uai(10)), ctx);
    expect(rowPositions(withIt, 'test_late')).toEqual(range(1, 10));
    expect(checkpoint(withIt, 'test_late')).toMatchObject({ position: 10, status: 'running' });
  });
});

describe('a projection whose version is bumped', () => {
  it.each(['async', 'inline'] as const)('is emptied and replayed at start (%s)', async (mode) => {
    const v1 = await open({ projections: [recorder('test_versioned', { mode, version: 1, tag: 'v1' })] });
    await registerMany(v1, 1, 4);
    await v1.projections.catchUp();
    expect(v1.db.reader.all('SELECT DISTINCT tag FROM test_versioned')).toEqual([{ tag: 'v1' }]);
    await close(v1);

    const v2 = await open({ projections: [recorder('test_versioned', { mode, version: 2, tag: 'v2' })] });
    expect(v2.db.reader.all('SELECT global_position, tag FROM test_versioned ORDER BY 1')).toEqual(
      range(1, 4).map((p) => ({ global_position: p, tag: 'v2' })),
    );
    expect(checkpoint(v2, 'test_versioned')).toMatchObject({ version: 2, position: 4, status: 'running' });
    await close(v2);

    // The same version again: nothing is replayed.
    const same = await open({ projections: [recorder('test_versioned', { mode, version: 2, tag: 'v2-again' })] });
    expect(same.db.reader.all('SELECT DISTINCT tag FROM test_versioned')).toEqual([{ tag: 'v2' }]);
    expect(checkpoint(same, 'test_versioned')).toMatchObject({ version: 2, position: 4 });
  });

  it('clears a failure when replayed', async () => {
    const broken = await open({ projections: [recorder('test_versioned', { failAt: 2 })] });
    await registerMany(broken, 1, 3);
    await broken.projections.catchUp();
    expect(checkpoint(broken, 'test_versioned')).toMatchObject({ status: 'failed', position: 0 });
    await close(broken);

    const fixed = await open({ projections: [recorder('test_versioned', { version: 2 })] });
    expect(checkpoint(fixed, 'test_versioned')).toMatchObject({ status: 'running', position: 3, lastError: null });
    expect(rowPositions(fixed, 'test_versioned')).toEqual([1, 2, 3]);
  });
});

// ---------------------------------------------------------------------------------------------
// A projection runner in another process, on its own connection to the same file.

const RUNNER_CHILD = `${TS_CHILD_BOOTSTRAP}
const { Database } = require(src + '/database/database.ts');
const { EventStore } = require(src + '/event-store/event-store.ts');
const { ProjectionEngine } = require(src + '/projections/projection-engine.ts');
const { createCoreCatalogue } = require('@liaison/events');
const [file, runner] = process.argv.slice(2);
const pause = new Int32Array(new SharedArrayBuffer(4));
// One row per event, keyed by global position: a second apply of an event breaks the key.
const counting = {
  name: 'test_counted',
  version: 1,
  mode: 'async',
  handles: ['EstablishmentRegistered', 'YearOpened'],
  async init(sql) {
    await sql.run('CREATE TABLE IF NOT EXISTS test_counted (global_position INTEGER PRIMARY KEY NOT NULL, runner TEXT NOT NULL)');
  },
  async apply(batch, sql) {
    for (const e of batch) await sql.run('INSERT INTO test_counted (global_position, runner) VALUES (?, ?)', [e.globalPosition, runner]);
    Atomics.wait(pause, 0, 0, 1); // a slow read model keeps the batches overlapping
  },
  async truncate(sql) {
    await sql.run('DELETE FROM test_counted');
  },
};
(async () => {
  const db = await Database.open(file);
  const engine = new ProjectionEngine(db, new EventStore(db, createCoreCatalogue().freeze()), [counting], 4);
  await engine.start();
  let stopping = false;
  let applied = 0;
  const failed = [];
  const record = (reports) => {
    for (const r of reports) {
      applied += r.applied;
      if (r.failed) failed.push(r.failed);
    }
  };
  const run = async () => {
    while (!stopping) {
      record(await engine.catchUp());
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 3));
    }
    record(await engine.catchUp());
    await db.close();
    process.send({ applied, failed });
    process.disconnect();
  };
  process.on('message', (msg) => {
    if (msg.cmd === 'go') run().catch((error) => { console.error(error); process.exit(1); });
    if (msg.cmd === 'stop') stopping = true;
  });
  process.send({ ready: true });
})().catch((error) => { console.error(error); process.exit(1); });
`;

interface RunnerReport {
  applied: number;
  failed: string[];
}

class RunnerProcess {
  private readonly ready: Promise<void>;
  private readonly report: Promise<RunnerReport>;

  private constructor(private readonly child: ChildProcess) {
    let onReady!: () => void;
    let onReport!: (r: RunnerReport) => void;
    let onError!: (e: Error) => void;
    this.ready = new Promise<void>((resolve) => (onReady = resolve));
    this.report = new Promise<RunnerReport>((resolve, reject) => {
      onReport = resolve;
      onError = reject;
    });
    child.on('message', (message: { ready?: true } & RunnerReport) => (message.ready ? onReady() : onReport(message)));
    child.on('exit', (code) => onError(new Error(`runner exited with code ${code}`)));
  }

  static async start(runner: string): Promise<RunnerProcess> {
    const script = path.join(dir, 'runner-child.js');
    if (!fs.existsSync(script)) fs.writeFileSync(script, RUNNER_CHILD);
    const child = fork(script, [dbFile, runner], { execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    children.push(child);
    const proc = new RunnerProcess(child);
    await Promise.race([proc.ready, proc.report]);
    return proc;
  }

  go(): void {
    this.child.send({ cmd: 'go' });
  }

  stop(): Promise<RunnerReport> {
    this.child.send({ cmd: 'stop' });
    return this.report;
  }
}
