import { type Evolver, type SchoolSnapshot, streamIds } from '@liaison/domain';
import { snapshotFromEvents, stream, type StreamHistory } from '@liaison/domain/testing';
import {
  ClassCoded,
  ClassCreated,
  EstablishmentRegistered,
  FormationAssigned,
  FormationsDeclared,
  GuardianAdded,
  GuardianRegistered,
  type NewEvent,
  NationalIdAssigned,
  PupilEnrolled,
  PupilPreEnrolled,
  PupilRegistered,
  PupilSiecleIdSet,
  YearOpened,
} from '@liaison/events';
// The SIECLE plugin's real `siecleref` evolver, through its public plugin contract: the sample's
// reference state has exactly the shape the server would give (a test fixture only).
import { createPlugin as createSieclePlugin } from '@liaison/plugin-second-degree-siecle';
import {
  referenceStreamId,
  SiecleStructuresDeclared,
  SiecleSubjectsDeclared,
  StsServicesDeclared,
  StsTeachersDeclared,
} from '@liaison/plugin-second-degree-siecle/events';
import {
  LivretAnnualAssessmentRecorded,
  LivretAttendanceRecorded,
  LivretCycleBilanRecorded,
  LivretEngagementsRecorded,
  LivretExamOpinionRecorded,
  LivretOpinionRecorded,
  LivretPeriodSynthesisRecorded,
  LivretProjectDeclared,
  LivretPupilProjectsRecorded,
  LivretSubjectAssessed,
  livretStreamId,
  livretYearStreamId,
} from '../events';
import { pupilLivretAggregate } from '../model/pupil-livret';
import { yearLivretAggregate } from '../model/year-livret';

/**
 * A collège-lycée's year through the events the server would store: SIECLE's subjects (real
 * CODE_MATIERE of the reference Nomenclature.xml), STS-web's people and services, a 3e, a 6e and
 * a 1re; the 3e has its first-term bilans and an end-of-cycle-4 bilan, the 1re two terms of
 * marks with annual appraisals and opinions. Exportable to LSU and LSL (warnings only).
 */
export const UAI = '0750680G';
export const YEAR = 2024;
/** 20 June 2025, 10:15:00 in Paris. */
export const PRODUCED_AT = '2025-06-20T08:15:00.000Z';

export const MEF_3E = '10310019110';
export const MEF_6E = '10010012110';
export const MEF_1RE = '20110019110';

const year = { uai: UAI, year: YEAR };
const source = 'test:sts_emp_0750680G_2024.xml';

export const SUBJECTS = [
  { code: '020700', label: 'FRANCAIS', editionLabel: 'Français' },
  { code: '061300', label: 'MATHEMATIQUES', editionLabel: 'Mathématiques' },
  { code: '030201', label: 'ANGLAIS LV1', editionLabel: 'Anglais LV1' },
  { code: '043700', label: 'HISTOIRE-GEOGRAPHIE', editionLabel: 'Histoire-géographie' },
  { code: '062900', label: 'SCIENCES DE LA VIE ET DE LA TERRE', editionLabel: 'SVT' },
];

const teacher = (stsId: string, civility: string, lastName: string, firstName: string, extra: object = {}) => ({
  stsId,
  idType: 'epp',
  civility,
  lastName,
  firstName,
  function: 'ENS',
  disciplines: [],
  mainTeacherOf: [],
  ...extra,
});

export const TEACHERS = [
  teacher('12345', '2', 'DUPONT', 'Hélène', { mainTeacherOf: [{ structureCode: '3A' }] }),
  teacher('23456', '1', 'MARTIN', 'Jérôme'),
  teacher('34567', '2', 'LOPEZ', 'Inès', { idType: 'local' }),
  teacher('56789', '1', 'GARNIER', 'Paul', { mainTeacherOf: [{ structureCode: '1A' }] }),
  { ...teacher('45678', '2', 'CŒUR', 'Renée'), function: 'DIR' },
];

const service = (subjectCode: string, ...stsIds: string[]) => ({ subjectCode, teachers: stsIds.map((stsId) => ({ stsId })) });

export function referenceHistory(): StreamHistory {
  return stream(
    referenceStreamId(UAI, YEAR),
    SiecleSubjectsDeclared.create({ ...year, source, subjects: SUBJECTS }),
    SiecleStructuresDeclared.create({
      ...year,
      source,
      divisions: [
        { code: '3A', label: '3E A', mefCodes: [MEF_3E] },
        { code: '6A', label: '6E A', mefCodes: [MEF_6E] },
        { code: '1A', label: '1RE A', mefCodes: [MEF_1RE] },
      ],
      groups: [],
    }),
    StsTeachersDeclared.create({ ...year, source, teachers: TEACHERS }),
    StsServicesDeclared.create({
      ...year,
      source,
      structures: [
        {
          structureCode: '3A',
          structureKind: 'division',
          services: [service('020700', '12345'), service('061300', '23456'), service('030201', '34567')],
        },
        { structureCode: '6A', structureKind: 'division', services: [service('020700', '12345'), service('061300', '23456')] },
        {
          structureCode: '1A',
          structureKind: 'division',
          services: [service('020700', '56789'), service('061300', '23456'), service('043700', '12345')],
        },
      ],
    }),
  );
}

const klass = (classCode: string, label: string, mef: string): StreamHistory => {
  const r = { ...year, classCode };
  return stream(
    streamIds.class(UAI, YEAR, classCode),
    ClassCreated.create({ ...r, label }),
    ClassCoded.create({ ...r, rectoratCode: classCode }),
    FormationAssigned.create({ ...r, formationCode: mef }),
  );
};

export function pupil(
  pupilId: string,
  lastName: string,
  firstName: string,
  classCode: string | undefined,
  siecleId: string | undefined,
  ...more: NewEvent[]
): StreamHistory {
  return stream(
    streamIds.pupil(UAI, pupilId),
    PupilRegistered.create({ uai: UAI, pupilId, lastName, firstName, sex: 'F', birthDate: '2010-05-04' }),
    ...(classCode
      ? [PupilEnrolled.create({ ...year, pupilId, classCode, entryDate: '2024-09-02' })]
      : [PupilPreEnrolled.create({ ...year, pupilId })]),
    ...(siecleId ? [PupilSiecleIdSet.create({ uai: UAI, pupilId, eleveId: siecleId })] : []),
    ...more,
  );
}

const ref = (pupilId: string, classCode: string) => ({ ...year, pupilId, classCode });

/** A collégien's first term: three subjects, the council's synthesis and the vie scolaire. */
export function collegeTerm(pupilId: string, classCode: string, positionings: [number, number, number]): NewEvent[] {
  const r = ref(pupilId, classCode);
  return [
    LivretSubjectAssessed.create({
      ...r,
      period: 'T1',
      subjectCode: '020700',
      electionMode: 'S',
      teacherIds: ['12345'],
      positioning: positionings[0],
      appraisal: 'Bon trimestre, des progrès à l’écrit.',
      programmeElements: ['Lire des textes variés', 'Écrire un récit'],
    }),
    LivretSubjectAssessed.create({
      ...r,
      period: 'T1',
      subjectCode: '061300',
      electionMode: 'S',
      teacherIds: ['23456'],
      positioning: positionings[1],
      appraisal: 'Travail régulier & sérieux.',
    }),
    LivretSubjectAssessed.create({
      ...r,
      period: 'T1',
      subjectCode: '030201',
      electionMode: 'S',
      teacherIds: ['34567'],
      positioning: positionings[2],
      appraisal: 'Participation <très> active à l’oral.',
    }),
    LivretPeriodSynthesisRecorded.create({
      ...r,
      period: 'T1',
      councilDate: '2024-12-05',
      synthesis: 'Un bon premier trimestre : continuez ainsi.',
    }),
    LivretAttendanceRecorded.create({ ...r, period: 'T1', lateArrivals: 1, justifiedAbsences: 2, unjustifiedAbsences: 0 }),
  ];
}

export function cycle4Bilan(pupilId: string): NewEvent {
  return LivretCycleBilanRecorded.create({
    ...ref(pupilId, '3A'),
    cycle: 4,
    date: '2025-06-16',
    domains: { CPD_FRA: 3, CPD_ETR: 3, CPD_SCI: 4, CPD_ART: 2, MET_APP: 3, FRM_CIT: 4, SYS_NAT: 3, REP_MND: 3 },
    synthesis: 'Bonne maîtrise d’ensemble des composantes du socle.',
    complement: { code: 'LCA', positioning: 1 },
    regionalLanguage: { code: 'AUC' },
  });
}

/** A lycéen's two terms of marks, annual appraisals and opinions. */
export function lyceeYear(pupilId: string, marks: Array<[string, string]>): NewEvent[] {
  const r = ref(pupilId, '1A');
  const subjects: Array<[string, string]> = [
    ['020700', '56789'],
    ['061300', '23456'],
  ];
  return [
    ...subjects.flatMap(([subjectCode, stsId], i) =>
      (['T1', 'T2'] as const).map((period, p) =>
        LivretSubjectAssessed.create({
          ...r,
          period,
          subjectCode,
          electionMode: 'S',
          teacherIds: [stsId],
          average: marks[i]![p]!,
          appraisal: 'Trimestre satisfaisant.',
        }),
      ),
    ),
    LivretAnnualAssessmentRecorded.create({
      ...r,
      subjectCode: '020700',
      electionMode: 'S',
      teacherIds: ['56789'],
      appraisal: 'Élève sérieuse, à l’aise à l’oral.',
      competences: [
        { code: '0001', level: '3' },
        { code: '0005', level: '4' },
      ],
    }),
    LivretOpinionRecorded.create({
      ...r,
      kind: 'chef-etablissement',
      text: 'Vu.',
      author: { lastName: 'CŒUR', firstName: 'Renée' },
      date: '2025-06-10',
    }),
    LivretExamOpinionRecorded.create({ ...r, opinion: 'F' }),
    LivretEngagementsRecorded.create({ ...r, codes: ['C'], other: 'Tutorat d’élèves de seconde' }),
  ];
}

const paris = { line1: '4 rue Saint-Jacques', postalCode: '75005', commune: 'Paris', country: '100' };

export function sampleHistory(): StreamHistory[] {
  return [
    stream(
      streamIds.establishment(UAI),
      EstablishmentRegistered.create({
        uai: UAI,
        name: 'Collège-lycée Saint-Jacques',
        degree: 'second',
        contract: 'association',
      }),
    ),
    stream(
      streamIds.year(UAI, YEAR),
      YearOpened.create(year),
      FormationsDeclared.create({
        ...year,
        source: 'test',
        entries: [
          { code: MEF_6E, label: '6EME' },
          { code: MEF_3E, label: '3EME' },
          { code: MEF_1RE, label: 'PREMIERE GENERALE' },
        ],
      }),
    ),
    klass('3A', '3e A', MEF_3E),
    klass('6A', '6e A', MEF_6E),
    klass('1A', '1re A', MEF_1RE),
    referenceHistory(),
    stream(
      streamIds.guardian(UAI, 'G1'),
      GuardianRegistered.create({
        uai: UAI,
        guardianId: 'G1',
        civility: 'MME',
        lastName: 'Lefèvre',
        firstName: 'Hélène',
        address: paris,
      }),
    ),
    pupil(
      'P1',
      'Lefèvre',
      'Éloïse',
      '3A',
      '1001',
      GuardianAdded.create({ uai: UAI, pupilId: 'P1', guardianId: 'G1', link: '10', legalLevel: 1, parentalAuthority: true }),
      NationalIdAssigned.create({ uai: UAI, pupilId: 'P1', ine: '070832327JA' }),
    ),
    pupil('P2', 'Ménard', 'Noé', '3A', '1002'),
    pupil('P3', 'Cœurdacier', 'Zoé', '6A', '1003'),
    pupil('P4', 'Bernard', 'Claire', '1A', '2001'),
    pupil('P5', 'Nguyen', 'Minh', '1A', '2002'),
    pupil('P6', 'Roux', 'Lina', undefined, undefined),
    stream(livretStreamId(UAI, YEAR, 'P1'), ...collegeTerm('P1', '3A', [3, 4, 2]), cycle4Bilan('P1')),
    stream(livretStreamId(UAI, YEAR, 'P2'), ...collegeTerm('P2', '3A', [2, 2, 3])),
    stream(
      livretStreamId(UAI, YEAR, 'P4'),
      ...lyceeYear('P4', [
        ['12.5', '13'],
        ['9.75', '11.25'],
      ]),
    ),
    stream(
      livretStreamId(UAI, YEAR, 'P5'),
      ...lyceeYear('P5', [
        ['15', '16.5'],
        ['7', '8.5'],
      ]),
    ),
  ];
}

/** The evolvers of the plugin stream kinds a snapshot folds: ours and SIECLE's reference. */
export const pluginAggregates = (): Record<string, Evolver<unknown>> => ({
  livret: pupilLivretAggregate as Evolver<unknown>,
  livretannee: yearLivretAggregate as Evolver<unknown>,
  siecleref: createSieclePlugin().aggregates!.siecleref!,
});

export function snapshotOf(history: StreamHistory[] = sampleHistory()): SchoolSnapshot {
  return snapshotFromEvents(UAI, YEAR, history, { pluginAggregates: pluginAggregates(), time: PRODUCED_AT });
}

export const sampleSnapshot = () => snapshotOf();

/** An EPI and an AP of the year, and a 3e pupil taking part in them. */
export function projectsHistory(): StreamHistory[] {
  return [
    stream(
      livretYearStreamId(UAI, YEAR),
      LivretProjectDeclared.create({
        ...year,
        projectId: 'EPI1',
        kind: 'epi',
        title: 'Écrire et compter l’histoire des sciences',
        theme: 'EPI_STS',
        disciplines: [
          { subjectCode: '020700', electionMode: 'S' },
          { subjectCode: '061300', electionMode: 'S' },
        ],
        teachers: [
          { stsId: '12345', subjectCode: '020700', electionMode: 'S' },
          { stsId: '23456', subjectCode: '061300', electionMode: 'S' },
        ],
        description: 'Un EPI français-mathématiques.',
      }),
      LivretProjectDeclared.create({
        ...year,
        projectId: 'AP1',
        kind: 'ap',
        title: 'Méthodologie',
        disciplines: [{ subjectCode: '020700', electionMode: 'S' }],
        teachers: [{ stsId: '12345', subjectCode: '020700', electionMode: 'S' }],
      }),
    ),
    stream(
      livretStreamId(UAI, YEAR, 'P2'),
      LivretPupilProjectsRecorded.create({
        ...ref('P2', '3A'),
        period: 'T1',
        projects: [{ projectId: 'EPI1', comment: 'Très impliqué.' }, { projectId: 'AP1' }],
        parcours: [{ code: 'PAR_AVN', text: 'Stage d’observation en entreprise.' }],
        accompaniments: [{ code: 'PPRE', detail: 'Soutien en mathématiques.' }, { code: 'PAP' }],
      }),
    ),
  ];
}
