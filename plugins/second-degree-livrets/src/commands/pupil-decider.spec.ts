import { CommandRegistry, streamIds } from '@liaison/domain';
import { scenario, stream } from '@liaison/domain/testing';
import { PupilClassChanged, PupilEnrolled, PupilPreEnrolled, PupilRegistered } from '@liaison/events';
import { referenceStreamId, SiecleSubjectsDeclared, StsTeachersDeclared } from '@liaison/plugin-second-degree-siecle/events';
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
  LivretRecordWithdrawn,
  LivretSubjectAssessed,
  LivretSubjectAssessmentWithdrawn,
  livretYearStreamId,
} from '../events';
import { livretCommands } from './definitions';

const UAI = '0750680G';
const YEAR = 2024;
const registry = new CommandRegistry().register(...livretCommands);
const ref = { uai: UAI, year: YEAR, pupilId: 'P1', classCode: '3A' };
const source = 'test';

const pupil = (...more: Parameters<typeof stream>[1][]) =>
  stream(
    streamIds.pupil(UAI, 'P1'),
    PupilRegistered.create({
      uai: UAI,
      pupilId: 'P1',
      lastName: 'Lefèvre',
      firstName: 'Éloïse',
      sex: 'F',
      birthDate: '2010-03-14',
    }),
    ...more,
  );
const enrolled = (classCode = '3A') =>
  pupil(PupilEnrolled.create({ uai: UAI, year: YEAR, pupilId: 'P1', classCode, entryDate: '2024-09-02' }));
const reference = stream(
  referenceStreamId(UAI, YEAR),
  SiecleSubjectsDeclared.create({
    uai: UAI,
    year: YEAR,
    source,
    subjects: [
      { code: '061300', label: 'MATHEMATIQUES' },
      { code: '020700', label: 'FRANCAIS' },
    ],
  }),
  StsTeachersDeclared.create({
    uai: UAI,
    year: YEAR,
    source,
    teachers: [{ stsId: '12345', lastName: 'DUPONT', firstName: 'Hélène', disciplines: [], mainTeacherOf: [] }],
  }),
);

const assessment = {
  ...ref,
  period: 'T1',
  subjectCode: '061300',
  electionMode: 'S',
  teacherIds: ['12345'],
  positioning: 3,
  appraisal: 'Bon trimestre.',
};

describe('RecordSubjectAssessment', () => {
  it('records a subject’s positioning, appraisal and teacher for the period', () => {
    scenario(registry)
      .given(enrolled(), reference)
      .when({ type: 'RecordSubjectAssessment', payload: assessment })
      .thenEmits(LivretSubjectAssessed.create(assessment as Parameters<typeof LivretSubjectAssessed.create>[0]));
  });

  it('trims texts and emits nothing when the livret already says the same', () => {
    const given = stream(
      `livret-${UAI}-${YEAR}-P1`,
      LivretSubjectAssessed.create(assessment as Parameters<typeof LivretSubjectAssessed.create>[0]),
    );
    scenario(registry)
      .given(enrolled(), reference, given)
      .when({ type: 'RecordSubjectAssessment', payload: { ...assessment, appraisal: '  Bon trimestre.\r\n' } })
      .thenEmits();
  });

  it('takes a correction naming the division the pupil left during the year, and names both when neither fits', () => {
    const movedTo3B = pupil(
      PupilEnrolled.create({ uai: UAI, year: YEAR, pupilId: 'P1', classCode: '3A', entryDate: '2024-09-02' }),
      PupilClassChanged.create({
        uai: UAI,
        year: YEAR,
        pupilId: 'P1',
        classCode: '3B',
        previousClassCode: '3A',
        date: '2025-01-06',
      }),
    );
    scenario(registry)
      .given(movedTo3B, reference)
      .when({ type: 'RecordSubjectAssessment', payload: assessment })
      .thenEmits(LivretSubjectAssessed.create(assessment as Parameters<typeof LivretSubjectAssessed.create>[0]));
    scenario(registry)
      .given(movedTo3B, reference)
      .when({ type: 'RecordSubjectAssessment', payload: { ...assessment, classCode: '3C' } })
      .thenRejects(
        'pupil_not_in_division',
        /n’est pas inscrit dans la division 3C en 2024-2025 \(sa division : 3B ; auparavant 3A\)/,
      );
  });

  it('refuses a pupil who is not in the division, naming the pupil and their division (rule 3)', () => {
    scenario(registry)
      .given(enrolled('3B'), reference)
      .when({ type: 'RecordSubjectAssessment', payload: assessment })
      .thenRejects(
        'pupil_not_in_division',
        /LEFÈVRE Éloïse \(P1\) n’est pas inscrit dans la division 3A en 2024-2025 \(sa division : 3B\)/,
      );
  });

  it('refuses a pupil who is only pre-enrolled, or not a pupil of the year', () => {
    scenario(registry)
      .given(pupil(PupilPreEnrolled.create({ uai: UAI, year: YEAR, pupilId: 'P1' })), reference)
      .when({ type: 'RecordSubjectAssessment', payload: assessment })
      .thenRejects('pupil_not_in_division', /seulement préinscrit/);
    scenario(registry)
      .given(pupil(), reference)
      .when({ type: 'RecordSubjectAssessment', payload: assessment })
      .thenRejects('pupil_not_in_division', /n’est pas un élève de 2024-2025/);
    scenario(registry)
      .given(reference)
      .when({ type: 'RecordSubjectAssessment', payload: assessment })
      .thenRejects('pupil_not_in_division', /n’est pas enregistré/);
  });

  it('refuses a subject outside the year’s imported nomenclature (rule 1)', () => {
    scenario(registry)
      .given(enrolled(), reference)
      .when({ type: 'RecordSubjectAssessment', payload: { ...assessment, subjectCode: '030201' } })
      .thenRejects('subject_unknown', /la matière 030201 n’est pas dans la nomenclature de 2024-2025/);
    scenario(registry)
      .given(enrolled())
      .when({ type: 'RecordSubjectAssessment', payload: assessment })
      .thenRejects('subject_unknown', /aucune matière n’est importée pour 2024-2025/);
  });

  it('refuses a teacher STS-web does not know (rule 2)', () => {
    scenario(registry)
      .given(enrolled(), reference)
      .when({ type: 'RecordSubjectAssessment', payload: { ...assessment, teacherIds: ['12345', '99999'] } })
      .thenRejects('teacher_unknown', /enseignant 99999 absent des données STS-web de 2024-2025/);
  });

  it('says in French what is wrong with a value (exit 2, HTTP 400)', () => {
    for (const [payload, message] of [
      [{ ...assessment, positioning: 5 }, /positionnement : de 1 à 4/],
      [{ ...assessment, appraisal: '   ' }, /appréciation : ne peut pas être vide/],
      [{ ...assessment, average: '21' }, /une note sur 20/],
      [{ ...assessment, average: '12,5' }, /deux décimales au plus/],
      [{ ...assessment, period: 'T4' }, /période invalide/],
      [{ ...assessment, subjectCode: '61300' }, /code matière invalide/],
      [{ ...assessment, teacherIds: [] }, /au moins un enseignant/],
      [{ ...assessment, positioning: undefined, appraisal: undefined }, /rien à enregistrer/],
      [{ ...assessment, notGraded: true, average: '12' }, /« non noté » n’a pas de moyenne/],
      [{ ...assessment, appraisal: 'x'.repeat(601) }, /600 caractères au plus/],
    ] as const) {
      scenario(registry)
        .given(enrolled(), reference)
        .when({ type: 'RecordSubjectAssessment', payload })
        .thenRejects('invalid_value', message);
    }
  });
});

describe('WithdrawSubjectAssessment', () => {
  it('withdraws a recorded subject, and does nothing when there is none', () => {
    const given = stream(
      `livret-${UAI}-${YEAR}-P1`,
      LivretSubjectAssessed.create(assessment as Parameters<typeof LivretSubjectAssessed.create>[0]),
    );
    const payload = { ...ref, period: 'T1', subjectCode: '061300', electionMode: 'S' };
    scenario(registry)
      .given(enrolled(), reference, given)
      .when({ type: 'WithdrawSubjectAssessment', payload })
      .thenEmits(
        LivretSubjectAssessmentWithdrawn.create(payload as Parameters<typeof LivretSubjectAssessmentWithdrawn.create>[0]),
      );
    scenario(registry).given(enrolled(), reference).when({ type: 'WithdrawSubjectAssessment', payload }).thenEmits();
  });
});

describe('the period’s synthesis and vie scolaire', () => {
  it('records the council’s synthesis with its date, in the school year only', () => {
    const payload = { ...ref, period: 'T1', councilDate: '2024-12-05', synthesis: 'Un bon trimestre.' };
    scenario(registry)
      .given(enrolled())
      .when({ type: 'RecordPeriodSynthesis', payload })
      .thenEmits(LivretPeriodSynthesisRecorded.create(payload as Parameters<typeof LivretPeriodSynthesisRecorded.create>[0]));
    scenario(registry)
      .given(enrolled())
      .when({ type: 'RecordPeriodSynthesis', payload: { ...payload, councilDate: '2024-06-30' } })
      .thenRejects('invalid_value', /hors de l’année scolaire 2024-2025/);
  });

  it('records lateness and absences from 0 to 999', () => {
    const payload = { ...ref, period: 'T1', lateArrivals: 2, justifiedAbsences: 4, unjustifiedAbsences: 0, missedHours: 7 };
    scenario(registry)
      .given(enrolled())
      .when({ type: 'RecordAttendance', payload })
      .thenEmits(LivretAttendanceRecorded.create(payload as Parameters<typeof LivretAttendanceRecorded.create>[0]));
    scenario(registry)
      .given(enrolled())
      .when({ type: 'RecordAttendance', payload: { ...payload, lateArrivals: 1000 } })
      .thenRejects('invalid_value', /retards : de 0 à 999/);
  });
});

describe('RecordPupilProjects', () => {
  const project = stream(
    livretYearStreamId(UAI, YEAR),
    LivretProjectDeclared.create({
      uai: UAI,
      year: YEAR,
      projectId: 'AP1',
      kind: 'ap',
      title: 'Méthodologie',
      disciplines: [{ subjectCode: '020700', electionMode: 'S' }],
      teachers: [{ stsId: '12345', subjectCode: '020700', electionMode: 'S' }],
    }),
  );
  const payload = {
    ...ref,
    period: 'T1',
    projects: [{ projectId: 'AP1', comment: 'Assidu.' }],
    parcours: [{ code: 'PAR_CIT', text: 'Élu délégué.' }],
    accompaniments: [{ code: 'PPRE', detail: 'Soutien en français.' }],
  };

  it('records the pupil’s projects, parcours and accompaniments', () => {
    scenario(registry)
      .given(enrolled(), project)
      .when({ type: 'RecordPupilProjects', payload })
      .thenEmits(LivretPupilProjectsRecorded.create(payload as Parameters<typeof LivretPupilProjectsRecorded.create>[0]));
  });

  it('refuses a project the year has not declared, and codes outside the LSU lists', () => {
    scenario(registry)
      .given(enrolled())
      .when({ type: 'RecordPupilProjects', payload })
      .thenRejects('project_unknown', /AP1 non déclaré/);
    scenario(registry)
      .given(enrolled(), project)
      .when({ type: 'RecordPupilProjects', payload: { ...payload, parcours: [{ code: 'PAR_XYZ', text: 'x' }] } })
      .thenRejects('invalid_value', /parcours : PAR_AVN, PAR_CIT, PAR_ART, PAR_SAN/);
    scenario(registry)
      .given(enrolled(), project)
      .when({ type: 'RecordPupilProjects', payload: { ...payload, accompaniments: [{ code: 'PAP', detail: 'x' }] } })
      .thenRejects('invalid_value', /seuls PPRE et CTR ont un complément/);
  });
});

describe('RecordCycleBilan', () => {
  const domains = { CPD_FRA: 3, CPD_ETR: 3, CPD_SCI: 4, CPD_ART: 2, MET_APP: 3, FRM_CIT: 4, SYS_NAT: 3, REP_MND: 0 };
  const payload = {
    ...ref,
    cycle: 4,
    date: '2025-06-16',
    domains,
    synthesis: 'Bonne maîtrise.',
    complement: { code: 'LCA', positioning: 2 },
  };

  it('records the eight domains, the synthesis and the enseignement de complément', () => {
    scenario(registry)
      .given(enrolled())
      .when({ type: 'RecordCycleBilan', payload })
      .thenEmits(LivretCycleBilanRecorded.create(payload as Parameters<typeof LivretCycleBilanRecorded.create>[0]));
  });

  it('refuses a socle of seven domains, a positioning of 5, an unknown domain, a complement at the end of cycle 3', () => {
    const { REP_MND: _gone, ...seven } = domains;
    for (const [p, message] of [
      [{ ...payload, domains: seven }, /domaine\(s\) manquant\(s\) REP_MND/],
      [{ ...payload, domains: { ...domains, CPD_FRA: 5 } }, /CPD_FRA doit être positionné de 0 \(dispensé\) à 4/],
      [{ ...payload, domains: { ...domains, XXX: 1 } }, /domaine\(s\) inconnu\(s\) XXX/],
      [{ ...payload, cycle: 3 }, /seulement en fin de cycle 4/],
      [{ ...payload, synthesis: ' ' }, /synthèse du bilan de cycle : ne peut pas être vide/],
    ] as const) {
      scenario(registry).given(enrolled()).when({ type: 'RecordCycleBilan', payload: p }).thenRejects('invalid_value', message);
    }
  });
});

describe('the lycée’s annual appraisals and opinions', () => {
  it('checks the annual appraisal’s subject and teachers like a period’s', () => {
    const payload = {
      ...ref,
      subjectCode: '061300',
      electionMode: 'S',
      teacherIds: ['12345'],
      competences: [{ code: '0001', level: 'A2' }],
    };
    scenario(registry).given(enrolled(), reference).when({ type: 'RecordAnnualAssessment', payload }).decision();
    scenario(registry)
      .given(enrolled(), reference)
      .when({ type: 'RecordAnnualAssessment', payload: { ...payload, teacherIds: ['1'] } })
      .thenRejects('teacher_unknown');
    scenario(registry)
      .given(enrolled(), reference)
      .when({ type: 'RecordAnnualAssessment', payload: { ...payload, competences: [{ code: '1', level: '3' }] } })
      .thenRejects('invalid_value', /compétence : un code à 4 chiffres/);
  });

  it('records opinions, the exam opinion and engagements with LSL’s codes', () => {
    scenario(registry)
      .given(enrolled())
      .when({
        type: 'RecordPupilOpinion',
        payload: {
          ...ref,
          kind: 'chef-etablissement',
          text: 'Vu.',
          author: { lastName: 'CŒUR', firstName: 'Renée' },
          date: '2025-06-10',
        },
      })
      .decision();
    scenario(registry)
      .given(enrolled())
      .when({ type: 'RecordExamOpinion', payload: { ...ref, opinion: 'X' } })
      .thenRejects('invalid_value', /T, F, A, D/);
    scenario(registry)
      .given(enrolled())
      .when({ type: 'RecordEngagements', payload: { ...ref, codes: ['C', 'C'] } })
      .thenRejects('invalid_value', /cité deux fois/);
  });
});

describe('WithdrawLivretRecord', () => {
  type Withdrawn = Parameters<typeof LivretRecordWithdrawn.create>[0];
  const livret = (...events: Parameters<typeof stream>[1][]) => stream(`livret-${UAI}-${YEAR}-P1`, ...events);
  const subject = LivretSubjectAssessed.create({
    ...(assessment as Parameters<typeof LivretSubjectAssessed.create>[0]),
    period: 'S1',
  });
  const synthesis = LivretPeriodSynthesisRecorded.create({ ...ref, period: 'S1', councilDate: '2025-01-20', synthesis: 'Bien.' });
  const attendance = LivretAttendanceRecorded.create({
    ...ref,
    period: 'S1',
    lateArrivals: 0,
    justifiedAbsences: 2,
    unjustifiedAbsences: 0,
  });
  const projects = LivretPupilProjectsRecorded.create({ ...ref, period: 'S1', projects: [], parcours: [], accompaniments: [] });
  const domains = { CPD_FRA: 3, CPD_ETR: 3, CPD_SCI: 4, CPD_ART: 2, MET_APP: 3, FRM_CIT: 4, SYS_NAT: 3, REP_MND: 0 };
  const bilan = LivretCycleBilanRecorded.create({ ...ref, cycle: 4, date: '2025-06-16', domains, synthesis: 'Bonne maîtrise.' });
  const annual = LivretAnnualAssessmentRecorded.create({
    ...ref,
    subjectCode: '061300',
    electionMode: 'S',
    teacherIds: ['12345'],
    appraisal: 'Sérieux.',
  });
  const opinion = LivretOpinionRecorded.create({
    ...ref,
    kind: 'engagement',
    text: 'Engagé.',
    author: { lastName: 'CŒUR', firstName: 'Renée' },
  });
  const examOpinion = LivretExamOpinionRecorded.create({ ...ref, opinion: 'T' });
  const engagements = LivretEngagementsRecorded.create({ ...ref, codes: ['C'] });
  const everything = [subject, synthesis, attendance, projects, bilan, annual, opinion, examOpinion, engagements];

  // Each kind with its key, and what its withdrawal leaves of `everything` (the events still to withdraw).
  const cases: [Omit<Withdrawn, keyof typeof ref>, typeof everything][] = [
    [{ record: 'period', period: 'S1' }, [bilan, annual, opinion, examOpinion, engagements]],
    [{ record: 'periodSynthesis', period: 'S1' }, everything.filter((e) => e !== synthesis)],
    [{ record: 'attendance', period: 'S1' }, everything.filter((e) => e !== attendance)],
    [{ record: 'pupilProjects', period: 'S1' }, everything.filter((e) => e !== projects)],
    [{ record: 'cycleBilan', cycle: 4 }, everything.filter((e) => e !== bilan)],
    [{ record: 'annualAssessment', subjectCode: '061300', electionMode: 'S' }, everything.filter((e) => e !== annual)],
    [{ record: 'opinion', kind: 'engagement' }, everything.filter((e) => e !== opinion)],
    [{ record: 'examOpinion' }, everything.filter((e) => e !== examOpinion)],
    [{ record: 'engagements' }, everything.filter((e) => e !== engagements)],
  ];

  it.each(cases)('withdraws %o and only it', (key, left) => {
    const payload = { ...ref, ...key };
    const withdrawn = LivretRecordWithdrawn.create(payload as Withdrawn);
    scenario(registry)
      .given(enrolled(), livret(...everything))
      .when({ type: 'WithdrawLivretRecord', payload })
      .thenEmits(withdrawn);
    // Once withdrawn it is absent: withdrawing it again appends nothing.
    scenario(registry)
      .given(enrolled(), livret(...everything, withdrawn))
      .when({ type: 'WithdrawLivretRecord', payload })
      .thenEmits();
    // What it left stands: restating it appends nothing.
    for (const event of left) {
      const { type, data } = event as unknown as { type: string; data: Record<string, unknown> };
      const command =
        type === 'LivretSubjectAssessed' ? 'RecordSubjectAssessment' : type.replace(/^Livret(.*)Recorded$/, 'Record$1');
      const restated = command === 'RecordOpinion' ? 'RecordPupilOpinion' : command;
      scenario(registry)
        .given(enrolled(), reference, livret(...everything, withdrawn))
        .when({ type: restated, payload: data })
        .thenEmits();
    }
  });

  it('withdraws nothing the livret does not hold', () => {
    for (const [key] of cases) {
      scenario(registry)
        .given(
          enrolled(),
          livret(
            LivretCycleBilanRecorded.create({
              ...(bilan.data as Parameters<typeof LivretCycleBilanRecorded.create>[0]),
              cycle: 3,
              complement: undefined,
            }),
          ),
        )
        .when({ type: 'WithdrawLivretRecord', payload: { ...ref, ...key, ...(key.record === 'cycleBilan' ? { cycle: 4 } : {}) } })
        .thenEmits();
    }
  });

  it('refuses a pupil who is not in the division, as for a subject’s withdrawal', () => {
    scenario(registry)
      .given(enrolled('3B'), livret(...everything))
      .when({ type: 'WithdrawLivretRecord', payload: { ...ref, record: 'engagements' } })
      .thenRejects('pupil_not_in_division', /n’est pas inscrit dans la division 3A/);
  });

  it('says in French which field the record needs, and which does not belong', () => {
    for (const [payload, message] of [
      [{ ...ref, record: 'periodSynthesis' }, /période \(period\) : obligatoire pour retirer la synthèse du conseil de classe/],
      [{ ...ref, record: 'period' }, /période \(period\) : obligatoire pour retirer la période entière/],
      [{ ...ref, record: 'cycleBilan' }, /cycle \(cycle\) : obligatoire pour retirer le bilan de fin de cycle/],
      [{ ...ref, record: 'annualAssessment', subjectCode: '061300' }, /modalité d’élection \(electionMode\) : obligatoire/],
      [{ ...ref, record: 'opinion' }, /type d’avis \(kind : engagement, investissement, chef-etablissement\) : obligatoire/],
      [{ ...ref, record: 'engagements', period: 'T1' }, /période \(period\) : sans objet pour retirer les engagements/],
      [{ ...ref, record: 'bilan' }, /enregistrement : period, periodSynthesis/],
      [{ ...ref, record: 'cycleBilan', cycle: 5 }, /cycle : 3 ou 4/],
    ] as const) {
      scenario(registry).given(enrolled()).when({ type: 'WithdrawLivretRecord', payload }).thenRejects('invalid_value', message);
    }
  });
});
