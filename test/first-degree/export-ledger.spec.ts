import { join } from 'node:path';
import { liaison, tempDir } from '../support/cli';

const UAI = '0754321P';
const fixture = (name: string) => join(__dirname, '../fixtures', name);

interface Manifest {
  exportId: string;
  asOf: number;
  files: Array<{ name: string; sha256: string }>;
}
interface Entry {
  position: number;
  actor: string;
  source: string;
  type: string;
  changes: Array<{ field: string; before: unknown; after: unknown }>;
  guardianId?: string;
}
interface Changes {
  from: number;
  to: number;
  events: Array<{ globalPosition: number; type: string; metadata: { actor: string } }>;
  bySubject: {
    pupils: Array<{ pupilId: string; name: string; classCode?: string; changes: Entry[] }>;
    classes: Array<{ classCode: string; changes: Entry[]; pupils: string[] }>;
    establishment: Entry[];
  };
}
interface Diff {
  pupils: {
    added: Array<{ pupilId: string }>;
    removed: Array<{ pupilId: string }>;
    changed: Array<{ pupilId: string; fields: Array<{ field: string; before: unknown; after: unknown }> }>;
  };
}

describe('the export ledger through the CLI: who changed what between two ONDE exports', () => {
  let t: ReturnType<typeof tempDir>;
  const run = (args: string[], actor = 'mme.durand', input?: string) =>
    liaison([...args, '--db', t.db], { cwd: t.dir, env: { LIAISON_ACTOR: actor }, ...(input ? { input } : {}) });
  const json = <T>(args: string[], actor?: string): T => {
    const result = run([...args, '--json'], actor);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    return JSON.parse(result.stdout) as T;
  };
  const exportBe1d = () => json<Manifest>(['export', 'onde.be1d', '--uai', UAI, '--year', '2026', '--yes']);

  beforeAll(() => {
    t = tempDir();
  });
  afterAll(() => t.cleanup());

  it('lists exactly the changes between two exports with their authors, previews them, diffs the exports and replays the first', () => {
    expect(run(['exec', fixture('onde-setup.jsonl')]).status).toBe(0);
    expect(run(['import', 'onde.formations', '--uai', UAI, '--year', '2026']).status).toBe(0);
    expect(run(['exec', fixture('onde-classes-pupils.jsonl')]).status).toBe(0);
    expect(run(['exec', fixture('onde-fixes.jsonl')]).status).toBe(0);
    const first = exportBe1d();

    // Two people change the exported data.
    const byNoel = run(
      ['exec', '-', '--json'],
      'm.noel',
      JSON.stringify({ type: 'CorrectPupilIdentity', payload: { uai: UAI, pupilId: 'E1', firstName: 'Éloïse-Marie' } }),
    );
    expect(byNoel.status).toBe(0);
    const byFaure = run(
      ['exec', '-', '--json'],
      'mme.faure',
      JSON.stringify({ type: 'SetPupilLanguages', payload: { uai: UAI, year: 2026, pupilId: 'E2', lv1: 'GER' } }),
    );
    expect(byFaure.status).toBe(0);

    // Before exporting: what the file would carry since the first export, and who changed it.
    const preview = json<Changes & { previous: Manifest; diff: Diff }>([
      'export',
      'onde.be1d',
      '--uai',
      UAI,
      '--year',
      '2026',
      '--preview',
    ]);
    expect(preview.previous.exportId).toBe(first.exportId);
    expect(preview.bySubject.pupils.map((p) => [p.pupilId, p.changes.map((c) => c.actor)])).toEqual([
      ['E1', ['m.noel']],
      ['E2', ['mme.faure']],
    ]);
    expect(preview.diff.pupils.changed.map((p) => p.pupilId)).toEqual(['E1', 'E2']);

    const second = exportBe1d();
    const carried = json<Changes>(['exports', 'changes', second.exportId]);
    expect(carried.from).toBe(first.asOf);
    expect(carried.to).toBe(second.asOf);
    expect(carried.events.map((e) => [e.type, e.metadata.actor])).toEqual([
      ['PupilIdentityCorrected', 'm.noel'],
      ['PupilLanguagesSet', 'mme.faure'],
    ]);
    const [e1, e2] = carried.bySubject.pupils;
    expect(e1).toMatchObject({ pupilId: 'E1', name: 'LEFÈVRE Éloïse-Marie', classCode: 'CP' });
    expect(e1!.changes).toEqual([
      expect.objectContaining({
        actor: 'm.noel',
        source: 'cli',
        type: 'PupilIdentityCorrected',
        changes: [{ field: 'identity.firstName', before: 'Éloïse', after: 'Éloïse-Marie' }],
      }),
    ]);
    expect(e2).toMatchObject({ pupilId: 'E2', classCode: 'CM1-CM2' });
    expect(e2!.changes).toEqual([
      expect.objectContaining({
        actor: 'mme.faure',
        type: 'PupilLanguagesSet',
        changes: [
          { field: 'years.2026.lv1', before: 'ENG', after: 'GER' },
          { field: 'years.2026.lv2', before: 'SPA' },
        ],
      }),
    ]);
    expect(carried.bySubject.classes.map((c) => [c.classCode, c.pupils])).toEqual([
      ['CM1-CM2', ['E2']],
      ['CP', ['E1']],
    ]);

    const diff = json<{ diff: Diff }>(['exports', 'diff', first.exportId, second.exportId]).diff;
    expect(diff.pupils.added).toEqual([]);
    expect(diff.pupils.removed).toEqual([]);
    expect(diff.pupils.changed).toEqual([
      expect.objectContaining({
        pupilId: 'E1',
        fields: [{ field: 'identity.firstName', before: 'Éloïse', after: 'Éloïse-Marie' }],
      }),
      expect.objectContaining({
        pupilId: 'E2',
        fields: [
          { field: 'year.lv1', before: 'ENG', after: 'GER' },
          { field: 'year.lv2', before: 'SPA' },
        ],
      }),
    ]);

    // The first export, overwritten in the export folder by the second, is rebuilt byte for byte.
    expect(second.files[0]!.sha256).not.toBe(first.files[0]!.sha256);
    const replay = json<Manifest>(['export', 'onde.be1d', '--uai', UAI, '--year', '2026', '--as-of', String(first.asOf)]);
    expect(replay.exportId).toBe(first.exportId);
    expect(replay.files[0]!.sha256).toBe(first.files[0]!.sha256);

    const ledger = json<Manifest[]>(['exports', 'list', '--uai', UAI]);
    expect(ledger.map((m) => m.exportId)).toEqual([second.exportId, first.exportId]);
  });
});
