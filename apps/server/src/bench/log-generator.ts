import { randomUUID } from 'node:crypto';
import { Kernel } from '../kernel/kernel';
import { benchUai } from './bench-uai';
import {
  GuardianLinked,
  PupilAddressChanged,
  PupilAssignedToClass,
  PupilEnrolled,
  PupilIdentityCorrected,
  PupilSchoolingChanged,
  benchPlugin,
} from './bench-plugin';
import { pick, seededRandom } from './prng';
import { openRawSqlite } from './raw-sqlite';

export interface GeneratedLog {
  events: number;
  streams: number;
  establishments: number;
  pupils: number;
  seconds: number;
  /** Size of the SQLite file once generated and checkpointed. */
  fileMb: number;
}

const ROWS_PER_TRANSACTION = 50_000;
const YEAR = 2025;
const LAST_NAMES = ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon', 'Laurent', 'Lefèvre', 'Michel', 'Garcia', 'N’Diaye'];
const FIRST_NAMES = ['Léa', 'Hugo', 'Chloé', 'Louis', 'Emma', 'Gabriel', 'Inès', 'Raphaël', 'Jade', 'Arthur', 'Zoé', 'Adam', 'Lina', 'Nathan', 'Manon', 'Yanis'];
const LEVELS = ['6e', '5e', '4e', '3e', '2de', '1re', 'Tle'];
const CLASS_LETTERS = ['A', 'B', 'C', 'D'];
const CITIES = ['Paris', 'Lyon', 'Nantes', 'Lille', 'Rennes', 'Bordeaux', 'Toulouse', 'Strasbourg'];
const STAFF = ['secretariat.dupont', 'secretariat.nguyen', 'direction.martin', 'vie-scolaire.leroy'];

/**
 * Fills a migrated database with a realistic log of `total` events, fast, through raw prepared
 * inserts: a few establishments (registered, year opened), ~total/10 pupil streams
 * `pupil-<UAI>-<id>` first imported in bulk (enrolment, 1–2 guardians, class: each pupil's
 * events contiguous, one correlation id per 1,000 pupils), then single edits scattered over
 * random pupils until the log holds `total` events. The read models of the inline projections
 * are filled to match and every checkpoint is set to the head, as if a server had projected
 * the log: opening a kernel on it then replays nothing, and only the timed rebuild reads it.
 */
export async function generateLog(path: string, total: number, seed = 20_250_901): Promise<GeneratedLog> {
  const started = process.hrtime.bigint();
  // Migrations, projection tables and checkpoints, exactly as the server creates them.
  const kernel = await Kernel.open({ dbPath: path, plugins: [benchPlugin()] });
  await kernel.close();

  const db = openRawSqlite(path);
  // Setup only, not measured: no fsync and a large page cache while filling the file (the
  // random event ids make the unique index's inserts scattered). Checkpointed and closed below.
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  const insertEvent = db.prepare(
    `INSERT INTO events (event_id, stream_id, stream_position, type, schema_version, data, metadata, recorded_at)
     VALUES (?, ?, ?, ?, 1, ?, ?, ?)`,
  );
  const random = seededRandom(seed);
  const pupils = Math.max(1, Math.floor(total / 10));
  const establishmentCount = Math.min(20, Math.max(1, Math.ceil(pupils / 10_000)));
  const uais = Array.from({ length: establishmentCount }, (_, k) => benchUai(500_000 + k));
  const pupilPositions = new Uint32Array(pupils);
  const pupilCode = (p: number): string => `E${String(p).padStart(7, '0')}`;
  const pupilStream = (p: number): string => `pupil-${uais[p % establishmentCount]}-${pupilCode(p)}`;
  const epoch = Date.parse(`${YEAR}-06-02T07:30:00.000Z`);
  let written = 0;

  db.exec('BEGIN IMMEDIATE');
  const emit = (streamId: string, position: number, type: string, data: unknown, metadata: object): void => {
    const at = new Date(epoch + written * 15_000).toISOString();
    insertEvent.run(randomUUID(), streamId, position, type, JSON.stringify(data), JSON.stringify({ ...metadata, occurredAt: at }), at);
    written++;
    if (written % ROWS_PER_TRANSACTION === 0) {
      db.exec('COMMIT');
      db.exec('BEGIN IMMEDIATE');
    }
  };
  const meta = (actor: string, source: string, correlationId: string, causationId: string): object => ({
    actor,
    source,
    correlationId,
    causationId,
  });

  // 1. Establishments and their school year, with the inline read models that go with them.
  const insertEstablishment = db.prepare(
    'INSERT INTO core_establishments (uai, name, degree, contract, registered_at, position) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const insertYear = db.prepare('INSERT INTO core_years (uai, year, opened_at, opened_by, position) VALUES (?, ?, ?, ?, ?)');
  const streamVersions = new Map<string, number>();
  for (const uai of uais) {
    for (const kind of ['establishment', 'year'] as const) {
      if (written >= total) break;
      const id = randomUUID();
      const at = new Date(epoch + written * 15_000).toISOString();
      if (kind === 'establishment') {
        const data = { uai, name: `Ensemble scolaire Saint-Joseph ${uai}`, degree: 'second', contract: 'association' };
        emit(`establishment-${uai}`, 1, 'EstablishmentRegistered', data, meta('installation', 'cli', id, id));
        insertEstablishment.run(uai, data.name, data.degree, data.contract, at, written);
        streamVersions.set(`establishment-${uai}`, 1);
      } else {
        emit(`year-${uai}-${YEAR}`, 1, 'YearOpened', { uai, year: YEAR }, meta('direction.martin', 'http', id, id));
        insertYear.run(uai, YEAR, at, 'direction.martin', written);
        streamVersions.set(`year-${uai}-${YEAR}`, 1);
      }
    }
  }

  const guardian = (p: number, g: number) => ({
    pupilId: pupilCode(p),
    guardianId: `R${String(p).padStart(7, '0')}-${g}`,
    relation: pick(random, ['mère', 'père', 'tuteur'] as const),
    lastName: pick(random, LAST_NAMES),
    firstName: pick(random, FIRST_NAMES),
    phone: `06${String(Math.floor(random() * 1e8)).padStart(8, '0')}`,
    email: `famille.${pupilCode(p).toLowerCase()}@example.fr`,
  });
  const classOf = (p: number) => ({
    pupilId: pupilCode(p),
    year: YEAR,
    classCode: `${pick(random, LEVELS)}${pick(random, CLASS_LETTERS)}`,
  });
  const pupilEvent = (p: number, type: string, data: unknown, metadata: object): void => {
    if (written >= total) return;
    emit(pupilStream(p), ++pupilPositions[p]!, type, data, metadata);
  };

  // 2. The SIECLE import of each establishment: every pupil's events together.
  let correlationId = randomUUID();
  let imported = 0;
  for (let e = 0; e < establishmentCount && written < total; e++) {
    for (let p = e; p < pupils && written < total; p += establishmentCount) {
      if (imported++ % 1_000 === 0) correlationId = randomUUID();
      const m = meta('import-siecle', 'import', correlationId, randomUUID());
      pupilEvent(
        p,
        PupilEnrolled.type,
        {
          uai: uais[e],
          pupilId: pupilCode(p),
          ine: `${String(100_000_000 + p).padStart(10, '0')}K`,
          lastName: pick(random, LAST_NAMES),
          firstName: pick(random, FIRST_NAMES),
          birthDate: `20${10 + Math.floor(random() * 8)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 10)}`,
          sex: random() < 0.5 ? 'F' : 'M',
          level: pick(random, LEVELS),
          enrolledOn: `${YEAR}-09-01`,
        },
        m,
      );
      pupilEvent(p, GuardianLinked.type, guardian(p, 1), m);
      if (random() < 0.6) pupilEvent(p, GuardianLinked.type, guardian(p, 2), m);
      pupilEvent(p, PupilAssignedToClass.type, classOf(p), m);
    }
  }

  // 3. Day-to-day edits by the school staff, scattered over random pupils.
  while (written < total) {
    const p = Math.floor(random() * pupils);
    const id = randomUUID();
    const m = meta(pick(random, STAFF), 'http', id, id);
    const r = random();
    if (r < 0.35) {
      pupilEvent(
        p,
        PupilAddressChanged.type,
        { pupilId: pupilCode(p), street: `${1 + Math.floor(random() * 120)} rue de la République`, postalCode: '75011', city: pick(random, CITIES) },
        m,
      );
    } else if (r < 0.55) {
      pupilEvent(p, PupilSchoolingChanged.type, { pupilId: pupilCode(p), regime: pick(random, ['externe', 'demi-pensionnaire', 'interne'] as const), from: `${YEAR}-11-03` }, m);
    } else if (r < 0.75) {
      pupilEvent(p, PupilAssignedToClass.type, classOf(p), m);
    } else if (r < 0.9) {
      pupilEvent(
        p,
        PupilIdentityCorrected.type,
        { pupilId: pupilCode(p), lastName: pick(random, LAST_NAMES), firstName: pick(random, FIRST_NAMES), birthDate: '2013-04-21' },
        m,
      );
    } else {
      pupilEvent(p, GuardianLinked.type, guardian(p, 3), m);
    }
  }

  // 4. Stream versions, then every checkpoint at the head.
  const insertStream = db.prepare('INSERT INTO streams (stream_id, stream_type, version) VALUES (?, ?, ?)');
  for (const [streamId, version] of streamVersions) insertStream.run(streamId, streamId.slice(0, streamId.indexOf('-')), version);
  let streams = streamVersions.size;
  for (let p = 0; p < pupils; p++) {
    if (pupilPositions[p]! > 0) {
      insertStream.run(pupilStream(p), 'pupil', pupilPositions[p]);
      streams++;
    }
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
    seconds: Number(process.hrtime.bigint() - started) / 1e9,
    fileMb: (pageCount * pageSize) / (1024 * 1024),
  };
}
