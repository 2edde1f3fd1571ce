import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../support/cli';
import { xsdErrors } from '../support/xsd';
import { cliSession, referenceXsd, stsEmp } from './livrets-fixtures';

const UAI = '0750680G';
const YEAR = 2019;
const MEF_1RE = '20110019110';

const pupil = (pupilId: string, lastName: string, firstName: string, eleveId: string) => [
  {
    type: 'RegisterPupil',
    payload: { uai: UAI, pupilId, lastName, firstName, sex: 'M', birthDate: '2003-05-04', nationality: '100' },
  },
  { type: 'EnrolPupil', payload: { uai: UAI, year: YEAR, pupilId, classCode: '1A', entryDate: '2019-09-02' } },
  { type: 'SetPupilSiecleId', payload: { uai: UAI, pupilId, eleveId } },
];
const ref = (pupilId: string) => ({ uai: UAI, year: YEAR, pupilId, classCode: '1A' });

/** One file per period: the grade book's averages (comma decimals, as a French spreadsheet writes them). */
const term = (period: 'T1' | 'T2', marks: [string, string, string, string]) =>
  [
    'Période;Division;ELEVE_ID;Nom;Prénom;Matière;Enseignants;Moyenne;Appréciation;Date du conseil;Synthèse;Retards;Absences justifiées;Absences injustifiées',
    `${period};1A;2001;BERNARD;Claire;020700;56789;${marks[0]};Travail sérieux.;;;;;`,
    `${period};1A;2001;BERNARD;Claire;061300;23456;${marks[1]};Des progrès.;;;;;`,
    `${period};1A;2002;NGUYEN;Minh;020700;56789;${marks[2]};Bonne participation.;;;;;`,
    `${period};1A;2002;NGUYEN;Minh;061300;23456;${marks[3]};Résultats fragiles.;;;;;`,
  ].join('\n');

describe('a lycée year through the CLI: the premières’ marks, the LSL file and the Parcoursup adapter', () => {
  let t: ReturnType<typeof tempDir>;
  const { run, exec, openSchool } = cliSession(() => t);
  const importTerm = (name: string, text: string) => {
    const file = join(t.dir, name);
    writeFileSync(file, text);
    return run(['import', 'livrets.evaluations', file, '--uai', UAI, '--year', String(YEAR), '--json']);
  };
  beforeAll(() => (t = tempDir()));
  afterAll(() => t.cleanup());

  it('exports the premières’ livrets valid against the LSL XSD, the Parcoursup file, and ticks step 8 of next year’s checklist', async () => {
    openSchool(UAI, YEAR, 'Lycée Saint-Jacques', 'Nomenclature-2019-20.xml');
    const sts = join(t.dir, `sts_emp_${UAI}_${YEAR}.xml`);
    writeFileSync(
      sts,
      stsEmp(
        UAI,
        YEAR,
        [
          { id: '56789', civility: '1', lastName: 'GARNIER', firstName: 'Paul', mainTeacherOf: '1A' },
          { id: '23456', civility: '1', lastName: 'MARTIN', firstName: 'Jérôme' },
        ],
        [
          {
            code: '1A',
            label: '1RE A',
            mef: MEF_1RE,
            services: [
              { subject: '020700', teachers: ['56789'] },
              { subject: '061300', teachers: ['23456'] },
            ],
          },
        ],
      ),
    );
    expect(run(['import', 'sts.emp', sts, '--uai', UAI, '--year', String(YEAR)]).status).toBe(0);
    expect(exec(...pupil('P1', 'Bernard', 'Claire', '2001'), ...pupil('P2', 'Nguyen', 'Minh', '2002')).status).toBe(0);

    const t1 = importTerm('notes-T1.csv', term('T1', ['12,5', '9,75', '15', '7']));
    expect(t1.stderr).toBe('');
    expect(t1.status).toBe(0);
    expect(importTerm('notes-T2.csv', term('T2', ['13', '11,25', '16,5', '8,5'])).status).toBe(0);
    // The same file again: recognised, nothing written.
    expect(
      (JSON.parse(importTerm('notes-T1-bis.csv', term('T1', ['12,5', '9,75', '15', '7'])).stdout) as { status: string }).status,
    ).toBe('already-imported');
    expect(
      exec(
        {
          type: 'RecordAnnualAssessment',
          payload: {
            ...ref('P1'),
            subjectCode: '020700',
            electionMode: 'S',
            teacherIds: ['56789'],
            appraisal: 'Élève sérieuse, à l’aise à l’oral.',
            competences: [{ code: '0001', level: '3' }],
          },
        },
        {
          type: 'RecordPupilOpinion',
          payload: {
            ...ref('P1'),
            kind: 'investissement',
            text: 'Déléguée très investie.',
            author: { lastName: 'GARNIER', firstName: 'Paul' },
            date: '2020-06-05',
          },
        },
        { type: 'RecordExamOpinion', payload: { ...ref('P1'), opinion: 'T' } },
        { type: 'RecordEngagements', payload: { ...ref('P1'), codes: ['C', 'V'] } },
        {
          type: 'RecordClassStatistics',
          payload: {
            uai: UAI,
            year: YEAR,
            classCode: '1A',
            subjectCode: '061300',
            electionMode: 'S',
            headcount: 31,
            average: '10.4',
            below8: 19.35,
            between8and12: 48.39,
            above12: 32.26,
          },
        },
      ).status,
    ).toBe(0);

    const exported = run(['export', 'lsl.livret', '--uai', UAI, '--year', String(YEAR), '--yes', '--json']);
    expect(exported.stderr).toBe('');
    expect(exported.status).toBe(0);
    const manifest = JSON.parse(exported.stdout) as { paths: string[]; files: Array<{ name: string }> };
    expect(manifest.files.map((f) => f.name)).toEqual([`LSL/${UAI}/LSL-${UAI}-${YEAR}.xml`]);
    const xml = readFileSync(manifest.paths[0]!);
    expect(await xsdErrors(referenceXsd('lsl', 'import-lsl_1.xsd'), 'lsl.xml', xml)).toEqual([]);
    const text = xml.toString('utf8');
    expect(text).toMatch(/<lsl:lsl xmlns:lsl="urn:ac-grenoble\.fr:lsl:import"/);
    expect(text).toContain('<eleve id="2001">');
    expect(text).toContain(
      '<avisInvestissement date="2020-06-05" nom="GARNIER" prenom="Paul">Déléguée très investie.</avisInvestissement>',
    );
    expect(text).toContain('<periode numero="2" moyenne="11.25"/>');
    // Recorded statistics for maths, computed ones for French (12.75 and 15.75: mean 14.25).
    expect(text).toContain(
      '<structure effectif="31" moyenne="10.40" repar-moins-huit="19.35" repar-huit-douze="48.39" repar-plus-douze="32.26"/>',
    );
    expect(text).toContain(
      '<structure effectif="2" moyenne="14.25" repar-moins-huit="0.00" repar-huit-douze="0.00" repar-plus-douze="100.00"/>',
    );

    const parcoursup = run(['export', 'parcoursup.notes', '--uai', UAI, '--year', String(YEAR), '--yes', '--json']);
    expect(parcoursup.status).toBe(0);
    const csv = readFileSync((JSON.parse(parcoursup.stdout) as { paths: string[] }).paths[0]!, 'utf8');
    expect(csv.split('\r\n')[1]).toBe(
      '0750680G;2019;2001;;Bernard;Claire;20110019110;1A;020700;S;T1;12.50;14.25;2;Travail sérieux.',
    );

    const checklist = run(['checklist', 'show', '--uai', UAI, '--year', String(YEAR + 1), '--json']);
    expect(checklist.status).toBe(0);
    const steps = (JSON.parse(checklist.stdout) as { steps: Array<{ stepId: string; status: string; title: string }> }).steps;
    expect(steps.find((s) => s.stepId === 'second-degree-livrets:8')).toMatchObject({
      status: 'done',
      title: 'Dans Liaison : remontée PARCOURSUP pour les classes de première en lycée',
    });
    expect(['open', 'overdue']).toContain(steps.find((s) => s.stepId === 'second-degree-livrets:9')?.status);
  });
});
