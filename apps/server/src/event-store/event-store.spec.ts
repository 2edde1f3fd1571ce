import { type ChildProcess, fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import {
  createCoreCatalogue,
  defineEvent,
  type EventCatalogue,
  type EventMetadata,
  InvalidEventDataError,
  type NewEvent,
  UnknownEventTypeError,
} from '@liaison/events';
import { Database } from '../database/database';
import { ConcurrencyError } from './errors';
import { type AppendRequest, EventStore } from './event-store';
import { TS_CHILD_BOOTSTRAP } from '../testing/ts-child-bootstrap';

const NoteTaken = defineEvent('NoteTaken', z.object({ text: z.string().min(1) }));

const note = (text: string): NewEvent => NoteTaken.create({ text });
const meta = (actor = 'test'): EventMetadata => ({
  actor,
  source: 'test',
  correlationId: `corr-${actor}`,
  occurredAt: '2024-09-02T08:00:00.000Z',
});

const catalogueWithNotes = (): EventCatalogue => createCoreCatalogue().register(NoteTaken).freeze();

let dir: string;
let dbFile: string;
const openDbs: Database[] = [];
const children: ChildProcess[] = [];

async function openStore(catalogue = catalogueWithNotes()): Promise<{ db: Database; store: EventStore }> {
  const db = await Database.open(dbFile);
  openDbs.push(db);
  return { db, store: new EventStore(db, catalogue) };
}

const positions = (db: Database): number[] =>
  db.reader.all<{ p: number }>('SELECT global_position AS p FROM events ORDER BY global_position').map((r) => r.p);
const count = (db: Database, table: string): number => db.reader.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`)!.n;
const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-event-store-'));
  dbFile = path.join(dir, 'liaison.db');
});

afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.pid) process.kill(child.pid);
  for (const db of openDbs.splice(0)) await db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('expected versions', () => {
  it("appends to a new stream with 'no_stream', and refuses a second 'no_stream'", async () => {
    const { db, store } = await openStore();
    const [result] = await store.append([
      { streamId: 'note-0750680G-1', expected: 'no_stream', events: [note('a'), note('b')], metadata: meta() },
    ]);
    expect(result!.version).toBe(2);
    expect(store.streamVersion('note-0750680G-1')).toBe(2);

    const second = store.append([{ streamId: 'note-0750680G-1', expected: 'no_stream', events: [note('c')], metadata: meta() }]);
    await expect(second).rejects.toThrow(ConcurrencyError);
    await expect(second).rejects.toMatchObject({ streamId: 'note-0750680G-1', expected: 'no_stream', actual: 2 });
    expect(count(db, 'events')).toBe(2);
  });

  it("refuses 'stream_exists' on a missing stream and accepts it on an existing one", async () => {
    const { db, store } = await openStore();
    await expect(
      store.append([{ streamId: 'note-0750680G-1', expected: 'stream_exists', events: [note('a')], metadata: meta() }]),
    ).rejects.toMatchObject({ name: 'ConcurrencyError', actual: 0 });
    expect(count(db, 'events')).toBe(0);
    expect(count(db, 'streams')).toBe(0);

    await store.append([{ streamId: 'note-0750680G-1', expected: 'any', events: [note('a')], metadata: meta() }]);
    const [result] = await store.append([
      { streamId: 'note-0750680G-1', expected: 'stream_exists', events: [note('b')], metadata: meta() },
    ]);
    expect(result!.version).toBe(2);
  });

  it('refuses a stale numeric version and accepts the current one', async () => {
    const { db, store } = await openStore();
    await store.append([{ streamId: 'note-0750680G-1', expected: 0, events: [note('a'), note('b')], metadata: meta() }]);
    for (const stale of [0, 1, 3]) {
      await expect(
        store.append([{ streamId: 'note-0750680G-1', expected: stale, events: [note('x')], metadata: meta() }]),
      ).rejects.toMatchObject({ name: 'ConcurrencyError', expected: stale, actual: 2 });
    }
    expect(count(db, 'events')).toBe(2);
    const [result] = await store.append([{ streamId: 'note-0750680G-1', expected: 2, events: [note('c')], metadata: meta() }]);
    expect(result!.version).toBe(3);
    expect(result!.events.map((e) => e.streamPosition)).toEqual([3]);
  });

  it("always accepts 'any'", async () => {
    const { store } = await openStore();
    for (let i = 0; i < 3; i++) {
      await store.append([{ streamId: 'note-0750680G-1', expected: 'any', events: [note(`n${i}`)], metadata: meta() }]);
    }
    expect(store.streamVersion('note-0750680G-1')).toBe(3);
  });
});

describe('positions', () => {
  it('numbers stream positions 1..n and global positions without gaps across streams', async () => {
    const { db, store } = await openStore();
    const streams = ['note-0750680G-1', 'note-0752387M-1', 'note-0750680G-2'];
    for (let round = 0; round < 4; round++) {
      for (const [i, streamId] of streams.entries()) {
        await store.append([
          { streamId, expected: 'any', events: Array.from({ length: i + 1 }, (_, k) => note(`${round}.${k}`)), metadata: meta() },
        ]);
      }
    }
    for (const [i, streamId] of streams.entries()) {
      const loaded = store.readStream(streamId);
      expect(loaded.events.map((e) => e.streamPosition)).toEqual(range(1, 4 * (i + 1)));
      expect(loaded.version).toBe(4 * (i + 1));
      expect(store.streamVersion(streamId)).toBe(4 * (i + 1));
    }
    const all = store.readAll();
    expect(all.map((e) => e.globalPosition)).toEqual(range(1, 24));
    expect(positions(db)).toEqual(range(1, 24));
    expect(store.headPosition()).toBe(24);
    expect(new Set(all.map((e) => e.eventId)).size).toBe(24);
  });

  it('returns the recorded events as stored, with their metadata', async () => {
    const { store } = await openStore();
    const [result] = await store.append([
      {
        streamId: 'year-0750680G-2024',
        expected: 'no_stream',
        events: [{ type: 'YearOpened', data: { uai: '0750680G', year: 2024 } }],
        metadata: meta('alice'),
      },
    ]);
    const [stored] = store.readStream('year-0750680G-2024').events;
    expect(stored).toEqual(result!.events[0]);
    expect(stored).toMatchObject({
      streamId: 'year-0750680G-2024',
      streamPosition: 1,
      globalPosition: 1,
      type: 'YearOpened',
      schemaVersion: 1,
      data: { uai: '0750680G', year: 2024 },
      metadata: meta('alice'),
    });
    expect(new Date(stored!.recordedAt).toISOString()).toBe(stored!.recordedAt);
  });
});

describe('concurrent appends with the same expected version', () => {
  it('give one winner and one conflict inside one process', async () => {
    const { db, store } = await openStore();
    await store.append([{ streamId: 'note-0750680G-1', expected: 'no_stream', events: [note('seed')], metadata: meta() }]);

    const attempt = (who: string) =>
      store.append([
        { streamId: 'note-0750680G-1', expected: 1, events: [note(`${who}-1`), note(`${who}-2`)], metadata: meta(who) },
      ]);
    const settled = await Promise.allSettled([attempt('alice'), attempt('bob')]);

    const won = settled.filter((s) => s.status === 'fulfilled');
    const lost = settled.filter((s) => s.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.reason).toBeInstanceOf(ConcurrencyError);
    expect(lost[0]!.reason).toMatchObject({ expected: 1, actual: 3 });

    const winner = won[0]!.value[0]!;
    const rows = db.reader.all<{ event_id: string }>(
      "SELECT event_id FROM events WHERE stream_id = 'note-0750680G-1' AND stream_position > 1 ORDER BY global_position",
    );
    expect(rows.map((r) => r.event_id)).toEqual(winner.events.map((e) => e.eventId));
    expect(positions(db)).toEqual([1, 2, 3]);
  });

  it('give one winner and one conflict across two connections to the same file (two processes)', async () => {
    const { db, store } = await openStore(); // creates the file and runs the migrations first
    await store.append([
      { streamId: 'year-0752387M-2024', expected: 'no_stream', events: [yearOpened('0752387M', 2024)], metadata: meta() },
    ]);

    const [a, b] = await Promise.all([StoreProcess.start(dbFile), StoreProcess.start(dbFile)]);

    // Round 1: a new stream, both expecting it not to exist.
    const round1 = await race(a, b, (who) => [
      { streamId: 'establishment-0750680G', expected: 'no_stream', events: [registered('0750680G', who)], metadata: meta(who) },
    ]);
    // Round 2: an existing stream, both expecting version 1; each adds two events.
    const round2 = await race(a, b, (who) => [
      {
        streamId: 'year-0752387M-2024',
        expected: 1,
        events: [yearOpened('0752387M', 2024), yearOpened('0752387M', 2024)],
        metadata: meta(who),
      },
    ]);
    await Promise.all([a.close(), b.close()]);

    for (const round of [round1, round2]) {
      const won = round.filter((r) => r.ok);
      const lost = round.filter((r) => !r.ok);
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0]).toMatchObject({ ok: false, name: 'ConcurrencyError', isConcurrencyError: true });
    }
    const winner1 = round1.find((r) => r.ok)!;
    const winner2 = round2.find((r) => r.ok)!;
    expect(store.readStream('establishment-0750680G').events.map((e) => e.eventId)).toEqual(winner1.eventIds);
    expect(store.readStream('establishment-0750680G').events[0]!.data).toMatchObject({ name: `École ${winner1.who}` });
    const year = store.readStream('year-0752387M-2024').events;
    expect(year.slice(1).map((e) => e.eventId)).toEqual(winner2.eventIds);
    expect(year.slice(1).every((e) => e.metadata.actor === winner2.who)).toBe(true);
    expect(positions(db)).toEqual([1, 2, 3, 4]);
  }, 60_000);
});

describe('all or nothing', () => {
  it('writes nothing when a later request of the same append has a stale version', async () => {
    const { db, store } = await openStore();
    await store.append([{ streamId: 'note-0750680G-1', expected: 'no_stream', events: [note('a')], metadata: meta() }]);
    const before = { events: count(db, 'events'), streams: db.reader.all('SELECT * FROM streams ORDER BY stream_id') };

    await expect(
      store.append([
        { streamId: 'note-0752387M-9', expected: 'no_stream', events: [note('b'), note('c')], metadata: meta() },
        { streamId: 'note-0750680G-1', expected: 'any', events: [note('d')], metadata: meta() },
        { streamId: 'note-0750680G-1', expected: 1, events: [note('e')], metadata: meta() }, // now at 2
      ]),
    ).rejects.toMatchObject({ name: 'ConcurrencyError', streamId: 'note-0750680G-1', expected: 1, actual: 2 });

    expect(count(db, 'events')).toBe(before.events);
    expect(db.reader.all('SELECT * FROM streams ORDER BY stream_id')).toEqual(before.streams);
    expect(store.streamVersion('note-0752387M-9')).toBe(0);

    const [next] = await store.append([
      { streamId: 'note-0752387M-9', expected: 'no_stream', events: [note('f')], metadata: meta() },
    ]);
    expect(next!.events[0]!.globalPosition).toBe(2);
    expect(positions(db)).toEqual([1, 2]);
  });

  it('writes nothing when a later request holds an invalid event', async () => {
    const { db, store } = await openStore();
    await store.append([{ streamId: 'note-0750680G-1', expected: 'no_stream', events: [note('a')], metadata: meta() }]);
    await expect(
      store.append([
        { streamId: 'note-0750680G-1', expected: 1, events: [note('b')], metadata: meta() },
        { streamId: 'note-0752387M-9', expected: 'no_stream', events: [note('c'), note('')], metadata: meta() },
      ]),
    ).rejects.toThrow(InvalidEventDataError);
    expect(positions(db)).toEqual([1]);
    expect(store.streamVersion('note-0750680G-1')).toBe(1);
    expect(store.streamVersion('note-0752387M-9')).toBe(0);

    const [next] = await store.append([{ streamId: 'note-0750680G-1', expected: 1, events: [note('b')], metadata: meta() }]);
    expect(next!.events[0]).toMatchObject({ globalPosition: 2, streamPosition: 2 });
  });
});

describe('readAll', () => {
  // 1 establishment-0750680G (alice) · 2 establishment-0752387M (bob) · 3 year-0750680G-2024 (alice)
  // 4,5 note-0750680G-a (bob) · 6 note-0752387M-a (alice) · 7 year-0752387M-2024 (bob)
  async function seed(): Promise<EventStore> {
    const { store } = await openStore();
    const appends: AppendRequest[] = [
      {
        streamId: 'establishment-0750680G',
        expected: 'no_stream',
        events: [registered('0750680G', 'A')],
        metadata: meta('alice'),
      },
      { streamId: 'establishment-0752387M', expected: 'no_stream', events: [registered('0752387M', 'B')], metadata: meta('bob') },
      { streamId: 'year-0750680G-2024', expected: 'no_stream', events: [yearOpened('0750680G', 2024)], metadata: meta('alice') },
      { streamId: 'note-0750680G-a', expected: 'no_stream', events: [note('un'), note('deux')], metadata: meta('bob') },
      { streamId: 'note-0752387M-a', expected: 'no_stream', events: [note('trois')], metadata: meta('alice') },
      { streamId: 'year-0752387M-2024', expected: 'no_stream', events: [yearOpened('0752387M', 2024)], metadata: meta('bob') },
    ];
    for (const request of appends) await store.append([request]);
    return store;
  }
  const at = (store: EventStore, options: Parameters<EventStore['readAll']>[0]) =>
    store.readAll(options).map((e) => e.globalPosition);

  it('filters by stream, establishment, types and actor', async () => {
    const store = await seed();
    expect(at(store, {})).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(at(store, { streamId: 'note-0750680G-a' })).toEqual([4, 5]);
    expect(at(store, { streamId: 'note-0000000A-a' })).toEqual([]);
    expect(at(store, { uai: '0750680G' })).toEqual([1, 3, 4, 5]);
    expect(at(store, { uai: '0752387M' })).toEqual([2, 6, 7]);
    expect(at(store, { types: ['YearOpened'] })).toEqual([3, 7]);
    expect(at(store, { types: ['YearOpened', 'EstablishmentRegistered'] })).toEqual([1, 2, 3, 7]);
    expect(at(store, { types: [] })).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(at(store, { actor: 'bob' })).toEqual([2, 4, 5, 7]);
    expect(at(store, { actor: 'nobody' })).toEqual([]);
    expect(at(store, { uai: '0750680G', actor: 'bob' })).toEqual([4, 5]);
    expect(at(store, { uai: '0752387M', types: ['NoteTaken', 'YearOpened'], actor: 'alice' })).toEqual([6]);
  });

  it('reads the streams of a prefix as an index range, in global order', async () => {
    const store = await seed();
    expect(at(store, { streamPrefix: 'note-0750680G' })).toEqual([4, 5]);
    expect(at(store, { streamPrefix: 'note-' })).toEqual([4, 5, 6]);
    expect(at(store, { streamPrefix: 'year-0752387M-' })).toEqual([7]);
    expect(at(store, { streamPrefix: 'note-0750680G-a', upTo: 4 })).toEqual([4]);
    const plan = store.database.reader.all<{ detail: string }>(
      'EXPLAIN QUERY PLAN SELECT * FROM events WHERE stream_id >= ? AND stream_id < ? ORDER BY global_position',
      ['note-', 'note.'],
    );
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING INDEX/);
  });

  it('pages by position, forwards and backwards', async () => {
    const store = await seed();
    expect(at(store, { after: 3 })).toEqual([4, 5, 6, 7]);
    expect(at(store, { upTo: 3 })).toEqual([1, 2, 3]);
    expect(at(store, { after: 2, upTo: 5 })).toEqual([3, 4, 5]);
    expect(at(store, { limit: 2 })).toEqual([1, 2]);
    expect(at(store, { after: 2, limit: 2 })).toEqual([3, 4]);
    expect(at(store, { descending: true })).toEqual([7, 6, 5, 4, 3, 2, 1]);
    expect(at(store, { descending: true, limit: 3 })).toEqual([7, 6, 5]);
    // Descending, `after` is the cursor of the previous page: older events only.
    expect(at(store, { descending: true, after: 5, limit: 2 })).toEqual([4, 3]);
    expect(at(store, { descending: true, upTo: 4, actor: 'bob' })).toEqual([4, 2]);
    expect(at(store, { limit: 0 })).toEqual([]);
  });

  it('returns decoded events', async () => {
    const store = await seed();
    const [e] = store.readAll({ streamId: 'note-0752387M-a' });
    expect(e).toMatchObject({
      streamId: 'note-0752387M-a',
      streamPosition: 1,
      globalPosition: 6,
      type: 'NoteTaken',
      data: { text: 'trois' },
      metadata: meta('alice'),
    });
  });
});

describe('event validation', () => {
  it('refuses an event type unknown to the catalogue and writes nothing', async () => {
    const { db, store } = await openStore(createCoreCatalogue().freeze()); // no NoteTaken here
    await expect(
      store.append([
        {
          streamId: 'note-0750680G-1',
          expected: 'no_stream',
          events: [yearOpened('0750680G', 2024), note('x')],
          metadata: meta(),
        },
      ]),
    ).rejects.toThrow(UnknownEventTypeError);
    expect(count(db, 'events')).toBe(0);
    expect(count(db, 'streams')).toBe(0);
  });

  it('refuses data that fails the latest schema and writes nothing', async () => {
    const { db, store } = await openStore();
    await expect(
      store.append([
        {
          streamId: 'year-0750680G-2024',
          expected: 'no_stream',
          events: [{ type: 'YearOpened', data: { uai: '0750680G', year: '2024' } }],
          metadata: meta(),
        },
      ]),
    ).rejects.toThrow(InvalidEventDataError);
    expect(count(db, 'events')).toBe(0);
    expect(count(db, 'streams')).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------------
// Helpers

function registered(code: string, who: string): NewEvent {
  return { type: 'EstablishmentRegistered', data: { uai: code, name: `École ${who}`, degree: 'first', contract: 'association' } };
}

function yearOpened(code: string, year: number): NewEvent {
  return { type: 'YearOpened', data: { uai: code, year } };
}

interface AppendOutcome {
  who: string;
  ok: boolean;
  eventIds: string[];
  name?: string;
  isConcurrencyError?: boolean;
}

async function race(a: StoreProcess, b: StoreProcess, requests: (who: string) => AppendRequest[]): Promise<AppendOutcome[]> {
  return Promise.all([a.append(requests(a.who)), b.append(requests(b.who))]);
}

const STORE_CHILD = `${TS_CHILD_BOOTSTRAP}
const { Database } = require(src + '/database/database.ts');
const { EventStore } = require(src + '/event-store/event-store.ts');
const { ConcurrencyError } = require(src + '/event-store/errors.ts');
const { createCoreCatalogue } = require('@liaison/events');
(async () => {
  const db = await Database.open(process.argv[2]);
  const store = new EventStore(db, createCoreCatalogue().freeze());
  process.on('message', async (msg) => {
    if (msg.cmd === 'append') {
      try {
        const results = await store.append(msg.requests);
        process.send({ ok: true, eventIds: results.flatMap((r) => r.events.map((e) => e.eventId)) });
      } catch (error) {
        process.send({ ok: false, eventIds: [], name: error.name, message: error.message, isConcurrencyError: error instanceof ConcurrencyError });
      }
    } else if (msg.cmd === 'close') {
      await db.close();
      process.send({ closed: true });
      process.disconnect();
    }
  });
  process.send({ ready: true });
})().catch((error) => { console.error(error); process.exit(1); });
`;

/** An EventStore in another process, on its own connection to the same file. */
class StoreProcess {
  private static seq = 0;
  private readonly inbox: unknown[] = [];
  private readonly waiting: Array<{ resolve: (m: unknown) => void; reject: (e: Error) => void }> = [];

  private constructor(
    readonly who: string,
    private readonly child: ChildProcess,
  ) {
    child.on('message', (message) => {
      const next = this.waiting.shift();
      if (next) next.resolve(message);
      else this.inbox.push(message);
    });
    child.on('exit', (code) => {
      for (const w of this.waiting.splice(0)) w.reject(new Error(`child ${who} exited with code ${code}`));
    });
  }

  static async start(file: string): Promise<StoreProcess> {
    const script = path.join(dir, 'store-child.js');
    if (!fs.existsSync(script)) fs.writeFileSync(script, STORE_CHILD);
    const child = fork(script, [file], { execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    children.push(child);
    const proc = new StoreProcess(`process-${++StoreProcess.seq}`, child);
    expect(await proc.next()).toEqual({ ready: true });
    return proc;
  }

  private next(): Promise<unknown> {
    const message = this.inbox.shift();
    if (message !== undefined) return Promise.resolve(message);
    if (this.child.exitCode !== null) return Promise.reject(new Error(`child ${this.who} has exited`));
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  async append(requests: AppendRequest[]): Promise<AppendOutcome> {
    this.child.send({ cmd: 'append', requests });
    return { who: this.who, ...((await this.next()) as Omit<AppendOutcome, 'who'>) };
  }

  async close(): Promise<void> {
    this.child.send({ cmd: 'close' });
    await this.next();
  }
}
