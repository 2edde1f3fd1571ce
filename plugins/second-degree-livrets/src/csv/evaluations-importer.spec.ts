import { ImportFileError, type ImportPlan, type SchoolSnapshot, streamIds } from '@liaison/domain';
import { snapshotFromEvents, stream } from '@liaison/domain/testing';
import { EstablishmentRegistered, PupilClassChanged } from '@liaison/events';
import * as iconv from 'iconv-lite';
import { sampleHistory, snapshotOf, UAI, YEAR } from '../__fixtures__/sample-school';
import { LivretSubjectAssessed } from '../events';
import { evaluationsImporter } from './evaluations-importer';

const importer = evaluationsImporter();
const HEADER =
  'Période;Division;ELEVE_ID;Nom;Prénom;Matière;Modalité;Enseignants;Positionnement;Moyenne;Appréciation;Éléments de programme;Date du conseil;Synthèse;Retards;Absences justifiées;Absences injustifiées';
const utf8 = (text: string) => new TextEncoder().encode(text);
const parse = (
  bytes: Uint8Array,
  snapshot: SchoolSnapshot = snapshotOf(sampleHistory().filter((s) => !s.streamId.startsWith('livret-'))),
) => importer.parse(bytes, { uai: UAI, year: YEAR, fileName: 'evaluations-T2.csv', snapshot });
const csv = (...lines: string[]) => [HEADER, ...lines].join('\r\n');

const LINES = [
  'T2;3A;1001;LEFÈVRE;Éloïse;061300;S;23456;3;;"Bon travail ; des progrès";Nombres et calculs;12/03/2025;Un bon trimestre.;1;2;0',
  'T2;3A;1001;LEFÈVRE;Éloïse;020700;S;12345;4;;"Très bien,\nà l’écrit comme à l’oral";;;;;;',
  'T2;3A;1002;MÉNARD;Noé;061300;S;23456;2;;Des efforts à faire;;2025-03-12;Trimestre moyen.;0;0;1',
];

const commandsOf = (plan: ImportPlan) => plan.rows.flatMap((r) => r.commands ?? []);

describe('the evaluations CSV (livrets.evaluations)', () => {
  it('turns each line into the subject’s assessment, and the pupil columns into the synthesis and the vie scolaire', () => {
    const plan = parse(utf8(csv(...LINES)));
    expect(plan.rows.map((r) => [r.ref, r.outcome, r.subject])).toEqual([
      ['ligne 2', 'create', 'LEFÈVRE Éloïse (3A) — 061300 MATHEMATIQUES'],
      ['ligne 3', 'create', 'LEFÈVRE Éloïse (3A) — 020700 FRANCAIS'],
      // The quoted appraisal of line 3 spans two lines of the file.
      ['ligne 5', 'create', 'MÉNARD Noé (3A) — 061300 MATHEMATIQUES'],
    ]);
    const [first, second] = plan.rows;
    expect(first!.commands).toEqual([
      {
        type: 'RecordSubjectAssessment',
        payload: {
          uai: UAI,
          year: YEAR,
          pupilId: 'P1',
          classCode: '3A',
          period: 'T2',
          subjectCode: '061300',
          electionMode: 'S',
          teacherIds: ['23456'],
          positioning: 3,
          appraisal: 'Bon travail ; des progrès',
          programmeElements: ['Nombres et calculs'],
        },
      },
      {
        type: 'RecordPeriodSynthesis',
        payload: {
          uai: UAI,
          year: YEAR,
          pupilId: 'P1',
          classCode: '3A',
          period: 'T2',
          councilDate: '2025-03-12',
          synthesis: 'Un bon trimestre.',
        },
      },
      {
        type: 'RecordAttendance',
        payload: {
          uai: UAI,
          year: YEAR,
          pupilId: 'P1',
          classCode: '3A',
          period: 'T2',
          lateArrivals: 1,
          justifiedAbsences: 2,
          unjustifiedAbsences: 0,
        },
      },
    ]);
    expect(second!.commands).toEqual([
      expect.objectContaining({
        payload: expect.objectContaining({ appraisal: 'Très bien,\nà l’écrit comme à l’oral', positioning: 4 }),
      }),
    ]);
    expect(plan.successMessage).toBe('Import des évaluations du 2e trimestre réussi');
    expect(plan.notes[0]).toBe('fichier evaluations-T2.csv : 2e trimestre, 3 ligne(s), encodage UTF-8, séparateur « ; »');
  });

  it('reads Latin-9 as well as UTF-8 (with or without BOM), and commas or tabs as separators', () => {
    // Latin-9 has œ and € (Latin-1 has not), but no typographic apostrophe.
    const text = csv(...LINES)
      .replace(/’/g, "'")
      .replace('Des efforts à faire', 'Œuvre à reprendre, 5 € d’amende'.replace('’', "'"));
    const expected = commandsOf(parse(utf8(text)));
    expect(expected[4]!.payload).toMatchObject({ appraisal: "Œuvre à reprendre, 5 € d'amende" });
    expect(commandsOf(parse(iconv.encode(text, 'ISO-8859-15')))).toEqual(expected);
    expect(parse(iconv.encode(text, 'ISO-8859-15')).notes[0]).toMatch(/encodage ISO-8859-15/);
    expect(commandsOf(parse(utf8(`\uFEFF${text}`)))).toEqual(expected);
    const tabs = ['Période\tDivision\tELEVE_ID\tMatière\tEnseignants\tMoyenne', 'T2\t3A\t1001\t061300\t23456\t12,5'].join('\n');
    expect(commandsOf(parse(utf8(tabs)))[0]!.payload).toMatchObject({ average: '12.5', pupilId: 'P1' });
  });

  it('matches columns by header, whatever their order, case or accents, and ignores the others', () => {
    const text = [
      'matiere;ENSEIGNANTS;Classe;eleve_id;periode;POSITIONNEMENT;Remarque',
      '061300;23456;3A;1002;t2;2;interne',
    ].join('\n');
    const plan = parse(utf8(text));
    expect(commandsOf(plan)).toEqual([
      expect.objectContaining({ payload: expect.objectContaining({ pupilId: 'P2', positioning: 2, period: 'T2' }) }),
    ]);
    expect(plan.notes).toContain('colonne(s) ignorée(s) : Remarque');
  });

  it('rejects lines that break a rule, saying which line and why', () => {
    const plan = parse(
      utf8(
        csv(
          'T2;3A;1001;;;030602;S;23456;3;;;;;;;;',
          'T2;3A;1001;;;061300;S;99999;3;;;;;;;;',
          'T2;6A;1002;;;061300;S;23456;3;;;;;;;;',
          'T2;3A;1002;;;061300;S;23456;5;;;;;;;;',
          'T2;3A;1002;;;020700;S;12345;3;;;;12/03/2025;Bien.;;;',
          'T2;3A;1002;;;030201;S;34567;3;;;;13/03/2025;Bien.;;;',
          'T2;3A;1001;;;020700;S;12345;;;;;;;;;',
        ),
      ),
    );
    expect(plan.rows.map((r) => [r.ref, r.outcome, r.message])).toEqual([
      ['ligne 2', 'rejected', 'la matière 030602 n’est pas dans la nomenclature de 2024-2025 importée de SIECLE ou STS-web'],
      ['ligne 3', 'rejected', 'enseignant 99999 absent des données STS-web de 2024-2025 (identifiant STS de sts_emp)'],
      ['ligne 4', 'rejected', 'l’élève MÉNARD Noé (P2) n’est pas inscrit dans la division 6A en 2024-2025 (sa division : 3A)'],
      ['ligne 5', 'rejected', 'évaluation : positionnement : de 1 à 4'],
      ['ligne 6', 'create', '2e trimestre : évaluation, synthèse du conseil'],
      [
        'ligne 7',
        'rejected',
        'Date du conseil « 13/03/2025 » diffère de « 12/03/2025 » (ligne 6) pour le même élève ; la synthèse du conseil de cette ligne n’est pas importée non plus',
      ],
      [
        'ligne 8',
        'rejected',
        'évaluation : rien à enregistrer : un positionnement, une moyenne, « non noté » ou une appréciation est attendu',
      ],
    ]);
    expect(plan.rows.filter((r) => r.outcome === 'rejected').every((r) => (r.commands ?? []).length === 0)).toBe(true);
  });

  it('says when a rejected line takes the pupil’s synthesis or vie scolaire down with it, and not when another line carries them', () => {
    const plan = parse(
      utf8(
        csv(
          'T2;3A;1001;;;030602;S;23456;3;;;;12/03/2025;Un bon trimestre.;1;2;0',
          'T2;3A;1002;;;061300;S;23456;3;;;;12/03/2025;Trimestre moyen.;;;',
          'T2;3A;1002;;;030602;S;23456;3;;;;12/03/2025;Trimestre moyen.;;;',
        ),
      ),
    );
    expect(plan.rows.map((r) => [r.ref, r.outcome, r.message])).toEqual([
      [
        'ligne 2',
        'rejected',
        'la matière 030602 n’est pas dans la nomenclature de 2024-2025 importée de SIECLE ou STS-web ; la synthèse du conseil et la vie scolaire de cette ligne ne sont pas importées non plus',
      ],
      ['ligne 3', 'create', '2e trimestre : évaluation, synthèse du conseil'],
      ['ligne 4', 'rejected', 'la matière 030602 n’est pas dans la nomenclature de 2024-2025 importée de SIECLE ou STS-web'],
    ]);
  });

  it('takes a line naming the division the pupil left during the year (the grade book’s first term)', () => {
    const moved = sampleHistory()
      .filter((s) => !s.streamId.startsWith('livret-'))
      .map((s) =>
        s.streamId === streamIds.pupil(UAI, 'P2')
          ? stream(
              s.streamId,
              ...s.events,
              PupilClassChanged.create({
                uai: UAI,
                year: YEAR,
                pupilId: 'P2',
                classCode: '6A',
                previousClassCode: '3A',
                date: '2025-01-06',
              }),
            )
          : s,
      );
    const plan = parse(
      utf8(csv('T2;3A;1002;;;061300;S;23456;3;;;;;;;;', 'T2;1A;1002;;;020700;S;12345;3;;;;;;;;')),
      snapshotOf(moved),
    );
    expect(plan.rows.map((r) => [r.ref, r.outcome, r.message])).toEqual([
      ['ligne 2', 'create', '2e trimestre : évaluation'],
      [
        'ligne 3',
        'rejected',
        'l’élève MÉNARD Noé (P2) n’est pas inscrit dans la division 1A en 2024-2025 (sa division : 6A ; auparavant 3A)',
      ],
    ]);
  });

  it('rejects a second line for the same pupil’s subject and election mode, naming the first', () => {
    const plan = parse(
      utf8(
        csv(
          'T2;3A;1001;;;061300;S;23456;3;;;;;;;;',
          'T2;3A;1001;;;061300;F;23456;2;;;;;;;;',
          'T2;3A;1001;;;061300;S;23456;1;;;;;;;;',
        ),
      ),
    );
    expect(plan.rows.map((r) => [r.ref, r.outcome, r.message])).toEqual([
      ['ligne 2', 'create', '2e trimestre : évaluation'],
      ['ligne 3', 'create', '2e trimestre : évaluation'],
      ['ligne 4', 'rejected', 'matière 061300 (modalité S) déjà donnée ligne 2 pour le même élève'],
    ]);
  });

  it('reports the lines whose pupil is not a pupil of the year, without refusing them', () => {
    const plan = parse(utf8(csv('T2;3A;555;DURAND;Paul;061300;S;23456;3;;;;;;;;')));
    expect(plan.rows).toEqual([
      {
        ref: 'ligne 2',
        outcome: 'unmatched',
        subject: 'DURAND Paul — 061300 MATHEMATIQUES',
        message: 'aucun élève de l’année avec l’ELEVE_ID 555',
      },
    ]);
  });

  it('says « unchanged » for what the livret already holds', () => {
    const known = stream(
      `livret-${UAI}-${YEAR}-P2`,
      LivretSubjectAssessed.create({
        uai: UAI,
        year: YEAR,
        pupilId: 'P2',
        classCode: '3A',
        period: 'T2',
        subjectCode: '061300',
        electionMode: 'S',
        teacherIds: ['23456'],
        positioning: 2,
      }),
      LivretSubjectAssessed.create({
        uai: UAI,
        year: YEAR,
        pupilId: 'P2',
        classCode: '3A',
        period: 'T2',
        subjectCode: '020700',
        electionMode: 'S',
        teacherIds: ['12345'],
        positioning: 2,
      }),
    );
    const plan = parse(
      utf8(csv('T2;3A;1002;;;061300;S;23456;2;;;;;;;;', 'T2;3A;1002;;;020700;S;12345;3;;;;;;;;')),
      snapshotOf([...sampleHistory(), known]),
    );
    expect(plan.rows.map((r) => r.outcome)).toEqual(['unchanged', 'update']);
  });

  it('refuses the whole file when it cannot be taken: columns missing, several periods, a period unknown, an unclosed quote, a first-degree school', () => {
    const refuse = (text: string, message: RegExp, snapshot?: SchoolSnapshot) => {
      expect(() => parse(utf8(text), snapshot)).toThrow(ImportFileError);
      expect(() => parse(utf8(text), snapshot)).toThrow(message);
    };
    refuse('Période;Division;Matière\nT2;3A;061300', /colonne\(s\) manquante\(s\) : Enseignants, ELEVE_ID ou Identifiant/);
    refuse(
      csv('T1;3A;1001;;;061300;S;23456;3;;;;;;;;', 'T2;3A;1002;;;061300;S;23456;3;;;;;;;;'),
      /un fichier par période : ce fichier en mêle plusieurs \(T1 ligne 2 ; T2 ligne 3\)/,
    );
    refuse(csv('T4;3A;1001;;;061300;S;23456;3;;;;;;;;'), /période « T4 » \(ligne 2\) invalide/);
    refuse(csv('T2;3A;1001;;;061300;S;23456;3;;"non fermé;;;;;;'), /ligne 2 : guillemet ouvert jamais fermé/);
    refuse(HEADER, /aucune ligne d’évaluation/);
    const ecole = snapshotFromEvents(UAI, YEAR, [
      stream(
        `establishment-${UAI}`,
        EstablishmentRegistered.create({ uai: UAI, name: 'École', degree: 'first', contract: 'association' }),
      ),
    ]);
    refuse(csv(LINES[0]!), /premier degré/, ecole);
  });
});
