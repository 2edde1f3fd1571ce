import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { tempDir } from '../support/cli';
import { xsdErrors } from '../support/xsd';
import { cliSession, referenceXsd, stsEmp } from './livrets-fixtures';

const UAI = '0750680G';
const YEAR = 2018;
const MEF_3E = '10310019110';

interface ImportReport {
  status: string;
  rows: Array<{ ref: string; outcome: string; subject: string; message?: string }>;
}

const pupil = (pupilId: string, lastName: string, firstName: string) => [
  {
    type: 'RegisterPupil',
    payload: { uai: UAI, pupilId, lastName, firstName, sex: 'F', birthDate: '2004-03-14', nationality: '100' },
  },
  { type: 'EnrolPupil', payload: { uai: UAI, year: YEAR, pupilId, classCode: '3A', entryDate: '2018-09-03' } },
];
const cycle4 = (pupilId: string) => ({
  type: 'RecordCycleBilan',
  payload: {
    uai: UAI,
    year: YEAR,
    pupilId,
    classCode: '3A',
    cycle: 4,
    date: '2019-06-17',
    domains: { CPD_FRA: 3, CPD_ETR: 2, CPD_SCI: 4, CPD_ART: 3, MET_APP: 3, FRM_CIT: 4, SYS_NAT: 3, REP_MND: 2 },
    synthesis: 'Les composantes du socle sont bien maîtrisées.',
    complement: { code: 'AUC' },
  },
});

/** The grade book's first term, in Latin-9 as a French spreadsheet saves it. */
const T1 = [
  'Période;Division;ELEVE_ID;Identifiant;Nom;Prénom;Matière;Enseignants;Positionnement;Appréciation;Date du conseil;Synthèse;Retards;Absences justifiées;Absences injustifiées',
  'T1;3A;1001;;LEFEVRE;Eloïse;020700;12345;3;Bon trimestre, des progrès à l’écrit.;06/12/2018;Un bon trimestre : continuez.;0;2;0',
  'T1;3A;1001;;LEFEVRE;Eloïse;061300;23456;4;Excellent travail;;;;;',
  'T1;3A;1002;;MENARD;Noé;020700;12345;2;Des efforts à poursuivre;06/12/2018;Trimestre en demi-teinte.;3;0;1',
  'T1;3A;1002;;MENARD;Noé;061300;23456;2;"Résultats fragiles ; reprendre les bases";;;;;',
  'T1;3A;;P3;CŒURDACIER;Zoé;020700;12345;4;Très bien;06/12/2018;Excellent trimestre.;0;0;0',
  'T1;3A;;P3;CŒURDACIER;Zoé;061300;23456;3;Bien;;;;;',
].join('\r\n');

/**
 * The grade book's end-of-cycle-4 bilans, one line per pupil, saved as « CSV UTF-8 » (with a
 * byte-order mark): the socle domains headed by their labels of the LSU nomenclature, levels as
 * numbers or words. P3 has no ELEVE_ID yet: her line names her by Liaison's id.
 */
const BILANS = [
  [
    'Division;ELEVE_ID;Identifiant;Nom;Prénom;Cycle;Date',
    "Comprendre, s'exprimer en utilisant la langue française à l'oral et à l'écrit",
    "Comprendre, s'exprimer en utilisant une langue étrangère et, le cas échéant, une langue régionale",
    "Comprendre, s'exprimer en utilisant les langages mathématiques, scientifiques et informatiques",
    "Comprendre, s'exprimer en utilisant les langages des arts et du corps",
    'Les méthodes et outils pour apprendre',
    'La formation de la personne et du citoyen',
    'Les systèmes naturels et les systèmes techniques',
    "Les représentations du monde et l'activité humaine",
    'Synthèse;Enseignement de complément',
  ].join(';'),
  '3A;1001;;LEFEVRE;Eloïse;4;17/06/2019;3;2;4;3;3;4;3;2;Les composantes du socle sont bien maîtrisées.;AUC',
  '3A;1002;;MENARD;Noé;4;17/06/2019;satisfaisante;fragile;très bonne;satisfaisante;3;4;3;2;Les composantes du socle sont bien maîtrisées.;Aucun',
  '3A;;P3;CŒURDACIER;Zoé;4;17/06/2019;3;2;4;3;3;4;3;2;"Les composantes du socle sont bien maîtrisées ;\nbravo.";AUC',
].join('\r\n');

describe('a collège term through the CLI: STS-web, the grade book’s CSV, the LSU file', () => {
  let t: ReturnType<typeof tempDir>;
  const { run, exec, openSchool } = cliSession(() => t);
  beforeAll(() => (t = tempDir()));
  afterAll(() => t.cleanup());

  it('exports the term’s and the end-of-cycle bilans in a file valid against the LSU XSD, and ticks step 9 of next year’s checklist', async () => {
    openSchool(UAI, YEAR, 'Collège Saint-Jacques', 'Nomenclature-2018-19.xml');

    // STS-web: the 3e A division, its teachers and services, the head (FONCTION DIR).
    const sts = join(t.dir, `sts_emp_${UAI}_${YEAR}.xml`);
    writeFileSync(
      sts,
      stsEmp(
        UAI,
        YEAR,
        [
          { id: '12345', civility: '2', lastName: 'DUPONT', firstName: 'Hélène', mainTeacherOf: '3A' },
          { id: '23456', civility: '1', lastName: 'MARTIN', firstName: 'Jérôme' },
          { id: '45678', civility: '2', lastName: 'CŒUR', firstName: 'Renée', function: 'DIR' },
        ],
        [
          {
            code: '3A',
            label: '3E A',
            mef: MEF_3E,
            services: [
              { subject: '020700', teachers: ['12345'] },
              { subject: '061300', teachers: ['23456'] },
            ],
          },
        ],
      ),
    );
    const stsImport = run(['import', 'sts.emp', sts, '--uai', UAI, '--year', String(YEAR), '--json']);
    expect(stsImport.stderr).toBe('');
    expect(stsImport.status).toBe(0);

    // The pupils, with their SIECLE ids — but one of them has none yet.
    expect(
      exec(
        ...pupil('P1', 'Lefèvre', 'Éloïse'),
        ...pupil('P2', 'Ménard', 'Noé'),
        ...pupil('P3', 'Cœurdacier', 'Zoé'),
        { type: 'SetPupilSiecleId', payload: { uai: UAI, pupilId: 'P1', eleveId: '1001' } },
        { type: 'SetPupilSiecleId', payload: { uai: UAI, pupilId: 'P2', eleveId: '1002' } },
      ).status,
    ).toBe(0);

    // A line of another division is rejected, naming its line: nothing is written.
    const wrong = join(t.dir, 'evaluations-erreur.csv');
    writeFileSync(wrong, T1.replace('T1;3A;1002;;MENARD;Noé;061300', 'T1;3B;1002;;MENARD;Noé;061300'));
    const logged = () => (JSON.parse(run(['history', '--json']).stdout) as unknown[]).length;
    const before = logged();
    const refused = run(['import', 'livrets.evaluations', wrong, '--uai', UAI, '--year', String(YEAR), '--json']);
    expect(refused.status).toBe(1);
    expect(logged()).toBe(before);
    expect(refused.stdout + refused.stderr).toMatch(/ligne 5/);
    expect(refused.stdout + refused.stderr).toMatch(/n’est pas inscrit dans la division 3B/);

    const csv = join(t.dir, 'evaluations-T1.csv');
    // Latin-9: œ exists there (not in Latin-1), the typographic apostrophe does not.
    writeFileSync(csv, iconv.encode(T1.replace('’', "'"), 'ISO-8859-15'));
    const imported = run(['import', 'livrets.evaluations', csv, '--uai', UAI, '--year', String(YEAR), '--json']);
    expect(imported.stderr).toBe('');
    expect(imported.status).toBe(0);
    const report = JSON.parse(imported.stdout) as ImportReport;
    expect(report.status).toBe('imported');
    expect(report.rows.map((r) => [r.ref, r.outcome])).toEqual([
      ['ligne 2', 'create'],
      ['ligne 3', 'create'],
      ['ligne 4', 'create'],
      ['ligne 5', 'create'],
      ['ligne 6', 'create'],
      ['ligne 7', 'create'],
    ]);
    expect(report.rows[4]!.subject).toBe('CŒURDACIER Zoé (3A) — 020700 FRANCAIS');

    // The end-of-cycle bilans, from the grade book's CSV: a cycle that does not end in 3e
    // refuses the file, naming its line; nothing is written.
    const wrongCycle = join(t.dir, 'bilans-cycle-erreur.csv');
    writeFileSync(wrongCycle, `\uFEFF${BILANS.replace('3A;;P3;CŒURDACIER;Zoé;4;', '3A;;P3;CŒURDACIER;Zoé;3;')}`);
    const refusedBilans = run(['import', 'livrets.bilans-cycle', wrongCycle, '--uai', UAI, '--year', String(YEAR), '--json']);
    expect(refusedBilans.status).toBe(1);
    expect(refusedBilans.stdout + refusedBilans.stderr).toMatch(/ligne 4/);
    expect(refusedBilans.stdout + refusedBilans.stderr).toMatch(/bilan de fin de cycle 3 pour un élève de 3e/);

    const bilans = join(t.dir, 'bilans-cycle-3A.csv');
    writeFileSync(bilans, `\uFEFF${BILANS}`);
    const bilansImported = run(['import', 'livrets.bilans-cycle', bilans, '--uai', UAI, '--year', String(YEAR), '--json']);
    expect(bilansImported.stderr).toBe('');
    expect(bilansImported.status).toBe(0);
    const bilansReport = JSON.parse(bilansImported.stdout) as ImportReport;
    expect(bilansReport.status).toBe('imported');
    expect(bilansReport.rows.map((r) => [r.ref, r.outcome, r.subject])).toEqual([
      ['ligne 2', 'create', 'LEFÈVRE Éloïse (3A) — bilan de fin de cycle 4'],
      ['ligne 3', 'create', 'MÉNARD Noé (3A) — bilan de fin de cycle 4'],
      ['ligne 4', 'create', 'CŒURDACIER Zoé (3A) — bilan de fin de cycle 4'],
    ]);

    // The pre-export control names the pupil who has no ELEVE_ID: nothing is written.
    const blocked = run(['export', 'lsu.bilans', '--uai', UAI, '--year', String(YEAR), '--yes']);
    expect(blocked.status).toBe(3);
    expect(blocked.stderr).toMatch(/CŒURDACIER Zoé \(3A\) : identifiant SIECLE \(ELEVE_ID\) manquant/);

    expect(exec({ type: 'SetPupilSiecleId', payload: { uai: UAI, pupilId: 'P3', eleveId: '1003' } }).status).toBe(0);
    const exported = run(['export', 'lsu.bilans', '--uai', UAI, '--year', String(YEAR), '--yes', '--json']);
    expect(exported.stderr).toBe('');
    expect(exported.status).toBe(0);
    const manifest = JSON.parse(exported.stdout) as {
      exportId: string;
      paths: string[];
      files: Array<{ name: string }>;
      counts: Record<string, number>;
    };
    expect(manifest.files.map((f) => f.name)).toEqual([`LSU/${UAI}/LSU-${UAI}-${YEAR}.xml`]);
    expect(manifest.counts).toMatchObject({ pupils: 3, periodicBilans: 3, cycleBilans: 3 });
    const xml = readFileSync(manifest.paths[0]!);
    expect(await xsdErrors(referenceXsd('lsu', 'import-bilan-complet.xsd'), 'lsu.xml', xml)).toEqual([]);
    const text = xml.toString('utf8');
    expect(text).toContain('<eleve id="EL_P3" id-be="1003" nom="Cœurdacier" prenom="Zoé" code-division="3A"/>');
    expect(text).toContain('<enseignant id="ENS_12345" type="epp" id-sts="12345" civilite="MME" nom="DUPONT" prenom="Hélène"/>');
    expect(text).toContain('<responsable-etab id="RESP_1" libelle="Mme Renée CŒUR"/>');
    expect(text).toContain('<appreciation>Résultats fragiles ; reprendre les bases</appreciation>');

    // Step 9 (« remontée LSU pour les collèges ») of the checklist of the next rentrée is done.
    const checklist = run(['checklist', 'show', '--uai', UAI, '--year', String(YEAR + 1), '--json']);
    expect(checklist.status).toBe(0);
    const steps = (JSON.parse(checklist.stdout) as { steps: Array<{ stepId: string; status: string; window: string }> }).steps;
    expect(steps.find((s) => s.stepId === 'second-degree-livrets:9')).toMatchObject({
      status: 'done',
      window: 'Avant le 14 juillet',
    });
    expect(['open', 'overdue']).toContain(steps.find((s) => s.stepId === 'second-degree-livrets:8')?.status);

    // A bilan corrected after the send is what the next LSU file carries: the export's
    // « changes since » names it, with its author, like any change of a pupil.
    const corrected = cycle4('P1');
    corrected.payload.synthesis = 'Socle maîtrisé ; très bonne autonomie.';
    expect(exec(corrected).status).toBe(0);
    const since = run(['history', '--since-export', manifest.exportId, '--json']);
    expect(since.status).toBe(0);
    const changed = JSON.parse(since.stdout) as Array<{ streamId: string; type: string; metadata: { actor: string } }>;
    expect(changed.map((e) => [e.streamId, e.type, e.metadata.actor])).toEqual([
      [`livret-${UAI}-${YEAR}-P1`, 'LivretCycleBilanRecorded', 'secretariat.nguyen'],
    ]);
  });
});
