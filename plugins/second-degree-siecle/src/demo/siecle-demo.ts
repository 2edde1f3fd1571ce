import { type Command, type DemoContribution, pupilsOfYear, type SchoolSnapshot } from '@liaison/domain';
import { type Service, type Subject, type Teacher } from '../events/reference-events';
import { divisionCodeOf } from '../export/import-prive-document';

const SOURCE = 'second-degree-siecle:demo';

/**
 * Subjects of the demo, with the real CODE_MATIERE, CODE_GESTION and LIBELLE_LONG of SIECLE's
 * Nomenclature.xml (2019-2020 edition): what the LSU and the LSL need to name a discipline.
 */
export const DEMO_SUBJECTS: readonly Subject[] = [
  { code: '020700', managementCode: 'FRANC', label: 'FRANCAIS' },
  { code: '030201', managementCode: 'AGL1', label: 'ANGLAIS LV1' },
  { code: '030602', managementCode: 'ESP2', label: 'ESPAGNOL LV2' },
  { code: '043700', managementCode: 'HI-GE', label: 'HISTOIRE-GEOGRAPHIE' },
  { code: '043800', managementCode: 'EMC', label: 'ENSEIGNEMENT MORAL ET CIVIQUE' },
  { code: '050700', managementCode: 'SES', label: 'SCIENCES ECONOMIQUES ET SOCIALES' },
  { code: '061300', managementCode: 'MATHS', label: 'MATHEMATIQUES' },
  { code: '062300', managementCode: 'PH-CH', label: 'PHYSIQUE-CHIMIE' },
  { code: '062900', managementCode: 'SVT', label: 'SCIENCES DE LA VIE ET DE LA TERRE' },
  { code: '065300', managementCode: 'G-SCI', label: 'ENSEIGNEMENT SCIENTIFIQUE' },
  { code: '083200', managementCode: 'MUSIQ', label: 'MUSIQUE' },
  { code: '090100', managementCode: 'A-PLA', label: 'ARTS PLASTIQUES' },
  { code: '100100', managementCode: 'EPS', label: 'EDUCATION PHYSIQUE ET SPORTIVE' },
];

type Stage = 'college' | 'seconde' | 'cycle-terminal';

/** What each kind of division is taught (by CODE_MATIERE); LV2 from the 5e on. */
const TAUGHT: Record<Stage, readonly string[]> = {
  college: ['020700', '061300', '043700', '030201', '062900', '062300', '100100', '090100', '083200'],
  seconde: ['020700', '061300', '043700', '043800', '030201', '030602', '062900', '062300', '050700', '100100'],
  'cycle-terminal': ['020700', '061300', '043700', '043800', '030201', '030602', '065300', '062300', '050700', '100100'],
};
const LV2 = '030602';

/** The demo's teachers: STS ids (INDIVIDU/@ID), the subjects they teach, collège or lycée side. */
const TEACHERS: ReadonlyArray<{
  stsId: string;
  civility: '1' | '2';
  lastName: string;
  firstName: string;
  subjects: string[];
  side: 'college' | 'lycee';
}> = [
  { stsId: '51001', civility: '2', lastName: 'LAMBERT', firstName: 'Claire', subjects: ['020700'], side: 'college' },
  { stsId: '51002', civility: '1', lastName: 'ROUSSEAU', firstName: 'Marc', subjects: ['061300'], side: 'college' },
  { stsId: '51003', civility: '2', lastName: 'FONTAINE', firstName: 'Isabelle', subjects: ['043700', '043800'], side: 'college' },
  { stsId: '51004', civility: '2', lastName: 'WILLIAMS', firstName: 'Sarah', subjects: ['030201'], side: 'college' },
  { stsId: '51005', civility: '1', lastName: 'GARCIA', firstName: 'Pablo', subjects: ['030602'], side: 'college' },
  { stsId: '51006', civility: '1', lastName: 'MOREL', firstName: 'Julien', subjects: ['062900'], side: 'college' },
  { stsId: '51007', civility: '2', lastName: 'CHEVALIER', firstName: 'Anne', subjects: ['062300'], side: 'college' },
  { stsId: '51008', civility: '1', lastName: 'GIRARD', firstName: 'Thomas', subjects: ['100100'], side: 'college' },
  { stsId: '51009', civility: '2', lastName: 'BONNET', firstName: 'Élise', subjects: ['090100', '083200'], side: 'college' },
  { stsId: '52001', civility: '1', lastName: 'MERCIER', firstName: 'Olivier', subjects: ['020700'], side: 'lycee' },
  { stsId: '52002', civility: '2', lastName: 'FAURE', firstName: 'Nathalie', subjects: ['061300', '065300'], side: 'lycee' },
  { stsId: '52003', civility: '1', lastName: 'BLANC', firstName: 'Antoine', subjects: ['043700', '043800'], side: 'lycee' },
  { stsId: '52004', civility: '2', lastName: 'HENRY', firstName: 'Emma', subjects: ['030201'], side: 'lycee' },
  { stsId: '52005', civility: '2', lastName: 'LOPEZ', firstName: 'Carmen', subjects: ['030602'], side: 'lycee' },
  { stsId: '52006', civility: '1', lastName: 'ROUX', firstName: 'Pierre', subjects: ['062300', '062900'], side: 'lycee' },
  { stsId: '52007', civility: '2', lastName: 'PERRIN', firstName: 'Sophie', subjects: ['050700'], side: 'lycee' },
  { stsId: '52008', civility: '1', lastName: 'MARCHAND', firstName: 'Luc', subjects: ['100100'], side: 'lycee' },
];

/** Collège MEFs start with 10 (6e 100…, 3e 103…), seconde 200, première and terminale 201 / 202. */
function stageOf(mefCodes: readonly string[]): Stage | undefined {
  const mef = mefCodes[0];
  if (mef === undefined) return undefined;
  if (mef.startsWith('10')) return 'college';
  if (mef.startsWith('200')) return 'seconde';
  if (mef.startsWith('201') || mef.startsWith('202')) return 'cycle-terminal';
  return undefined;
}

/** The 6e learns one modern language; LV2 begins in 5e (MEF 101…). */
const hasLv2 = (stage: Stage, mefCodes: readonly string[]) => stage !== 'college' || !mefCodes[0]!.startsWith('100');

/** A stable ELEVE_ID per pupil, as if SIECLE had numbered the establishment's pupils. */
const eleveIdOf = (index: number) => String(3_200_000 + index + 1);

/**
 * The demo's SIECLE and STS-web side for a second-degree establishment: the subjects, the
 * divisions with their MEFs, the teachers and the services of each division (what an STS-web
 * export would bring), and an ELEVE_ID for every pupil of the year who has none (what the
 * ElevesSansAdresses import would bring). The livrets plugin builds its demo bilans on them.
 */
export const siecleDemo: DemoContribution = (snapshot: SchoolSnapshot) => {
  const { uai, year } = snapshot;
  if (!snapshot.schoolYear.opened) return [];
  const divisions = snapshot.classes
    .filter((c) => c.classCode !== undefined && c.closedOn === undefined)
    .map((c) => ({ code: divisionCodeOf(c)!, label: c.label, mefCodes: [...c.formations], stage: stageOf(c.formations) }))
    .filter((d): d is typeof d & { stage: Stage } => d.stage !== undefined);
  if (divisions.length === 0) return [];
  const commands: Command[] = [];
  const ref = { uai, year, source: SOURCE };
  commands.push({ type: 'DeclareSiecleSubjects', payload: { ...ref, subjects: DEMO_SUBJECTS } });
  commands.push({
    type: 'DeclareSiecleStructures',
    payload: {
      ...ref,
      divisions: divisions.map((d) => ({
        code: d.code,
        ...(d.label ? { label: d.label } : {}),
        contract: '3',
        mefCodes: d.mefCodes,
      })),
      groups: [],
    },
  });
  const teachers: Teacher[] = TEACHERS.map((t) => ({
    stsId: t.stsId,
    idType: 'epp',
    civility: t.civility,
    sex: t.civility,
    lastName: t.lastName,
    firstName: t.firstName,
    function: 'ENS',
    disciplines: [],
    mainTeacherOf: [],
  }));
  commands.push({ type: 'DeclareStsTeachers', payload: { ...ref, teachers } });
  const teacherFor = (subjectCode: string, stage: Stage): string => {
    const side = stage === 'college' ? 'college' : 'lycee';
    const found = TEACHERS.find((t) => t.side === side && t.subjects.includes(subjectCode));
    return found!.stsId;
  };
  commands.push({
    type: 'DeclareStsServices',
    payload: {
      ...ref,
      structures: divisions.map((d) => ({
        structureCode: d.code,
        structureKind: 'division',
        services: TAUGHT[d.stage]
          .concat(d.stage === 'college' && hasLv2(d.stage, d.mefCodes) ? [LV2] : [])
          .map((subjectCode): Service => ({
            subjectCode,
            courseModality: 'CG',
            teachers: [{ stsId: teacherFor(subjectCode, d.stage) }],
          })),
      })),
    },
  });
  pupilsOfYear(snapshot)
    .filter((p) => p.siecleId === undefined && p.years[year]!.status !== 'preinscrit')
    .sort((a, b) => (a.pupilId! < b.pupilId! ? -1 : 1))
    .forEach((pupil, index) => {
      commands.push({ type: 'SetPupilSiecleId', payload: { uai, pupilId: pupil.pupilId, eleveId: eleveIdOf(index) } });
    });
  return commands;
};
