import { join } from 'node:path';
import { freePort, liaison, startServer, tempDir } from '../support/cli';

const UAI = '0754321P';
const fixture = (name: string) => join(__dirname, '../fixtures', name);
const cmd = (type: string, payload: Record<string, unknown>) => JSON.stringify({ type, payload: { uai: UAI, ...payload } });
const plan = (pupilId: string, decision: string, fields: Record<string, unknown> = {}) =>
  cmd('PlanNextYear', { year: 2026, pupilId, decision, ...fields });

interface Move {
  pupilId: string;
  decision: string;
  to: { status: string; formationCode?: string; classCode?: string };
}
interface Plan {
  moves: Move[];
  leavers: Array<{ pupilId: string; exitDate: string; motive: string; alreadyExited: boolean }>;
  withoutPlan: Array<{ pupilId: string }>;
  alreadyCarried: Array<{ pupilId: string }>;
  classes: Array<{ classCode: string }>;
  commands: unknown[];
  blocked: boolean;
}
interface RolloverJson {
  plan: Plan;
  applied: boolean;
  dryRun: boolean;
  positions: number[];
}
interface HistoryEvent {
  type: string;
  streamId: string;
  globalPosition: number;
  metadata: { actor: string; source: string; correlationId: string };
}
interface PupilOfYear {
  pupilId: string;
  status: string;
  classCode: string | null;
  formationCode: string | null;
  entryDate: string | null;
  exitDate: string | null;
  exitMotive: string | null;
  lv1: string | null;
  dispositifs: string[];
  schooling: Record<string, unknown>;
}

describe('the year rollover through the CLI: dry run, run, rerun, corrections of the past year', () => {
  let t: ReturnType<typeof tempDir>;
  const run = (args: string[], input?: string, actor = 'mme.durand') =>
    liaison([...args, '--db', t.db], { cwd: t.dir, env: { LIAISON_ACTOR: actor }, ...(input ? { input } : {}) });
  /** Applies commands; returns the global positions written. */
  const exec = (...lines: string[]): number[] => {
    const result = run(['exec', '-', '--json'], lines.join('\n'));
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    return (JSON.parse(result.stdout) as { applied: Array<{ positions: number[] }> }).applied.flatMap((a) => a.positions);
  };
  const history = () => JSON.parse(run(['history', '--json']).stdout) as HistoryEvent[];
  const rollover = (...flags: string[]) => run(['year', 'rollover', '--uai', UAI, '--from', '2026', '--json', ...flags]);

  beforeAll(() => {
    t = tempDir();
  });
  afterAll(() => t.cleanup());

  it('builds 2027-2028 from 2026-2027 and the « An prochain » plans, and only once', async () => {
    // A scripted école: E1 in CP, E2 in CM1 and E3 in CM2 (class CM1-CM2), E4 only pre-enrolled, E5 in CP.
    expect(run(['exec', fixture('onde-setup.jsonl')]).status).toBe(0);
    expect(run(['import', 'onde.formations', '--uai', UAI, '--year', '2026']).status).toBe(0);
    expect(run(['exec', fixture('onde-classes-pupils.jsonl')]).status).toBe(0);
    const head = Math.max(
      ...exec(
        cmd('RegisterPupil', { pupilId: 'E5', lastName: 'Roux', firstName: 'Léo', sex: 'M', birthDate: '2019-06-01' }),
        cmd('EnrolPupil', { year: 2026, pupilId: 'E5', classCode: 'CP', entryDate: '2026-09-01' }),
        plan('E1', 'passage'),
        plan('E2', 'redoublement', { classCode: 'CM1-CM2' }),
        plan('E3', 'sortie', { motive: '11', exitDate: '2027-07-04' }),
      ),
    );

    // E5 has no plan: the dry run shows it, the run is blocked (exit 3), nothing is written.
    const blocked = rollover('--dry-run');
    expect(blocked.status).toBe(3);
    const blockedPlan = (JSON.parse(blocked.stdout) as { error: { plan: Plan } }).error.plan;
    expect(blockedPlan.withoutPlan.map((p) => p.pupilId)).toEqual(['E5']);
    const refused = run(['year', 'rollover', '--uai', UAI, '--from', '2026']);
    expect(refused.status).toBe(3);
    expect(refused.stdout).toContain('ROUX Léo (E5) : CP (CP) — aucun projet pour 2027-2028');

    // A correction made in 2026-2027 before the rollover is carried into 2027-2028.
    const fixes = exec(
      plan('E5', 'passage', { classCode: 'CE1' }),
      cmd('SetPupilLanguages', { year: 2026, pupilId: 'E1', lv1: 'GER' }),
    );
    expect(fixes[0]).toBe(head + 1);
    const before = Math.max(...fixes);

    // The dry run lists exactly the expected moves and leavers, and writes nothing.
    const dry = rollover('--dry-run', '--carry-classes');
    expect(dry.status).toBe(0);
    const preview = JSON.parse(dry.stdout) as RolloverJson;
    expect(preview).toMatchObject({ dryRun: true, applied: false, positions: [] });
    expect(preview.plan.moves.map((m) => [m.pupilId, m.decision, m.to])).toEqual([
      ['E1', 'passage', { status: 'preinscrit', formationCode: 'CE1' }],
      ['E2', 'redoublement', { status: 'inscrit', formationCode: 'CM1', classCode: 'CM1-CM2', entryDate: '2027-09-01' }],
      ['E5', 'passage', { status: 'preinscrit', formationCode: 'CE1' }],
    ]);
    expect(preview.plan.leavers).toEqual([
      expect.objectContaining({ pupilId: 'E3', exitDate: '2027-07-04', motive: '11', alreadyExited: false }),
    ]);
    expect(preview.plan.classes.map((c) => c.classCode)).toEqual(['CM1-CM2', 'CP']);

    // The real run: one transaction, every event tied to the rollover.
    const done = run(['year', 'rollover', '--uai', UAI, '--from', '2026', '--carry-classes']);
    expect(done.stderr).toBe('');
    expect(done.status).toBe(0);
    expect(done.stdout).toContain('LEFÈVRE Éloïse (E1) : passage CP (CP) → CE1, préinscrit');
    expect(done.stdout).toContain('ROUX Léo (E5) : la classe CE1 n’existe pas en 2027-2028, il est préinscrit sans classe');
    expect(done.stdout).toContain('GIRAUD Chloé (E3) : sortie le 04/07/2027, motif 11');
    const all = history();
    // The dry run wrote nothing: the run's events follow the fixes directly.
    const written = all.filter((e) => e.globalPosition > before);
    expect(written[0]!.globalPosition).toBe(before + 1);
    expect(written).toHaveLength(preview.plan.commands.length + 1);
    const rolloverId = written.at(-1)!.metadata.correlationId;
    expect(rolloverId).toMatch(/^rol-0754321P-2026-/);
    expect(written.every((e) => e.metadata.source === 'rollover' && e.metadata.correlationId === rolloverId)).toBe(true);
    expect(written.every((e) => e.metadata.actor === 'mme.durand')).toBe(true);
    expect(written.at(-1)).toMatchObject({ type: 'YearRolledOver', streamId: `rollover-${UAI}-2026` });

    // Running it again appends nothing.
    const again = rollover('--carry-classes');
    expect(again.status).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ applied: false, plan: { commands: [], moves: [] } });

    // June correction in 2026-2027, after the rollover: visible in 2026-2027, 2027-2028 untouched.
    expect(exec(cmd('SetPupilDispositifs', { year: 2026, pupilId: 'E1', dispositifs: ['ULIS'] }))).toEqual([all.length + 1]);

    expect(run(['users', 'add', 'direction', '--role', 'direction', '--password-stdin'], 'secret-direction').status).toBe(0);
    const server = await startServer(t.db, freePort());
    try {
      const login = await fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login: 'direction', password: 'secret-direction' }),
      });
      const { token } = (await login.json()) as { token: string };
      const pupils = async (year: number) => {
        const res = await fetch(`${server.url}/api/establishments/${UAI}/years/${year}/pupils`, {
          headers: { authorization: `Bearer ${token}` },
        });
        expect(res.status).toBe(200);
        return new Map(((await res.json()) as PupilOfYear[]).map((p) => [p.pupilId, p]));
      };
      const next = await pupils(2027);
      expect([...next.keys()].sort()).toEqual(['E1', 'E2', 'E5']);
      expect(next.get('E1')).toMatchObject({
        status: 'preinscrit',
        formationCode: 'CE1',
        classCode: null,
        lv1: 'GER',
        dispositifs: [],
      });
      expect(next.get('E2')).toMatchObject({
        status: 'inscrit',
        classCode: 'CM1-CM2',
        formationCode: 'CM1',
        entryDate: '2027-09-01',
        schooling: { doublement: true },
      });
      expect(next.get('E5')).toMatchObject({ status: 'preinscrit', formationCode: 'CE1', classCode: null });
      const past = await pupils(2026);
      expect(past.get('E1')).toMatchObject({
        status: 'inscrit',
        classCode: 'CP',
        formationCode: 'CP',
        lv1: 'GER',
        dispositifs: ['ULIS'],
      });
      expect(past.get('E3')).toMatchObject({ status: 'sorti', exitDate: '2027-07-04', exitMotive: '11' });

      // Over HTTP too, the dry run of an already carried year has nothing left to do.
      const res = await fetch(`${server.url}/api/establishments/${UAI}/years/2026/rollover`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ dryRun: true, carryClasses: true }),
      });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ dryRun: true, applied: false, plan: { commands: [], blocked: false } });
    } finally {
      await server.stop();
    }
  });
});
