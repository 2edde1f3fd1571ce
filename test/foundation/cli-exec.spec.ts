import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { liaison, tempDir } from '../support/cli';

const lines = (...commands: unknown[]) => commands.map((c) => JSON.stringify(c)).join('\n') + '\n';
const register = (uai: string) => ({
  type: 'RegisterEstablishment',
  payload: { uai, name: 'Groupe scolaire Saint-Exupéry', degree: 'second', contract: 'association' },
});
const openYear = (uai: string, year: number) => ({ type: 'OpenYear', payload: { uai, year } });

interface HistoryEvent {
  type: string;
  globalPosition: number;
  streamPosition: number;
  streamId: string;
  metadata: { actor: string; source: string };
}

describe('liaison exec and history (real CLI process, real SQLite file)', () => {
  let t: ReturnType<typeof tempDir>;
  beforeEach(() => (t = tempDir()));
  afterEach(() => t.cleanup());

  it('registers an establishment and opens a year; history --json shows both with actor, source and positions', () => {
    const file = join(t.dir, 'setup.jsonl');
    writeFileSync(file, lines(register('0750680G'), openYear('0750680G', 2026)));
    const run = liaison(['exec', file, '--db', t.db, '--actor', 'mme.durand']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('2 commande(s) appliquée(s).');

    const history = liaison(['history', '--json', '--db', t.db]);
    expect(history.status).toBe(0);
    const events = JSON.parse(history.stdout) as HistoryEvent[];
    expect(
      events.map((e) => [e.type, e.globalPosition, e.streamId, e.streamPosition, e.metadata.actor, e.metadata.source]),
    ).toEqual([
      ['EstablishmentRegistered', 1, 'establishment-0750680G', 1, 'mme.durand', 'cli'],
      ['YearOpened', 2, 'year-0750680G-2026', 1, 'mme.durand', 'cli'],
    ]);
  });

  it('stops at an invalid UAI check letter with "line N:" and a French reason, keeping earlier lines only', () => {
    const file = join(t.dir, 'bad.jsonl');
    writeFileSync(
      file,
      lines(register('0750680G'), openYear('0750680G', 2026), register('0750680A'), openYear('0750680G', 2027)),
    );
    const run = liaison(['exec', file, '--db', t.db, '--actor', 'secretariat']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      'line 3: RegisterEstablishment : payload.uai : UAI « 0750680A » invalide : la lettre clé attendue est « G »',
    );
    const events = JSON.parse(liaison(['history', '--json', '--db', t.db]).stdout) as HistoryEvent[];
    expect(events.map((e) => e.type)).toEqual(['EstablishmentRegistered', 'YearOpened']);
  });

  it('with --atomic, writes every line in one transaction or none: the refused line named, nothing kept', () => {
    const input = lines(register('0750680G'), openYear('0750680G', 2026), openYear('0660864F', 2026));
    const refused = liaison(['exec', '-', '--atomic', '--json', '--db', t.db, '--actor', 'secretariat'], { input });
    expect(refused.status).toBe(1);
    expect(JSON.parse(refused.stdout)).toMatchObject({ error: { line: 3, exitCode: 1, applied: [] } });
    expect(JSON.parse(refused.stdout).error.message).toBe('line 3: l’établissement 0660864F n’est pas enregistré');
    expect(JSON.parse(liaison(['history', '--json', '--db', t.db]).stdout)).toEqual([]);

    const notJson = liaison(['exec', '-', '--atomic', '--db', t.db, '--actor', 'x'], {
      input: `${JSON.stringify(register('0750680G'))}\n{oops\n`,
    });
    expect(notJson.status).toBe(2);
    expect(notJson.stderr).toMatch(/^line 2: JSON invalide/);
    expect(JSON.parse(liaison(['history', '--json', '--db', t.db]).stdout)).toEqual([]);

    const applied = liaison(['exec', '-', '--atomic', '--json', '--db', t.db, '--actor', 'secretariat'], {
      input: lines(register('0750680G'), openYear('0750680G', 2026)),
    });
    expect(applied.status).toBe(0);
    expect((JSON.parse(applied.stdout) as { applied: Array<{ line: number; positions: number[] }> }).applied).toEqual([
      expect.objectContaining({ line: 1, positions: [1] }),
      expect.objectContaining({ line: 2, positions: [2] }),
    ]);
    const events = JSON.parse(liaison(['history', '--json', '--db', t.db]).stdout) as Array<{
      metadata: { correlationId: string };
    }>;
    expect(new Set(events.map((e) => e.metadata.correlationId)).size).toBe(1);
  });

  it('exits 1 on a rule violation and 2 on a line that is not JSON', () => {
    const rule = liaison(['exec', '-', '--db', t.db, '--actor', 'x'], { input: lines(openYear('0750680G', 2026)) });
    expect(rule.status).toBe(1);
    expect(rule.stderr).toContain('line 1: l’établissement 0750680G n’est pas enregistré');

    const notJson = liaison(['exec', '-', '--db', t.db, '--actor', 'x'], {
      input: `${JSON.stringify(register('0750680G'))}\n{oops\n`,
    });
    expect(notJson.status).toBe(2);
    expect(notJson.stderr).toMatch(/^line 2: JSON invalide/);
    expect((JSON.parse(liaison(['history', '--json', '--db', t.db]).stdout) as unknown[]).length).toBe(1);
  });

  it('refuses to write without an actor, and takes LIAISON_ACTOR and LIAISON_DB from the environment', () => {
    const input = lines(register('0750680G'));
    const anonymous = liaison(['exec', '-', '--db', t.db], { input });
    expect(anonymous.status).toBe(1);
    expect(anonymous.stderr).toContain('aucun auteur');
    const viaEnv = liaison(['exec', '-'], { input, env: { LIAISON_ACTOR: 'm.martin', LIAISON_DB: t.db } });
    expect(viaEnv.status).toBe(0);
    const events = JSON.parse(liaison(['history', '--json', '--db', t.db]).stdout) as HistoryEvent[];
    expect(events).toHaveLength(1);
    expect(events[0]!.metadata.actor).toBe('m.martin');
  });

  it('exits 2 for a file that does not exist', () => {
    const run = liaison(['exec', join(t.dir, 'absent.jsonl'), '--db', t.db, '--actor', 'x']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('fichier introuvable');
  });

  it('prints machine-readable results with --json, including the rejected line', () => {
    const run = liaison(['exec', '-', '--json', '--db', t.db, '--actor', 'x'], {
      input: lines(register('0750680G'), openYear('0750680G', 1800)),
    });
    expect(run.status).toBe(2);
    const out = JSON.parse(run.stdout) as { error: { line: number; exitCode: number; message: string; applied: unknown[] } };
    expect(out.error).toMatchObject({ line: 2, exitCode: 2 });
    expect(out.error.applied).toHaveLength(1);
  });

  it('filters history by stream, establishment and position', () => {
    liaison(['exec', '-', '--db', t.db, '--actor', 'x'], {
      input: lines(register('0750680G'), register('0660864F'), openYear('0750680G', 2026), openYear('0660864F', 2026)),
    });
    const byUai = JSON.parse(liaison(['history', '--json', '--uai', '0660864F', '--db', t.db]).stdout) as HistoryEvent[];
    expect(byUai.map((e) => e.globalPosition)).toEqual([2, 4]);
    const byStream = JSON.parse(
      liaison(['history', '--json', '--stream', 'year-0750680G-2026', '--db', t.db]).stdout,
    ) as HistoryEvent[];
    expect(byStream.map((e) => e.globalPosition)).toEqual([3]);
    const asOf = JSON.parse(liaison(['history', '--json', '--as-of', '2', '--db', t.db]).stdout) as HistoryEvent[];
    expect(asOf.map((e) => e.globalPosition)).toEqual([1, 2]);
    const text = liaison(['history', '--db', t.db, '--as-of', '1']);
    expect(text.stdout).toContain('#1');
    expect(text.stdout).toContain('x (cli)  EstablishmentRegistered  establishment-0750680G');
  });
});
