import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import {
  accept,
  defineCommand,
  InvalidValueError,
  type LiaisonPlugin,
  PLUGIN_API_VERSION,
  RuleViolationError,
  uaiSchema,
} from '@liaison/domain';
import { defineEvent } from '@liaison/events';
import { ConcurrencyError } from '../event-store/errors';
import { Kernel } from '../kernel/kernel';
import { BatchCommandError, type CommandContext } from './command-pipeline';

const CHECK_LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ';
/** A valid UAI for any n below 10^7. */
const uai = (n: number): string => String(n).padStart(7, '0') + CHECK_LETTERS[n % 23];

const UAI = '0750680G';
const ctx: CommandContext = { actor: 'test', source: 'test' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const register = (code = UAI, name = 'École Saint-Joseph') => ({
  type: 'RegisterEstablishment',
  payload: { uai: code, name, degree: 'first', contract: 'association' },
});
const openYear = (code = UAI, year = 2024) => ({ type: 'OpenYear', payload: { uai: code, year } });

// A test command that appends to the same stream as often as it is sent: stale versions need one.
const NoteTaken = defineEvent('NoteTaken', z.object({ uai: z.string(), text: z.string().min(1) }));
const notePayload = z.object({ uai: uaiSchema, key: z.string().min(1), text: z.string().min(1) });
const TakeNote = defineCommand({
  type: 'TakeNote',
  payload: notePayload,
  decider: {
    initialState: () => ({ notes: 0 }),
    evolve: (state: { notes: number }, event) => (event.type === 'NoteTaken' ? { notes: state.notes + 1 } : state),
    decide: (command) => accept([NoteTaken.create({ uai: command.payload.uai, text: command.payload.text })]),
  },
  streamId: (p) => `note-${p.uai}-${p.key}`,
});
const notesPlugin: LiaisonPlugin = {
  manifest: {
    id: 'test-notes',
    degree: 'first',
    displayName: 'Notes (test)',
    apiVersion: PLUGIN_API_VERSION,
    tablePrefix: 'tst_',
  },
  events: [NoteTaken],
  commands: [TakeNote],
};
const takeNote = (text: string, key = 'k') => ({ type: 'TakeNote', payload: { uai: UAI, key, text } });

let dir: string;
let kernel: Kernel;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-pipeline-'));
  kernel = await Kernel.open({ dbPath: path.join(dir, 'liaison.db'), plugins: [notesPlugin] });
});

afterEach(async () => {
  await kernel.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const eventCount = (): number => kernel.db.reader.get<{ n: number }>('SELECT COUNT(*) AS n FROM events')!.n;
const streamCount = (): number => kernel.db.reader.get<{ n: number }>('SELECT COUNT(*) AS n FROM streams')!.n;
const allPositions = (): number[] => kernel.store.readAll().map((e) => e.globalPosition);
const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** The rejection of `promise`, which must reject. */
async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('RegisterEstablishment then OpenYear', () => {
  it('appends the events with the sender and the command in their metadata', async () => {
    const before = Date.now();
    const registered = await kernel.pipeline.execute(register(), ctx);
    const opened = await kernel.pipeline.execute(openYear(), { ...ctx, correlationId: 'import-42' });
    const after = Date.now();

    expect(registered).toMatchObject({
      type: 'RegisterEstablishment',
      streamId: `establishment-${UAI}`,
      version: 1,
      positions: [1],
      warnings: [],
    });
    expect(opened).toMatchObject({ type: 'OpenYear', streamId: `year-${UAI}-2024`, version: 1, positions: [2] });

    const [e1, e2] = kernel.store.readAll();
    expect(e1).toMatchObject({
      type: 'EstablishmentRegistered',
      streamId: `establishment-${UAI}`,
      streamPosition: 1,
      data: { uai: UAI, name: 'École Saint-Joseph', degree: 'first', contract: 'association' },
      metadata: { actor: 'test', source: 'test' },
    });
    expect(e2).toMatchObject({
      type: 'YearOpened',
      data: { uai: UAI, year: 2024 },
      metadata: { actor: 'test', source: 'test', correlationId: 'import-42' },
    });
    // Without a correlation id, the command's own id correlates and causes its events.
    expect(e1!.metadata.correlationId).toMatch(UUID);
    expect(e1!.metadata.causationId).toBe(e1!.metadata.correlationId);
    expect(e2!.metadata.causationId).toMatch(UUID);
    expect(e2!.metadata.causationId).not.toBe(e1!.metadata.causationId);
    for (const e of [e1!, e2!]) {
      const occurred = Date.parse(e.metadata.occurredAt);
      expect(occurred).toBeGreaterThanOrEqual(before);
      expect(occurred).toBeLessThanOrEqual(after);
    }
    expect(registered.events).toEqual([e1]);
    expect(kernel.store.streamVersion(`establishment-${UAI}`)).toBe(1);
  });

  it('takes occurredAt from the command first, then from the context', async () => {
    await kernel.pipeline.execute(register(), { ...ctx, occurredAt: '2019-09-02T08:00:00.000Z', causationId: 'cause-1' });
    await kernel.pipeline.execute(
      { ...openYear(), occurredAt: '2020-09-01T07:30:00.000Z' },
      { ...ctx, occurredAt: '2019-09-02T08:00:00.000Z' },
    );
    const [e1, e2] = kernel.store.readAll();
    expect(e1!.metadata).toMatchObject({ occurredAt: '2019-09-02T08:00:00.000Z', causationId: 'cause-1' });
    expect(e2!.metadata.occurredAt).toBe('2020-09-01T07:30:00.000Z');
    // The read model shows the date of the fact, not of the recording.
    expect(kernel.db.reader.get('SELECT opened_at FROM core_years')).toEqual({ opened_at: '2020-09-01T07:30:00.000Z' });
  });

  it('refuses OpenYear for an unregistered establishment and writes nothing', async () => {
    const error = await rejectionOf(kernel.pipeline.execute(openYear(), ctx));
    expect(error).toBeInstanceOf(RuleViolationError);
    expect(error).toMatchObject({ code: 'establishment_unknown', kind: 'rule' });
    expect((error as Error).message).toContain(UAI);
    expect(eventCount()).toBe(0);
    expect(streamCount()).toBe(0);
    expect(kernel.db.reader.all('SELECT * FROM core_years')).toEqual([]);
  });

  it('refuses a second registration of the same establishment', async () => {
    await kernel.pipeline.execute(register(), ctx);
    await expect(kernel.pipeline.execute(register(UAI, 'Autre nom'), ctx)).rejects.toMatchObject({
      code: 'establishment_exists',
    });
    expect(eventCount()).toBe(1);
  });

  it('refuses a UAI with a wrong check letter, in French, naming the field and the expected letter', async () => {
    const error = await rejectionOf(kernel.pipeline.execute(register('0750680A'), ctx));
    expect(error).toBeInstanceOf(InvalidValueError);
    expect(error).toMatchObject({ code: 'invalid_value', kind: 'invalid' });
    expect((error as Error).message).toBe(
      'RegisterEstablishment : payload.uai : UAI « 0750680A » invalide : la lettre clé attendue est « G »',
    );
    expect(eventCount()).toBe(0);
  });

  it('refuses an unknown command type in French', async () => {
    await expect(kernel.pipeline.execute({ type: 'CloseYear', payload: {} }, ctx)).rejects.toThrow(
      'commande inconnue : « CloseYear »',
    );
  });
});

describe('expected versions (If-Match)', () => {
  it('refuses a stale expected version and accepts the current one', async () => {
    await kernel.pipeline.execute(takeNote('un'), ctx);
    await kernel.pipeline.execute(takeNote('deux'), ctx);
    const error = await rejectionOf(kernel.pipeline.execute(takeNote('trois'), { ...ctx, expectedVersion: 1 }));
    expect(error).toBeInstanceOf(ConcurrencyError);
    expect(error).toMatchObject({ streamId: `note-${UAI}-k`, expected: 1, actual: 2 });
    expect(eventCount()).toBe(2);

    const result = await kernel.pipeline.execute(takeNote('trois'), { ...ctx, expectedVersion: 2 });
    expect(result.version).toBe(3);
  });

  it('refuses an expected version on a stream that does not exist yet', async () => {
    await expect(kernel.pipeline.execute(register(), { ...ctx, expectedVersion: 1 })).rejects.toBeInstanceOf(ConcurrencyError);
    expect(eventCount()).toBe(0);
  });
});

describe('executeBatch', () => {
  it('writes nothing when the second command is refused, and names its index', async () => {
    const error = await rejectionOf(kernel.pipeline.executeBatch([register(uai(1)), openYear(uai(2)), register(uai(3))], ctx));
    expect(error).toBeInstanceOf(BatchCommandError);
    expect(error).toMatchObject({ index: 1 });
    expect((error as BatchCommandError).cause).toBeInstanceOf(RuleViolationError);
    expect((error as BatchCommandError).cause).toMatchObject({ code: 'establishment_unknown' });
    expect(eventCount()).toBe(0);
    expect(streamCount()).toBe(0);
    expect(kernel.db.reader.all('SELECT * FROM core_establishments')).toEqual([]);

    // The positions the rolled-back batch used are given back.
    const next = await kernel.pipeline.execute(register(uai(4)), ctx);
    expect(next.positions).toEqual([1]);
  });

  it('names the index of an invalid command before writing anything', async () => {
    const error = await rejectionOf(kernel.pipeline.executeBatch([register(uai(1)), register('0750680A')], ctx));
    expect(error).toBeInstanceOf(BatchCommandError);
    expect(error).toMatchObject({ index: 1 });
    expect((error as BatchCommandError).cause).toBeInstanceOf(InvalidValueError);
    expect(eventCount()).toBe(0);
  });

  it('lets a command see the events of the earlier ones, and shares one correlation id', async () => {
    const results = await kernel.pipeline.executeBatch([register(uai(1)), openYear(uai(1), 2024), openYear(uai(1), 2025)], ctx);
    expect(results.map((r) => r.positions)).toEqual([[1], [2], [3]]);
    const correlations = new Set(kernel.store.readAll().map((e) => e.metadata.correlationId));
    expect(correlations.size).toBe(1);
    expect([...correlations][0]).toMatch(UUID);
    expect(kernel.db.reader.all('SELECT year FROM core_years ORDER BY year')).toEqual([{ year: 2024 }, { year: 2025 }]);
  });
});

describe('concurrency', () => {
  it('runs 200 concurrent commands on distinct streams with gap-free positions', async () => {
    const settled = await Promise.allSettled(range(1, 200).map((n) => kernel.pipeline.execute(register(uai(n)), ctx)));
    expect(settled.filter((s) => s.status === 'rejected')).toEqual([]);
    const results = settled.map((s) => (s as PromiseFulfilledResult<Awaited<ReturnType<Kernel['pipeline']['execute']>>>).value);
    expect(results.flatMap((r) => r.positions).sort((a, b) => a - b)).toEqual(range(1, 200));
    expect(allPositions()).toEqual(range(1, 200));
    expect(kernel.db.reader.get('SELECT COUNT(*) AS n FROM core_establishments')).toEqual({ n: 200 });
  });

  it('opens a year once when 50 concurrent commands try to', async () => {
    await kernel.pipeline.execute(register(), ctx);
    const settled = await Promise.allSettled(range(1, 50).map(() => kernel.pipeline.execute(openYear(), ctx)));
    const won = settled.filter((s) => s.status === 'fulfilled');
    const lost = settled.filter((s): s is PromiseRejectedResult => s.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(49);
    for (const l of lost) {
      expect(l.reason).toBeInstanceOf(RuleViolationError);
      expect(l.reason).toMatchObject({ code: 'year_already_open' });
    }
    expect(kernel.store.readAll({ types: ['YearOpened'] })).toHaveLength(1);
    expect(allPositions()).toEqual([1, 2]);
    expect(kernel.db.reader.all('SELECT uai, year FROM core_years')).toEqual([{ uai: UAI, year: 2024 }]);
  });
});
