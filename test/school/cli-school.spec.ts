import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { liaison, tempDir } from '../support/cli';

const UAI = '0752387M';
const scenario = join(__dirname, '../fixtures/ecole-scenario.jsonl');

interface HistoryEvent {
  type: string;
  globalPosition: number;
  metadata: { actor: string; source: string };
  changes: Array<{ field: string; before: unknown; after: unknown }>;
}

const history = (db: string, ...args: string[]) =>
  JSON.parse(liaison(['history', '--json', '--db', db, ...args]).stdout) as HistoryEvent[];

describe('an école built with liaison exec (real CLI process, real SQLite file)', () => {
  let t: ReturnType<typeof tempDir>;
  beforeEach(() => (t = tempDir()));
  afterEach(() => t.cleanup());

  it('builds classes and pupils, and shows each change of a pupil with its author and before → after', () => {
    const run = liaison(['exec', scenario, '--db', t.db, '--actor', 'secretariat.martin']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);

    const pupil = history(t.db, '--stream', `pupil-${UAI}-E001`);
    expect(pupil.map((e) => e.type)).toEqual(['PupilRegistered', 'GuardianAdded', 'PupilEnrolled', 'PupilIdentityCorrected']);
    expect(pupil.every((e) => e.metadata.actor === 'secretariat.martin' && e.metadata.source === 'cli')).toBe(true);
    expect(pupil[2]!.changes).toEqual(
      expect.arrayContaining([
        { field: 'years.2026.status', before: undefined, after: 'inscrit' },
        { field: 'years.2026.classCode', before: undefined, after: 'GS-CP' },
        { field: 'years.2026.formationCode', before: undefined, after: 'CP' },
      ]),
    );
    expect(pupil[3]!.changes).toEqual([{ field: 'identity.firstName', before: 'Chloé', after: 'Chloé-Anaïs' }]);

    const text = liaison(['history', '--db', t.db, '--stream', `pupil-${UAI}-E001`]).stdout;
    expect(text).toContain('identity.firstName : Chloé → Chloé-Anaïs');
  });

  it('stops at a line that breaks a rule: earlier lines stay, nothing of that line or later is written', () => {
    const reference = tempDir();
    try {
      expect(liaison(['exec', scenario, '--db', reference.db, '--actor', 'x']).status).toBe(0);
      const expected = history(reference.db).map((e) => e.type);

      const file = join(t.dir, 'scenario.jsonl');
      copyFileSync(scenario, file);
      const extra = [
        { type: 'EnrolPupil', payload: { uai: UAI, year: 2026, pupilId: 'E002', classCode: 'CE1', entryDate: '2026-09-02' } },
        { type: 'SetPupilLanguages', payload: { uai: UAI, year: 2026, pupilId: 'E002', lv1: 'ENG' } },
      ];
      writeFileSync(file, extra.map((c) => JSON.stringify(c)).join('\n') + '\n', { flag: 'a' });
      const run = liaison(['exec', file, '--db', t.db, '--actor', 'x']);
      expect(run.status).toBe(1);
      expect(run.stderr.trim()).toBe('line 19: l’élève E002 est déjà inscrit en 2026-2027 en classe CE1');
      expect(history(t.db).map((e) => e.type)).toEqual(expected);
    } finally {
      reference.cleanup();
    }
  });

  it('refuses an INE already held by another pupil of the school', () => {
    liaison(['exec', scenario, '--db', t.db, '--actor', 'x']);
    const run = liaison(['exec', '-', '--db', t.db, '--actor', 'x'], {
      input: JSON.stringify({ type: 'AssignNationalId', payload: { uai: UAI, pupilId: 'E001', ine: '070832327JA' } }),
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^line 1: .*070832327JA.*E002/);
  });
});
