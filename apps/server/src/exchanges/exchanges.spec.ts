import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type Anomaly,
  ImportFileError,
  type ImportRow,
  type LiaisonPlugin,
  PLUGIN_API_VERSION,
  pupilsOfYear,
  type SchoolSnapshot,
} from '@liaison/domain';
import { Kernel } from '../kernel/kernel';
import { ExportBlockedError } from './exchange-errors';
import { ImportRefusedError } from './import-service';

const UAI = '0752387M';
const Y = 2026;
const ctx = { actor: 'mme.durand', source: 'test' };

/** A small plugin: imports `pupilId;ine` lines, exports one line per pupil of the year. */
/** The `test.list` writer's version, changed by a test: what it puts first, and what it now refuses. */
const listWriter: { header: string; refusal?: string } = { header: '' };

function testPlugin(): LiaisonPlugin {
  const blocking = (s: SchoolSnapshot): Anomaly[] =>
    pupilsOfYear(s)
      .filter((p) => !p.ine)
      .map((p) => ({
        rule: 'ine',
        severity: 'error',
        entity: { kind: 'pupil', id: p.pupilId!, label: p.pupilId! },
        field: 'ine',
        message: 'INE manquant',
      }));
  return {
    manifest: { id: 'test-format', degree: 'first', displayName: 'Test', apiVersion: PLUGIN_API_VERSION, tablePrefix: 'tst_' },
    importers: [
      {
        formatId: 'test.ines',
        displayName: 'INE',
        status: 'adapter',
        parse(bytes, context) {
          const text = Buffer.from(bytes).toString('utf8');
          if (!text.startsWith('pupilId;ine')) throw new ImportFileError('ligne 1 : en-tête « pupilId;ine » attendu');
          const rows: ImportRow[] = text
            .trim()
            .split('\n')
            .slice(1)
            .map((line, i) => {
              const [pupilId, ine] = line.split(';') as [string, string];
              const known = context.snapshot.pupils.some((p) => p.pupilId === pupilId);
              return known
                ? {
                    ref: `ligne ${i + 2}`,
                    outcome: 'update',
                    subject: pupilId,
                    commands: [{ type: 'AssignNationalId', payload: { uai: context.uai, pupilId, ine } }],
                  }
                : { ref: `ligne ${i + 2}`, outcome: 'unmatched', subject: pupilId, message: 'élève inconnu' };
            });
          return { rows, notes: [], successMessage: 'Import des INE réussi' };
        },
      },
    ],
    exporters: [
      {
        // Numbers the pupils it sends, as the SIECLE import numbers private ids.
        formatId: 'test.numbered',
        displayName: 'Liste numérotée',
        status: 'adapter',
        bookkeepingEventTypes: ['PupilSiecleIdSet'],
        prepare: (s) => {
          const numbered = pupilsOfYear(s).filter((p) => p.siecleId !== undefined).length;
          return pupilsOfYear(s)
            .filter((p) => p.siecleId === undefined)
            .map((p, i) => ({
              type: 'SetPupilSiecleId',
              payload: { uai: s.uai, pupilId: p.pupilId, eleveId: String(numbered + i + 1) },
            }));
        },
        plan: (s) => ({ blocking: [], warnings: [], counts: { pupils: pupilsOfYear(s).length } }),
        build: (s) => {
          const lines = pupilsOfYear(s).map((p) => {
            if (p.siecleId === undefined) throw new Error(`${p.pupilId} envoyé sans numéro`);
            return `${p.pupilId};${p.siecleId}`;
          });
          return { files: [{ path: `LIST/${s.uai}/numbered.txt`, bytes: Buffer.from(`${lines.join('\n')}\n`) }], counts: {} };
        },
      },
      {
        // Prepares its send, then fails to build it: nothing of it may remain.
        formatId: 'test.broken',
        displayName: 'Liste cassée',
        status: 'adapter',
        prepare: (s) =>
          pupilsOfYear(s).map((p, i) => ({
            type: 'SetPupilSiecleId',
            payload: { uai: s.uai, pupilId: p.pupilId, eleveId: String(900 + i) },
          })),
        plan: () => ({ blocking: [], warnings: [], counts: {} }),
        build: () => {
          throw new Error('disque plein (simulé)');
        },
      },
      {
        formatId: 'test.list',
        displayName: 'Liste',
        status: 'adapter',
        plan: (s) => ({ blocking: blocking(s), warnings: [], counts: { pupils: pupilsOfYear(s).length } }),
        build: (s, c) => {
          if (listWriter.refusal) throw new Error(listWriter.refusal);
          return {
            files: [
              {
                path: `LIST/${s.uai}/list.txt`,
                bytes: Buffer.from(
                  `${listWriter.header}${c.producedAt}\n${pupilsOfYear(s)
                    .map((p) => `${p.pupilId};${p.identity!.lastName};${p.ine}`)
                    .join('\n')}\n`,
                ),
              },
            ],
            counts: { pupils: pupilsOfYear(s).length },
          };
        },
      },
    ],
  };
}

const pupil = (pupilId: string, lastName: string) => [
  { type: 'RegisterPupil', payload: { uai: UAI, pupilId, lastName, firstName: 'Léa', sex: 'F', birthDate: '2018-01-02' } },
  { type: 'EnrolPupil', payload: { uai: UAI, year: Y, pupilId, classCode: 'CP', entryDate: '2026-09-01' } },
];

describe('imports and exports through plugins', () => {
  let dir: string;
  let kernel: Kernel;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'liaison-exchanges-'));
    kernel = await Kernel.open({ dbPath: join(dir, 'db.sqlite'), plugins: [testPlugin()] });
    await kernel.pipeline.executeBatch(
      [
        { type: 'RegisterEstablishment', payload: { uai: UAI, name: 'École', degree: 'first', contract: 'association' } },
        { type: 'OpenYear', payload: { uai: UAI, year: Y } },
        { type: 'CreateClass', payload: { uai: UAI, year: Y, classCode: 'CP', label: 'CP' } },
        ...pupil('E1', 'Ménard'),
        ...pupil('E2', 'Faure'),
        ...pupil('E3', 'Giraud'),
      ],
      ctx,
    );
  });
  afterEach(async () => {
    await kernel.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const file = (text: string, name = 'ines.csv') => ({ name, bytes: new Uint8Array(Buffer.from(text)) });
  const importInes = (text: string, skipRejected = false) =>
    kernel.imports.run({ formatId: 'test.ines', uai: UAI, year: Y, file: file(text), skipRejected, actor: 'mme.durand' });

  it('applies the file in one go, with the import as source, and a second import of the same file writes nothing', async () => {
    const report = await importInes('pupilId;ine\nE1;070832327JA\nE2;060375611AC\nX9;097000000KH\n');
    expect(report.status).toBe('imported');
    expect(report.counts).toMatchObject({ update: 2, unmatched: 1, rejected: 0 });
    const events = kernel.store.readAll({ types: ['NationalIdAssigned'] });
    expect(events.map((e) => [e.streamId, e.metadata.source, e.metadata.actor, e.metadata.correlationId])).toEqual([
      [`pupil-${UAI}-E1`, 'import:test.ines', 'mme.durand', report.importId],
      [`pupil-${UAI}-E2`, 'import:test.ines', 'mme.durand', report.importId],
    ]);
    const head = kernel.store.headPosition();
    const again = await importInes('pupilId;ine\nE1;070832327JA\nE2;060375611AC\nX9;097000000KH\n');
    expect(again.status).toBe('already-imported');
    expect(again.rows).toEqual(report.rows);
    expect(kernel.store.headPosition()).toBe(head);
  });

  it('refuses the whole file when a row breaks a rule, listing every such row, and writes nothing', async () => {
    const head = kernel.store.headPosition();
    // E3 takes E1's INE (a rule), E2 gets a valid one: nothing may be written.
    const text = 'pupilId;ine\nE1;070832327JA\nE3;070832327JA\nE2;060375611AC\nE2;097000000KH\n';
    const error = await importInes(text).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportRefusedError);
    const report = (error as ImportRefusedError).report;
    expect(report.status).toBe('refused');
    expect(report.rows.filter((r) => r.outcome === 'rejected').map((r) => r.ref)).toEqual(['ligne 3']);
    expect(report.rows.find((r) => r.ref === 'ligne 3')!.message).toContain('070832327JA');
    expect(kernel.store.headPosition()).toBe(head);
  });

  it('applies the rest with skipRejected, keeping the rejected rows in the report, with gap-free positions', async () => {
    const head = kernel.store.headPosition();
    const report = await importInes('pupilId;ine\nE1;070832327JA\nE3;070832327JA\nE2;060375611AC\n', true);
    expect(report.status).toBe('imported');
    expect(report.skippedRejected).toBe(true);
    expect(report.counts).toMatchObject({ update: 2, rejected: 1 });
    expect(report.positions).toEqual([head + 1, head + 2, head + 3]);
    expect(kernel.store.readAll({ types: ['FileImported'] })[0]!.data).toMatchObject({ skippedRejected: true });
  });

  it('refuses an unreadable file with a French reason and writes nothing', async () => {
    const head = kernel.store.headPosition();
    await expect(importInes('nom;prenom\n')).rejects.toThrow(new ImportFileError('ligne 1 : en-tête « pupilId;ine » attendu'));
    expect(kernel.store.headPosition()).toBe(head);
  });

  it('blocks an export while anomalies remain, then writes it atomically, keeps its bytes and records its manifest', async () => {
    const out = join(dir, 'Export');
    const request = { formatId: 'test.list', uai: UAI, year: Y, outDir: out, actor: 'direction', source: 'test' };
    const blocked = await kernel.exports.produce(request).catch((e: unknown) => e);
    expect(blocked).toBeInstanceOf(ExportBlockedError);
    expect((blocked as ExportBlockedError).anomalies.map((a) => a.entity.id)).toEqual(['E1', 'E2', 'E3']);
    expect(existsSync(out)).toBe(false);

    await importInes('pupilId;ine\nE1;070832327JA\nE2;060375611AC\nE3;097000000KH\n');
    const first = await kernel.exports.produce(request);
    const path = join(out, 'LIST', UAI, 'list.txt');
    expect(first.paths).toEqual([path]);
    expect(readdirSync(join(out, 'LIST', UAI))).toEqual(['list.txt']);
    const bytes = readFileSync(path);
    expect(first.manifest).toMatchObject({
      formatId: 'test.list',
      uai: UAI,
      year: Y,
      asOf: kernel.store.headPosition() - 1,
      counts: { pupils: 3 },
    });
    expect(Buffer.from(kernel.exports.keptFile(first.manifest.exportId, 'LIST/0752387M/list.txt')!.bytes)).toEqual(bytes);
    const recorded = kernel.store.readAll({ types: ['ExportProduced'] });
    expect(recorded.map((e) => [e.metadata.actor, (e.data as { exportId: string }).exportId])).toEqual([
      ['direction', first.manifest.exportId],
    ]);

    // A correction, a second export: the live file is replaced, the first export's kept copy is not.
    await kernel.pipeline.execute(
      { type: 'CorrectPupilIdentity', payload: { uai: UAI, pupilId: 'E2', lastName: 'Faure-Béranger' } },
      ctx,
    );
    const second = await kernel.exports.produce(request);
    expect(readFileSync(path, 'utf8')).toContain('Faure-Béranger');
    expect(Buffer.from(kernel.exports.keptFile(first.manifest.exportId, 'LIST/0752387M/list.txt')!.bytes)).toEqual(bytes);

    // What the second export carries: the correction, with its author and values; not the ledger.
    const changes = await kernel.exports.changes(second.manifest.exportId);
    expect(changes.from).toBe(first.manifest.asOf);
    expect(changes.events.map((e) => [e.type, e.metadata.actor, e.changes])).toEqual([
      ['PupilIdentityCorrected', 'mme.durand', [{ field: 'identity.lastName', before: 'Faure', after: 'Faure-Béranger' }]],
    ]);
    // The first export carries everything from the beginning, the INE import included.
    const firstChanges = await kernel.exports.changes(first.manifest.exportId);
    expect(firstChanges.events.filter((e) => e.type === 'NationalIdAssigned')).toHaveLength(3);
    expect(firstChanges.events.some((e) => e.type === 'FileImported' || e.type === 'ExportProduced')).toBe(false);

    // --as-of the first export's position: the same bytes, under another folder, nothing recorded.
    const head = kernel.store.headPosition();
    const replay = await kernel.exports.replay({ ...request, outDir: join(dir, 'replay'), asOf: first.manifest.asOf });
    expect(replay.manifest.files).toEqual(first.manifest.files);
    expect(readFileSync(replay.paths[0]!)).toEqual(bytes);
    expect(replay.warnings).toEqual([]);
    expect(kernel.store.headPosition()).toBe(head);

    // A newer writer would write other bytes: the replay still gives the file as it was sent, and says so.
    listWriter.header = 'version 2\n';
    try {
      const later = await kernel.exports.replay({ ...request, outDir: join(dir, 'later'), asOf: first.manifest.asOf });
      expect(readFileSync(later.paths[0]!)).toEqual(bytes);
      expect(later.manifest).toEqual(first.manifest);
      expect(later.warnings.map((w) => w.rule)).toEqual(['export-reconstruit-different']);
      expect(later.warnings[0]!.message).toContain(`${first.manifest.exportId} ne donnerait pas les mêmes octets`);

      // A writer that now refuses the data: the file as sent is still given, with the reason.
      listWriter.refusal = 'caractère « Ł » impossible à écrire en ISO-8859-15';
      const refused = await kernel.exports.replay({ ...request, outDir: join(dir, 'refused'), asOf: first.manifest.asOf });
      listWriter.refusal = undefined;
      expect(readFileSync(refused.paths[0]!)).toEqual(bytes);
      expect(refused.warnings.map((w) => w.message)).toEqual([
        `${first.manifest.exportId} ne pourrait plus être reconstruit aujourd’hui (caractère « Ł » impossible à écrire en ISO-8859-15) : voici les fichiers tels qu’ils ont été envoyés`,
      ]);

      // Kept bytes lost (or altered): the file is rebuilt, with a warning that it may differ.
      kernel.db.writer.run('UPDATE export_files SET bytes = ? WHERE export_id = ?', [
        Buffer.from('abîmé'),
        first.manifest.exportId,
      ]);
      const rebuilt = await kernel.exports.replay({ ...request, outDir: join(dir, 'rebuilt'), asOf: first.manifest.asOf });
      expect(readFileSync(rebuilt.paths[0]!, 'utf8')).toMatch(/^version 2\n/);
      expect(rebuilt.manifest.files[0]!.sha256).not.toBe(first.manifest.files[0]!.sha256);
      expect(rebuilt.warnings.map((w) => w.rule)).toEqual(['export-conserve-absent']);
    } finally {
      listWriter.header = '';
      listWriter.refusal = undefined;
    }
  });

  it('prepares a send on the state read under the write lock: a change made meanwhile is numbered and sent', async () => {
    const out = join(dir, 'Export');
    const result = await kernel.exports.produce({
      formatId: 'test.numbered',
      uai: UAI,
      year: Y,
      outDir: out,
      actor: 'direction',
      source: 'test',
      // Between the plan the user confirmed and the send, someone else enrols a pupil.
      confirm: async () => {
        await kernel.pipeline.executeBatch(pupil('E4', 'Nouveau'), ctx);
        return true;
      },
    });
    expect(readFileSync(result.paths[0]!, 'utf8')).toBe('E1;1\nE2;2\nE3;3\nE4;4\n');
    expect(result.warnings.map((w) => w.message)).toEqual([
      'la base a changé entre la confirmation et l’envoi (autre utilisateur) : pupils 3 → 4 ; le fichier suit l’état au moment de l’envoi',
    ]);
    const numbered = kernel.store.readAll({ types: ['PupilSiecleIdSet'] });
    expect(numbered.map((e) => (e.data as { pupilId: string }).pupilId)).toEqual(['E1', 'E2', 'E3', 'E4']);
    expect(new Set(numbered.map((e) => e.metadata.correlationId)).size).toBe(1);
    expect(result.manifest.asOf).toBe(numbered.at(-1)!.globalPosition);
  });

  it('leaves no prepared send behind when the file cannot be built', async () => {
    const head = kernel.store.headPosition();
    const out = join(dir, 'Export');
    const request = { formatId: 'test.broken', uai: UAI, year: Y, outDir: out, actor: 'direction', source: 'test' };
    await expect(kernel.exports.produce(request)).rejects.toThrow('disque plein (simulé)');
    expect(kernel.store.headPosition()).toBe(head);
    expect(kernel.store.readAll({ types: ['PupilSiecleIdSet', 'ExportProduced'] })).toEqual([]);
    expect(existsSync(out)).toBe(false);
  });

  it('imports the same file sent twice at once only once: the second run gives the first one’s report', async () => {
    const text = 'pupilId;ine\nE1;070832327JA\nE2;060375611AC\n';
    const reports = await Promise.all([importInes(text), importInes(text)]);
    expect(reports.map((r) => r.status).sort()).toEqual(['already-imported', 'imported']);
    expect(kernel.store.readAll({ types: ['NationalIdAssigned'] })).toHaveLength(2);
    expect(kernel.store.readAll({ types: ['FileImported'] })).toHaveLength(1);
  });
});
