import { join } from 'node:path';
import { liaison, repoRoot, tempDir } from '../support/cli';

const fixture = (name: string) => join(__dirname, '../fixtures', name);
const NOMENCLATURE = join(
  repoRoot,
  '../shared/reference/siecle/bee-exports/nomenclature/dossiersco-test-fixtures/nomenclature_simple.xml',
);

interface Occurrence {
  how: string;
  actor: string;
  doneOn: string;
  tick?: number;
  recordedAt: string;
}
interface Entry {
  stepId: string;
  number: string;
  status: string;
  dueDate?: string;
  doneOn?: string;
  occurrences: Occurrence[];
}
interface Checklist {
  degree: string;
  steps: Entry[];
}

/** The Europe/Paris day of an instant, as « Fait le » shows it. */
const parisDay = (iso: string) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Paris' }).format(new Date(iso));

describe('the yearly checklist through the CLI', () => {
  let t: ReturnType<typeof tempDir>;
  const run = (args: string[], actor = 'mme.durand') =>
    liaison([...args, '--db', t.db], { cwd: t.dir, env: { LIAISON_ACTOR: actor } });
  const checklist = (uai: string, year: number, ...args: string[]): Checklist => {
    const result = run(['checklist', ...args, '--uai', uai, '--year', String(year), '--json']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    return JSON.parse(result.stdout) as Checklist;
  };

  beforeEach(() => {
    t = tempDir();
  });
  afterEach(() => t.cleanup());

  it('follows the first-degree procedure: import done by Liaison, ONDE import ticked by the director, untick', () => {
    const UAI = '0754321P';
    expect(run(['exec', fixture('onde-setup.jsonl')]).status).toBe(0);
    expect(run(['import', 'onde.formations', '--uai', UAI, '--year', '2026']).status).toBe(0);
    const ticked = checklist(UAI, 2026, 'tick', '--step', '3c', '--done-on', '2026-10-05', '--actor', 'm.directeur');
    expect(ticked.degree).toBe('first');
    expect(ticked.steps.map((s) => [s.stepId, s.status])).toEqual([
      ['first-degree-onde:1', 'done'],
      ['first-degree-onde:2', 'open'],
      ['first-degree-onde:3a', 'open'],
      ['first-degree-onde:3b', 'open'],
      ['first-degree-onde:3c', 'done'],
    ]);
    const step1 = ticked.steps[0]!;
    expect(step1.occurrences).toEqual([expect.objectContaining({ how: 'event', actor: 'mme.durand' })]);
    expect(step1.doneOn).toBe(parisDay(step1.occurrences[0]!.recordedAt));
    expect(ticked.steps[4]).toMatchObject({
      doneOn: '2026-10-05',
      occurrences: [{ how: 'tick', actor: 'm.directeur', tick: 1 }],
    });

    const text = run(['checklist', 'untick', '--uai', UAI, '--year', '2026', '--step', 'first-degree-onde:3c']);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('Étape first-degree-onde:3c décochée par mme.durand.');
    expect(text.stdout).toMatch(/à faire\s+3c\. Importer le fichier dans ONDE/);
    // A step done by Liaison cannot be unticked: the import happened.
    const refused = run(['checklist', 'untick', '--uai', UAI, '--year', '2026', '--step', '1']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('n’est pas cochée');
  });

  it('shows a collège’s step 7 done on the day of the nomenclature import, a ticked step with its user, the open steps in order', () => {
    const UAI = '0140070A';
    const setup = [
      {
        type: 'RegisterEstablishment',
        payload: { uai: UAI, name: 'Collège Saint-Joseph', degree: 'second', contract: 'association' },
      },
      { type: 'OpenYear', payload: { uai: UAI, year: 2018 } },
    ];
    expect(
      liaison(['exec', '-', '--db', t.db, '--actor', 'installation'], { input: setup.map((c) => JSON.stringify(c)).join('\n') })
        .status,
    ).toBe(0);
    expect(run(['import', 'siecle.nomenclature', NOMENCLATURE, '--uai', UAI, '--year', '2018']).status).toBe(0);
    checklist(UAI, 2018, 'tick', '--step', '4', '--done-on', '2018-06-20', '--actor', 'm.principal');
    const list = checklist(UAI, 2018, '--today', '2018-06-25');
    expect(list.steps.map((s) => s.number)).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      // 8 and 9 (Parcoursup, LSU) come from the livrets plugin, merged in step order.
      ...['8', '9'],
      ...['10', '11', '12', '13', '14', '15', '16'],
      ...['17', '18', '19', '20', '21', '22', '23'],
    ]);
    const step7 = list.steps.find((s) => s.number === '7')!;
    expect(step7.status).toBe('done');
    expect(step7.doneOn).toBe(parisDay(step7.occurrences[0]!.recordedAt));
    expect(list.steps.find((s) => s.number === '4')).toMatchObject({
      status: 'done',
      occurrences: [{ how: 'tick', actor: 'm.principal', doneOn: '2018-06-20' }],
    });
    expect(list.steps.filter((s) => s.status === 'open').map((s) => s.number)).toEqual([
      ...['1', '2', '3', '5', '6', '8', '9'],
      ...['10', '11', '12', '13', '14', '15', '16', '17', '18', '19', '20', '22', '23'],
    ]);
    expect(list.steps.find((s) => s.number === '21')!.status).toBe('not-applicable');
    expect(list.steps.find((s) => s.number === '3')!.dueDate).toBe('2018-07-01');
    expect(
      checklist(UAI, 2018, '--today', '2018-07-02')
        .steps.filter((s) => s.status === 'overdue')
        .map((s) => s.number),
    ).toEqual(['3', '5', '6']);
  });
});
