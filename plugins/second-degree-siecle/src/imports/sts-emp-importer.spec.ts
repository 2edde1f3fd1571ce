import { ImportFileError, type ImportPlan } from '@liaison/domain';
import { type StreamHistory } from '@liaison/domain/testing';
import { declareStsServicesPayload, declareStsTeachersPayload } from '../reference/reference-commands';
import { referenceStateOf } from '../reference/reference-state';
import {
  applyCommands,
  commandsOf,
  openedSchool,
  outcomesOf,
  readConstructed,
  readReference,
  snapshotOf,
  validateCommands,
} from './__fixtures__/school';
import { nomenclatureImporter } from './nomenclature-importer';
import { stsEmpImporter } from './sts-emp-importer';
import { structuresImporter } from './structures-importer';

const UAI = '0750680G';
const YEAR = 2019;
const FILE = 'sts_emp_0750680G_2019.xml';
const importer = stsEmpImporter();
const sts = readConstructed(FILE);

async function run(
  history: StreamHistory[],
  plan: (snapshot: ReturnType<typeof snapshotOf>) => Promise<ImportPlan>,
): Promise<StreamHistory[]> {
  return applyCommands(history, commandsOf(await plan(snapshotOf(UAI, YEAR, history))));
}
function withNomenclature(): Promise<StreamHistory[]> {
  return run(openedSchool(UAI, YEAR), (snapshot) =>
    nomenclatureImporter().parse(readReference('nomenclature/lycee-arago-0750680G/Nomenclature-2019-20.xml'), {
      uai: UAI,
      year: YEAR,
      fileName: 'Nomenclature.xml',
      snapshot,
    }),
  );
}
const parse = (history: StreamHistory[], bytes = sts, fileName = FILE): Promise<ImportPlan> =>
  importer.parse(bytes, { uai: UAI, year: YEAR, fileName, snapshot: snapshotOf(UAI, YEAR, history) });

describe('sts.emp (constructed sts_emp_0750680G_2019.xml)', () => {
  it('creates the classes, and records subjects, groups, teachers and services as reference data', async () => {
    const plan = await parse(await withNomenclature());
    validateCommands(commandsOf(plan));
    expect(plan.rows.map((r) => [r.ref, r.outcome])).toEqual([
      ['matière 990100', 'create'],
      ['division 2NDE1', 'create'],
      ['division TS1', 'create'],
      ['groupe ESP2_G1', 'create'],
      ['individu STS 12345', 'create'],
      ['individu STS 23456', 'create'],
      ['individu STS 34567', 'create'],
      ['individu STS 45678', 'create'],
      ['services de la division 2NDE1', 'create'],
      ['services de la division TS1', 'create'],
      ['services du groupe ESP2_G1', 'create'],
    ]);
    expect(plan.notes).toContain(
      '3 matière(s) de STS-web déjà connue(s) par la nomenclature SIECLE : libellés de SIECLE conservés',
    );
    expect(plan.rows.find((r) => r.ref === 'individu STS 12345')).toMatchObject({
      subject: 'MME DUPONT Hélène',
      message: 'fonction ENS ; discipline(s) MATHEMATIQUES ; professeur principal de 2NDE1',
    });
    expect(plan.rows.find((r) => r.ref === 'services de la division TS1')?.message).toBe(
      'MATHS CG (DUPONT), MATHS TD (DUPONT, MARTIN), CULTR (sans enseignant)',
    );

    const teachers = declareStsTeachersPayload.parse(
      commandsOf(plan).find((c) => c.type === 'DeclareStsTeachers')!.payload,
    ).teachers;
    expect(teachers.map((t) => `${t.stsId} ${t.lastName} ${t.firstName} ${t.function}`)).toEqual([
      '12345 DUPONT Hélène ENS',
      '23456 MARTIN Jérôme ENS',
      '34567 LÓPEZ Inés ENS',
      '45678 CŒUR Renée DIR',
    ]);
    expect(teachers[0]).toEqual({
      stsId: '12345',
      idType: 'epp',
      civility: '2',
      sex: '2',
      lastName: 'DUPONT',
      birthName: 'DURAND',
      firstName: 'Hélène',
      grade: 'CERTIFIE',
      function: 'ENS',
      disciplines: [{ code: 'L1300', label: 'MATHEMATIQUES', hours: '18' }],
      mainTeacherOf: [{ structureCode: '2NDE1', from: '2019-09-02', to: '2020-07-04' }],
    });
    const services = declareStsServicesPayload.parse(
      commandsOf(plan).find((c) => c.type === 'DeclareStsServices')!.payload,
    ).structures;
    expect(services.find((s) => s.structureCode === 'ESP2_G1')).toEqual({
      structureCode: 'ESP2_G1',
      structureKind: 'group',
      services: [{ subjectCode: '030602', courseModality: 'CG', teachers: [{ stsId: '34567', idType: 'local' }] }],
    });

    const history = applyCommands(await withNomenclature(), commandsOf(plan));
    const snapshot = snapshotOf(UAI, YEAR, history);
    expect(snapshot.classes.map((c) => [c.classCode, c.formations])).toEqual([
      ['2NDE1', ['20010018110']],
      ['TS1', ['20211010110']],
    ]);
    const reference = referenceStateOf(snapshot);
    expect(Object.keys(reference.teachers)).toEqual(['12345', '23456', '34567', '45678']);
    expect(reference.services.TS1?.services).toHaveLength(3);
    expect(reference.subjects['990100']?.label).toBe('CULTURE RELIGIEUSE');
    expect(reference.subjects['061300']?.editionLabel).toBe('Mathématiques');

    const again = await parse(history);
    expect(outcomesOf(again)).toEqual({ unchanged: 10 });
    expect(commandsOf(again)).toEqual([]);
  });

  it('after Structures.xml, keeps its contracts and only adds what STS-web brings', async () => {
    let history = await run(await withNomenclature(), (snapshot) =>
      structuresImporter().parse(readConstructed('Structures.xml'), {
        uai: UAI,
        year: YEAR,
        fileName: 'Structures.xml',
        snapshot,
      }),
    );
    const plan = await parse(history);
    expect(
      plan.rows.filter((r) => r.ref.startsWith('division') || r.ref.startsWith('groupe')).map((r) => [r.ref, r.outcome]),
    ).toEqual([
      ['division 2NDE1', 'unchanged'],
      ['division TS1', 'unchanged'],
      ['groupe ESP2_G1', 'unchanged'],
    ]);
    history = applyCommands(history, commandsOf(plan));
    expect(referenceStateOf(snapshotOf(UAI, YEAR, history)).divisions['2NDE1']?.contract).toBe('3');
  });

  it('refuses the upward emp_sts file (the anagram) and another establishment’s file', async () => {
    const empSts = new TextEncoder().encode('<?xml version="1.0" encoding="ISO-8859-15"?><EDT_STS><PARAMETRES/></EDT_STS>');
    await expect(parse(await withNomenclature(), empSts, 'emp_sts_0750680G_2019.xml')).rejects.toThrow(
      /^ce fichier est une remontée des services vers STS-web/,
    );
    await expect(
      importer.parse(sts, {
        uai: '0752387M',
        year: YEAR,
        fileName: FILE,
        snapshot: snapshotOf('0752387M', YEAR, openedSchool('0752387M', YEAR)),
      }),
    ).rejects.toThrow(new ImportFileError('ce fichier est celui de l’établissement 0750680G, pas de 0752387M'));
  });

  it('notes a file name that does not match its content', async () => {
    expect((await parse(await withNomenclature(), sts, 'sts_emp_0750680G_2018.xml')).notes).toContain(
      'le nom du fichier (sts_emp_0750680G_2018.xml) ne correspond pas à 0750680G / 2019 : le contenu (PARAMETRES) fait foi',
    );
  });
});
