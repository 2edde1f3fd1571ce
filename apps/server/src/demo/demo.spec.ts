import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { checkUai, inspectIne, type LiaisonPlugin, PLUGIN_API_VERSION } from '@liaison/domain';
import { createPlugin as createSieclePlugin } from '@liaison/plugin-second-degree-siecle';
import { UsersService } from '../auth/users.service';
import { registerDemoCommand } from '../cli/commands/demo.command';
import { CliError } from '../cli/exit-codes';
import { Kernel } from '../kernel/kernel';
import { applyDemo, DemoCommandRefusedError, DemoRefusedError } from './apply';
import { addDays, parisInstant, rentreeDate } from './calendar';
import { rnieIne } from './ine';
import { FIRST_DEGREE_FORMATIONS, SECOND_DEGREE_FORMATIONS, SECOND_DEGREE_LANGUAGES } from './nomenclatures';
import { buildDemoScenario, DEMO_ACTORS, type DemoScenario } from './scenario';
import { COLLEGE, ECOLE } from './school';
import { type DemoCommand } from './timeline';

/** Mid-January of 2025-2026: the current year has a rentrée and a term of history. */
const NOW = parisInstant('2026-01-15', 18 * 60);
const build = (now: Date = NOW) => buildDemoScenario({ now, installer: 'installation' });
const ofType = (s: DemoScenario, type: string) => s.commands.filter((c) => c.type === type);
const p = (c: DemoCommand) => c.payload as Record<string, unknown> & { uai: string; pupilId: string; year: number };

describe('the demo scenario', () => {
  const scenario = build();

  it('uses the school year of today and the one before', () => {
    expect([scenario.previousYear, scenario.currentYear]).toEqual([2024, 2025]);
    expect(build(parisInstant('2025-08-31', 23 * 60)).currentYear).toBe(2024);
    expect(build(parisInstant('2025-09-01', 0)).currentYear).toBe(2025);
    const years = new Set(ofType(scenario, 'OpenYear').map((c) => p(c).year));
    expect([...years]).toEqual([2024, 2025]);
  });

  it('is reproducible', () => {
    expect(build().commands).toEqual(scenario.commands);
  });

  it('is in chronological order, in the past, by several users, whatever today is', () => {
    for (const today of [
      '2025-09-01',
      '2025-09-12',
      '2025-10-31',
      '2026-03-20',
      '2026-06-30',
      '2026-08-31',
      '2027-09-06',
      '2030-11-02',
    ]) {
      const now = parisInstant(today, 12 * 60);
      const s = build(now);
      const times = s.commands.map((c) => c.occurredAt);
      expect(times).toEqual([...times].sort());
      expect(times.at(-1)! <= now.toISOString()).toBe(true);
      expect(s.counts.pupilsEnrolledCurrentYear).toBeGreaterThan(450);
    }
    expect(new Set(scenario.commands.map((c) => c.actor))).toEqual(
      new Set(['installation', DEMO_ACTORS.direction, DEMO_ACTORS.ecole, DEMO_ACTORS.college]),
    );
    // The first rentrée with Liaison (2 September 2024) is entered in the days after it.
    const firstEnrolment = ofType(scenario, 'EnrolPupil')[0]!;
    expect(firstEnrolment.occurredAt.slice(0, 10)).toBe('2024-09-03');
  });

  it('has a groupe scolaire of about 600 pupils in an école and a collège-lycée', () => {
    expect(scenario.establishments.map((e) => [e.uai, e.degree])).toEqual([
      [ECOLE.uai, 'first'],
      [COLLEGE.uai, 'second'],
    ]);
    for (const e of scenario.establishments) {
      expect(checkUai(e.uai)).toBeUndefined();
      expect(e.uai).not.toBe('0750680G');
    }
    expect(scenario.counts.pupils).toBeGreaterThanOrEqual(550);
    expect(scenario.counts.pupils).toBeLessThanOrEqual(680);
    expect(scenario.counts.pupilsEnrolledCurrentYear).toBeGreaterThanOrEqual(450);
    expect(scenario.counts.guardians).toBeGreaterThan(scenario.counts.pupils);
    const classes = ofType(scenario, 'CreateClass')
      .filter((c) => p(c).year === 2025)
      .map((c) => p(c).classCode);
    expect(classes).toEqual(
      expect.arrayContaining(['CP', 'CE1', 'GS-CP', 'CM1-CM2', '6A', '6B', '5A', '5B', '4A', '3A', '2A', '1A', 'TA']),
    );
  });

  it('writes French names with accents, and only valid INE-RNIE', () => {
    const names = ofType(scenario, 'RegisterPupil').map((c) => `${String(p(c).firstName)} ${String(p(c).lastName)}`);
    expect(names.filter((n) => /[À-ÿ]/.test(n)).length).toBeGreaterThan(150);
    expect(names).toEqual(expect.arrayContaining([expect.stringMatching(/^(Éloïse|Maëlys|Noé|Chloé|Zoé|Anaïs|Côme|Hélène) /)]));
    const ines = ofType(scenario, 'AssignNationalId').map((c) => String(p(c).ine));
    expect(ines.length).toBeGreaterThan(0.9 * scenario.counts.pupils);
    for (const ine of ines) expect(inspectIne(ine)).toEqual({ kind: 'rnie', valid: true });
    // 97 − 0 = 97, written K (9) H (7).
    expect(rnieIne('000000000')).toBe('000000000KH');
  });

  it('has guardians shared by siblings, tutors, pupils born abroad, exits with national motives and next-year plans', () => {
    const registrations = ofType(scenario, 'RegisterPupil');
    const guardianUses = new Map<string, number>();
    for (const c of registrations) {
      for (const g of (p(c).guardians as Array<{ guardianId: string }> | undefined) ?? []) {
        const key = `${p(c).uai}|${g.guardianId}`;
        guardianUses.set(key, (guardianUses.get(key) ?? 0) + 1);
      }
    }
    expect([...guardianUses.values()].filter((n) => n > 1).length).toBeGreaterThan(20);
    const links = new Set(registrations.flatMap((c) => ((p(c).guardians as Array<{ link: string }>) ?? []).map((g) => g.link)));
    expect(links).toEqual(new Set(['10', '20', '50']));
    expect(
      registrations.filter((c) => (p(c).birthPlace as { country?: string } | undefined)?.country === '216').length,
    ).toBeGreaterThan(0);
    const exits = ofType(scenario, 'ExitPupil');
    for (const motive of ['11', '14', '42']) expect(exits.some((c) => p(c).motive === motive)).toBe(true);
    expect(ofType(scenario, 'PlanNextYear').length).toBeGreaterThan(400);
    expect(ofType(scenario, 'PreEnrolPupil').length).toBeGreaterThan(30);
    expect(ofType(scenario, 'SetPupilDispositifs').some((c) => (p(c).dispositifs as string[]).includes('ULIS'))).toBe(true);
  });

  it('leaves the deliberate anomalies a control will flag in the current year', () => {
    const current = (c: DemoCommand) => p(c).year === 2025;
    const key = (c: DemoCommand) => `${p(c).uai}|${p(c).pupilId}`;
    const enrolled = new Set(ofType(scenario, 'EnrolPupil').filter(current).map(key));
    // A pupil enrolled without a birth place.
    const noPlace = ofType(scenario, 'RegisterPupil').filter((c) => p(c).birthPlace === undefined);
    expect(noPlace.some((c) => enrolled.has(key(c)))).toBe(true);
    // A legal representative without parental authority.
    const guardians = ofType(scenario, 'RegisterPupil').flatMap(
      (c) => (p(c).guardians as Array<{ legalLevel: number; parentalAuthority: boolean }>) ?? [],
    );
    expect(guardians.some((g) => g.legalLevel === 1 && !g.parentalAuthority)).toBe(true);
    // A class without code rectorat.
    const coded = new Set(
      ofType(scenario, 'CodeClass')
        .filter(current)
        .map((c) => p(c).classCode),
    );
    expect(
      ofType(scenario, 'CreateClass')
        .filter(current)
        .filter((c) => !coded.has(p(c).classCode))
        .map((c) => p(c).classCode),
    ).toEqual(['CE1-CE2']);
    // Pupils pre-enrolled only.
    const preOnly = ofType(scenario, 'PreEnrolPupil')
      .filter(current)
      .filter((c) => !enrolled.has(key(c)));
    expect(preOnly.map((c) => p(c).classCode)).toEqual([undefined, undefined]);
    // A cycle 3 pupil of the école without LV1.
    const withLanguages = new Set(ofType(scenario, 'SetPupilLanguages').filter(current).map(key));
    const cycle3 = ofType(scenario, 'EnrolPupil').filter(
      (c) => current(c) && ['CM1', 'CM2'].includes(String(p(c).formationCode)),
    );
    expect(cycle3.filter((c) => !withLanguages.has(key(c))).length).toBe(1);
  });

  const reference = path.resolve(__dirname, '../../../../../shared/reference/siecle/bee-exports/nomenclature');
  // shared/ is always beside the repository (in CI too): a missing copy must fail, not skip.
  it('uses MEF codes and labels of real SIECLE nomenclature exports', () => {
    const text = ['dossiersco-test-fixtures/nomenclature_tout_niveau.xml', 'lycee-arago-0750680G/Nomenclature-2019-20.xml']
      .map((file) => new TextDecoder('iso-8859-15').decode(fs.readFileSync(path.join(reference, file))))
      .join('\n');
    for (const mef of SECOND_DEGREE_FORMATIONS) {
      const block = new RegExp(`<MEF CODE_MEF="${mef.code}">[\\s\\S]*?<LIBELLE_EDITION>([^<]*)</LIBELLE_EDITION>`).exec(text);
      expect([mef.code, block?.[1]]).toEqual([mef.code, mef.label]);
    }
    for (const language of SECOND_DEGREE_LANGUAGES) {
      expect(text).toContain(`<MATIERE CODE_MATIERE="${language.code}">`);
      expect(text).toContain(`<LIBELLE_LONG>${language.label}</LIBELLE_LONG>`);
    }
    expect(FIRST_DEGREE_FORMATIONS.map((f) => `${f.code}:${f.cycle}`).join(' ')).toBe(
      'TPS:1 PS:1 MS:1 GS:1 CP:2 CE1:2 CE2:2 CM1:3 CM2:3',
    );
  });

  it('is told by several users, in chronological order', () => {
    const actors = new Set(scenario.commands.map((c) => c.actor));
    expect([...actors].sort()).toEqual(expect.arrayContaining(['direction', 'secretariat.martin', 'secretariat.nguyen']));
    const times = scenario.commands.map((c) => c.occurredAt);
    expect([...times].sort()).toEqual(times);
  });

  it('knows the rentrée', () => {
    expect(rentreeDate(2024)).toBe('2024-09-02');
    expect(rentreeDate(2025)).toBe('2025-09-01');
    expect(rentreeDate(2023)).toBe('2023-09-04');
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
  });
});

describe('liaison demo on a real database', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-demo-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const open = (name = 'liaison.sqlite') => Kernel.open({ dbPath: path.join(dir, name), plugins: [] });

  it('fills an empty database through the pipeline without a refused command, then writes nothing the second time', async () => {
    const kernel = await open();
    try {
      const users = new UsersService(kernel);
      const outcome = await applyDemo(kernel, users, { now: NOW });
      if (outcome.status !== 'created') throw new Error('expected the demo to be created');
      expect(outcome.counts.establishments).toBe(2);
      expect(outcome.events).toBe(kernel.store.headPosition());
      expect(outcome.events).toBeGreaterThan(outcome.counts.commands);
      expect(outcome.warnings).toEqual([]);
      const types = (type: string) => kernel.store.readAll({ types: [type] });
      expect(types('EstablishmentRegistered').map((e) => e.metadata)).toEqual([
        expect.objectContaining({ actor: 'installation', source: 'demo', occurredAt: '2024-06-12T07:10:11.000Z' }),
        expect.objectContaining({ actor: 'installation', source: 'demo' }),
      ]);
      expect(types('YearOpened')).toHaveLength(4);
      expect(types('PupilRegistered')).toHaveLength(outcome.counts.pupils);
      const actors = new Set(kernel.store.readAll().map((e) => e.metadata.actor));
      expect(actors).toEqual(new Set(['installation', 'direction', 'secretariat.martin', 'secretariat.nguyen']));
      expect(await users.login('direction', 'demo')).toEqual(
        expect.objectContaining({ user: { login: 'direction', role: 'direction' } }),
      );
      expect(await users.login('secretariat', 'demo')).toEqual(
        expect.objectContaining({ user: { login: 'secretariat', role: 'secretariat' } }),
      );

      const head = kernel.store.headPosition();
      expect(await applyDemo(kernel, users, { now: NOW })).toEqual({ status: 'already-present' });
      expect(kernel.store.headPosition()).toBe(head);
      expect(users.count()).toBe(2);
    } finally {
      await kernel.close();
    }
  });

  it('refuses a database that holds anything else, and writes nothing', async () => {
    const kernel = await open();
    try {
      await kernel.pipeline.execute(
        {
          type: 'RegisterEstablishment',
          payload: { uai: '0750680G', name: 'Lycée Arago', degree: 'second', contract: 'association' },
        },
        { actor: 'x', source: 'test' },
      );
      await expect(applyDemo(kernel, new UsersService(kernel), { now: NOW })).rejects.toThrow(DemoRefusedError);
      expect(kernel.store.headPosition()).toBe(1);
    } finally {
      await kernel.close();
    }
    const interrupted = await open('interrupted.sqlite');
    try {
      const first = build().commands.slice(0, 50);
      await interrupted.pipeline.executeBatch(
        first.map(({ type, payload, occurredAt }) => ({ type, payload, occurredAt })),
        {
          actor: first[0]!.actor,
          source: 'demo',
        },
      );
      const head = interrupted.store.headPosition();
      await expect(applyDemo(interrupted, new UsersService(interrupted), { now: NOW })).rejects.toThrow(
        /démonstration incomplète/,
      );
      expect(interrupted.store.headPosition()).toBe(head);
    } finally {
      await interrupted.close();
    }
    const withUser = await open('users-only.sqlite');
    try {
      const users = new UsersService(withUser);
      await users.add('admin', 'admin', 'motdepasse');
      await expect(applyDemo(withUser, users, { now: NOW })).rejects.toThrow(/n’est pas vide/);
      expect(withUser.store.headPosition()).toBe(0);
    } finally {
      await withUser.close();
    }
  });

  it('adds the plugins’ part in the same transaction, each plugin seeing what the plugins it requires added', async () => {
    const seen: string[] = [];
    const reader: LiaisonPlugin = {
      manifest: {
        id: 'reader',
        degree: 'second',
        displayName: 'r',
        apiVersion: PLUGIN_API_VERSION,
        tablePrefix: 'reader_',
        requires: ['second-degree-siecle'],
      },
      demo: (snapshot) => {
        seen.push(
          `${snapshot.uai}:${Object.keys(snapshot.pluginStates).join(',')}:${snapshot.pupils.filter((p) => p.siecleId).length > 0}`,
        );
        return [];
      },
    };
    const kernel = await Kernel.open({ dbPath: path.join(dir, 'plugins.sqlite'), plugins: [reader, createSieclePlugin()] });
    try {
      const outcome = await applyDemo(kernel, new UsersService(kernel), { now: NOW });
      if (outcome.status !== 'created') throw new Error('expected the demo to be created');
      expect(outcome.pluginCommands['second-degree-siecle']).toBeGreaterThan(100);
      expect(seen).toEqual([`${COLLEGE.uai}:siecleref-${COLLEGE.uai}-2025:true`]);
      const teachers = kernel.store.readAll({ types: ['StsTeachersDeclared'] });
      expect(teachers.map((e) => [e.streamId, e.metadata.actor, e.metadata.source, e.metadata.occurredAt])).toEqual([
        [`siecleref-${COLLEGE.uai}-2025`, DEMO_ACTORS.college, 'demo', NOW.toISOString()],
      ]);
      expect(outcome.events).toBe(kernel.store.headPosition());
    } finally {
      await kernel.close();
    }
  });

  it('writes nothing when a plugin’s part is refused', async () => {
    const broken: LiaisonPlugin = {
      manifest: { id: 'broken', degree: 'second', displayName: 'b', apiVersion: PLUGIN_API_VERSION, tablePrefix: 'broken_' },
      demo: (snapshot) => [{ type: 'SetPupilSiecleId', payload: { uai: snapshot.uai, pupilId: 'PERSONNE', eleveId: '1' } }],
    };
    const kernel = await Kernel.open({ dbPath: path.join(dir, 'broken.sqlite'), plugins: [broken] });
    try {
      const error = await applyDemo(kernel, new UsersService(kernel), { now: NOW }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DemoCommandRefusedError);
      expect((error as Error).message).toMatch(/SetPupilSiecleId de secretariat\.nguyen.*rien n’a été écrit/);
      expect(kernel.store.headPosition()).toBe(0);
      expect(new UsersService(kernel).count()).toBe(0);
    } finally {
      await kernel.close();
    }
  });

  it.each(['2025-09-01', '2026-08-31'])('applies as well on %s (first and last day of a year)', async (today) => {
    const kernel = await open();
    try {
      const outcome = await applyDemo(kernel, new UsersService(kernel), { now: parisInstant(today, 23 * 60) });
      expect(outcome.status).toBe('created');
    } finally {
      await kernel.close();
    }
  });

  it('runs as the CLI command: a summary, then the French message on the second run, and a refusal', async () => {
    const db = path.join(dir, 'cli.sqlite');
    const run = async (...args: string[]) => {
      const program = new Command('liaison').exitOverride();
      registerDemoCommand(program);
      let stdout = '';
      const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
        stdout += String(chunk);
        return true;
      });
      try {
        await program.parseAsync(['node', 'liaison', 'demo', '--db', db, ...args]);
      } finally {
        spy.mockRestore();
      }
      return stdout;
    };
    process.env.LIAISON_DEMO_TODAY = '2026-01-15';
    try {
      const first = await run('--actor', 'mme.durand');
      expect(first).toContain('Démonstration créée');
      expect(first).toContain('Connectez-vous avec direction / demo.');
      expect(first).toMatch(/établissements : 2/);
      expect(await run()).toBe('La base contient déjà la démonstration : rien n’a été modifié.\n');
      expect(JSON.parse(await run('--json'))).toEqual(expect.objectContaining({ status: 'already-present' }));
      const kernel = await Kernel.open({ dbPath: db, plugins: [] });
      try {
        expect(kernel.store.readAll({ types: ['EstablishmentRegistered'] })[0]!.metadata.actor).toBe('mme.durand');
      } finally {
        await kernel.close();
      }
      const other = path.join(dir, 'other.sqlite');
      const k2 = await Kernel.open({ dbPath: other, plugins: [] });
      await new UsersService(k2).add('admin', 'admin', 'motdepasse');
      await k2.close();
      const program = new Command('liaison').exitOverride();
      registerDemoCommand(program);
      const refusal = program.parseAsync(['node', 'liaison', 'demo', '--db', other]);
      await expect(refusal).rejects.toBeInstanceOf(CliError);
      await expect(refusal).rejects.toMatchObject({ exitCode: 1 });
    } finally {
      delete process.env.LIAISON_DEMO_TODAY;
    }
  });
});
