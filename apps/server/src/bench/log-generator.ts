import { randomUUID } from 'node:crypto';
import { createCoreCatalogue } from '@liaison/events';
import { Kernel } from '../kernel/kernel';
import { benchUai } from './bench-uai';
import { pick, seededRandom } from './prng';
import { type BenchEvent, editedPupil, importedPupil, type PupilRef, SCHOOL_YEAR } from './pupil-events';
import { openRawSqlite } from './raw-sqlite';

export interface GeneratedLog {
  events: number;
  streams: number;
  establishments: number;
  pupils: number;
  eventTypes: number;
  seconds: number;
  /** Size of the SQLite file once generated and checkpointed. */
  fileMb: number;
}

const ROWS_PER_TRANSACTION = 50_000;
const STAFF = ['secretariat.dupont', 'secretariat.nguyen', 'direction.martin', 'vie-scolaire.leroy'];

/**
 * Fills a new database with a realistic log of `total` events, fast, through raw prepared
 * inserts: a few establishments (registered, year opened), ~total/10 pupil streams
 * `pupil-<UAI>-<id>` first imported from SIECLE (identity, INE, ids, enrolment, 1–2 guardians:
 * each pupil's events contiguous, one correlation id per 1,000 pupils), then single corrections
 * by the staff scattered over random pupils until the log holds `total` events. Only the core
 * event types of the catalogue are used, with data that passes their schemas.
 *
 * The schema, projection tables and checkpoints come from a real `Kernel.open`; every checkpoint
 * is then set at the head, as if a server had projected the log, so that opening a kernel on it
 * replays nothing and only the timed rebuild reads it. (The inline aggregate views are left
 * empty: nothing here reads them.)
 */
export async function generateLog(path: string, total: number, seed = 20_250_901): Promise<GeneratedLog> {
  const started = process.hrtime.bigint();
  const kernel = await Kernel.open({ dbPath: path, plugins: [] });
  await kernel.close();

  const db = openRawSqlite(path);
  // Setup only, not measured: no fsync and a large page cache while filling the file (the random
  // event ids scatter the unique index's inserts). The file is checkpointed and closed below.
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  const insertEvent = db.prepare(
    `INSERT INTO events (event_id, stream_id, stream_position, type, schema_version, data, metadata, recorded_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const catalogue = createCoreCatalogue().freeze();
  const checked = new Set<string>();
  const random = seededRandom(seed);
  const pupils = Math.max(1, Math.floor(total / 10));
  const establishmentCount = Math.min(20, Math.max(1, Math.ceil(pupils / 10_000)));
  const uais = Array.from({ length: establishmentCount }, (_, k) => benchUai(500_000 + k));
  const versions = new Map<string, number>();
  const pupilPositions = new Uint32Array(pupils);
  const pupil = (n: number): PupilRef => ({ uai: uais[n % establishmentCount]!, pupilId: `E${String(n).padStart(7, '0')}`, n });
  const epoch = Date.parse(`${SCHOOL_YEAR}-06-02T07:30:00.000Z`);
  let written = 0;

  const emit = (streamId: string, position: number, event: BenchEvent, metadata: Record<string, string>): void => {
    if (!checked.has(event.type)) {
      // One event of each type goes through the catalogue, as the store would have it.
      catalogue.prepare(event);
      checked.add(event.type);
    }
    const at = new Date(epoch + written * 15_000).toISOString();
    insertEvent.run(
      randomUUID(),
      streamId,
      position,
      event.type,
      catalogue.latestVersion(event.type),
      JSON.stringify(event.data),
      JSON.stringify({ ...metadata, occurredAt: at }),
      at,
    );
    written++;
    if (written % ROWS_PER_TRANSACTION === 0) {
      db.exec('COMMIT');
      db.exec('BEGIN IMMEDIATE');
    }
  };
  const single = (streamId: string, event: BenchEvent, actor: string, source: string): void => {
    if (written >= total) return;
    const id = randomUUID();
    const version = (versions.get(streamId) ?? 0) + 1;
    versions.set(streamId, version);
    emit(streamId, version, event, { actor, source, correlationId: id, causationId: id });
  };
  const onPupil = (n: number, event: BenchEvent, metadata: Record<string, string>): void => {
    if (written >= total) return;
    const p = pupil(n);
    emit(`pupil-${p.uai}-${p.pupilId}`, ++pupilPositions[n]!, event, metadata);
  };

  db.exec('BEGIN IMMEDIATE');
  // 1. The establishments and their school year.
  for (const uai of uais) {
    single(
      `establishment-${uai}`,
      {
        type: 'EstablishmentRegistered',
        data: { uai, name: `Ensemble scolaire Saint-Joseph ${uai}`, degree: 'second', contract: 'association' },
      },
      'installation',
      'cli',
    );
    single(`year-${uai}-${SCHOOL_YEAR}`, { type: 'YearOpened', data: { uai, year: SCHOOL_YEAR } }, 'direction.martin', 'http');
  }

  // 2. The SIECLE import of each establishment: each pupil's events together.
  let correlationId = randomUUID();
  let imported = 0;
  for (let e = 0; e < establishmentCount && written < total; e++) {
    for (let n = e; n < pupils && written < total; n += establishmentCount) {
      if (imported++ % 1_000 === 0) correlationId = randomUUID();
      const metadata = { actor: 'import-siecle', source: 'import', correlationId, causationId: randomUUID() };
      for (const event of importedPupil(pupil(n), random)) onPupil(n, event, metadata);
    }
  }

  // 3. Day-to-day corrections by the staff, scattered over random pupils.
  while (written < total) {
    const n = Math.floor(random() * pupils);
    const id = randomUUID();
    onPupil(n, editedPupil(pupil(n), random), { actor: pick(random, STAFF), source: 'http', correlationId: id, causationId: id });
  }

  // 4. Stream versions, then every checkpoint at the head.
  const insertStream = db.prepare('INSERT INTO streams (stream_id, stream_type, version) VALUES (?, ?, ?)');
  for (const [streamId, version] of versions) insertStream.run(streamId, streamId.slice(0, streamId.indexOf('-')), version);
  let streams = versions.size;
  for (let n = 0; n < pupils; n++) {
    if (pupilPositions[n]! === 0) continue;
    const p = pupil(n);
    insertStream.run(`pupil-${p.uai}-${p.pupilId}`, 'pupil', pupilPositions[n]);
    streams++;
  }
  db.prepare('UPDATE projection_checkpoints SET position = ?, updated_at = ?').run(written, new Date().toISOString());
  db.exec('COMMIT');
  db.pragma('wal_checkpoint(TRUNCATE)');
  const pageCount = db.pragma('page_count', { simple: true }) as number;
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  return {
    events: written,
    streams,
    establishments: establishmentCount,
    pupils,
    eventTypes: checked.size,
    seconds: Number(process.hrtime.bigint() - started) / 1e9,
    fileMb: (pageCount * pageSize) / (1024 * 1024),
  };
}
