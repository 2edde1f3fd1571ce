import { ImportFileError, type ImportPlan, type SchoolSnapshot, streamIds } from '@liaison/domain';
import { snapshotFromEvents, stream, type StreamHistory } from '@liaison/domain/testing';
import { ClassCreated, EstablishmentRegistered } from '@liaison/events';
import * as iconv from 'iconv-lite';
import { applyCommands } from '../__fixtures__/apply-commands';
import { pupil, sampleHistory, snapshotOf, UAI, YEAR } from '../__fixtures__/sample-school';
import { SOCLE_DOMAIN_CODES, SOCLE_DOMAINS } from '../codes/lsu-codes';
import { cycleBilansImporter } from './cycle-bilans-importer';

const importer = cycleBilansImporter();
/** The sample school before any livret: every bilan is new. */
const withoutLivrets = () => sampleHistory().filter((s) => !s.streamId.startsWith('livret-'));
const parse = (bytes: Uint8Array, snapshot: SchoolSnapshot = snapshotOf(withoutLivrets())) =>
  importer.parse(bytes, { uai: UAI, year: YEAR, fileName: 'bilans-cycle.csv', snapshot });
const utf8 = (text: string) => new TextEncoder().encode(text);
const commandsOf = (plan: ImportPlan) => plan.rows.flatMap((r) => r.commands ?? []);
const outcomes = (plan: ImportPlan) => plan.rows.map((r) => [r.ref, r.outcome, r.message]);

/** The domains by their labels, as a grade book heads them (the labels of the reference nomenclature). */
const LABELS = SOCLE_DOMAIN_CODES.map((c) => SOCLE_DOMAINS[c]).join(';');
const HEADER = `Division;ELEVE_ID;Nom;Prénom;Cycle;Date;${LABELS};Synthèse;Enseignement de complément;Positionnement enseignement de complément;Langue et culture régionale`;
const csv = (...lines: string[]) => [HEADER, ...lines].join('\r\n');

/** P1 as the sample's livret holds her bilan (`cycle4Bilan`), P2 in words, P3 at the end of 6e. */
const P1 = '3A;1001;LEFÈVRE;Éloïse;4;16/06/2025;3;3;4;2;3;4;3;3;Bonne maîtrise d’ensemble des composantes du socle.;LCA;1;AUC';
const P2 =
  '3A;1002;MÉNARD;Noé;4;2025-06-16;satisfaisante;Fragile;très bonne maîtrise;maîtrise insuffisante;3;3;2;dispensé;"Des acquis solides ;\nà consolider en langues.";AUC;;';
const P3 = '6A;1003;CŒURDACIER;Zoé;3;20/06/2025;4;4;3;3;3;4;4;3;Très bon cycle 3.;;;';

describe('the end-of-cycle bilans CSV (livrets.bilans-cycle)', () => {
  it('turns each line into the pupil’s RecordCycleBilan, levels given as numbers or words', () => {
    const plan = parse(utf8(csv(P1, P2, P3)));
    expect(plan.rows.map((r) => [r.ref, r.outcome, r.subject, r.message])).toEqual([
      ['ligne 2', 'create', 'LEFÈVRE Éloïse (3A) — bilan de fin de cycle 4', 'bilan du 16/06/2025'],
      ['ligne 3', 'create', 'MÉNARD Noé (3A) — bilan de fin de cycle 4', 'bilan du 16/06/2025'],
      // The quoted synthesis of line 3 spans two lines of the file.
      ['ligne 5', 'create', 'CŒURDACIER Zoé (6A) — bilan de fin de cycle 3', 'bilan du 20/06/2025'],
    ]);
    expect(commandsOf(plan)).toEqual([
      {
        type: 'RecordCycleBilan',
        payload: {
          uai: UAI,
          year: YEAR,
          pupilId: 'P1',
          classCode: '3A',
          cycle: 4,
          date: '2025-06-16',
          domains: { CPD_FRA: 3, CPD_ETR: 3, CPD_SCI: 4, CPD_ART: 2, MET_APP: 3, FRM_CIT: 4, SYS_NAT: 3, REP_MND: 3 },
          synthesis: 'Bonne maîtrise d’ensemble des composantes du socle.',
          complement: { code: 'LCA', positioning: 1 },
          regionalLanguage: { code: 'AUC' },
        },
      },
      {
        type: 'RecordCycleBilan',
        payload: {
          uai: UAI,
          year: YEAR,
          pupilId: 'P2',
          classCode: '3A',
          cycle: 4,
          date: '2025-06-16',
          domains: { CPD_FRA: 3, CPD_ETR: 2, CPD_SCI: 4, CPD_ART: 1, MET_APP: 3, FRM_CIT: 3, SYS_NAT: 2, REP_MND: 0 },
          synthesis: 'Des acquis solides ;\nà consolider en langues.',
          complement: { code: 'AUC' },
        },
      },
      {
        type: 'RecordCycleBilan',
        payload: {
          uai: UAI,
          year: YEAR,
          pupilId: 'P3',
          classCode: '6A',
          cycle: 3,
          date: '2025-06-20',
          domains: { CPD_FRA: 4, CPD_ETR: 4, CPD_SCI: 3, CPD_ART: 3, MET_APP: 3, FRM_CIT: 4, SYS_NAT: 4, REP_MND: 3 },
          synthesis: 'Très bon cycle 3.',
        },
      },
    ]);
    expect(plan.notes).toEqual(['fichier bilans-cycle.csv : 3 ligne(s), encodage UTF-8, séparateur « ; »']);
    expect(plan.successMessage).toBe('Import des bilans de fin de cycle réussi');
  });

  it('reads Latin-9 as well as UTF-8 (with or without BOM), and commas or tabs as separators', () => {
    // Latin-9 has Œ (Latin-1 has not), but no typographic apostrophe.
    const text = csv(P1, P2, P3).replace(/’/g, "'");
    const expected = commandsOf(parse(utf8(text)));
    expect(expected).toHaveLength(3);
    const latin9 = parse(iconv.encode(text, 'ISO-8859-15'));
    expect(commandsOf(latin9)).toEqual(expected);
    expect(latin9.rows[2]!.subject).toBe('CŒURDACIER Zoé (6A) — bilan de fin de cycle 3');
    expect(latin9.notes[0]).toMatch(/encodage ISO-8859-15/);
    expect(commandsOf(parse(utf8(`\uFEFF${text}`)))).toEqual(expected);
    // With commas, the labels holding commas are quoted: the separator is still found.
    const quoted = (fields: string[]) => fields.map((f) => (/[,;"\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f));
    const commas = [HEADER, P1.replace(/’/g, "'")].map((l) => quoted(l.split(';')).join(',')).join('\n');
    const withCommas = parse(utf8(commas));
    expect(withCommas.notes[0]).toMatch(/séparateur « , »/);
    expect(commandsOf(withCommas)).toEqual([expected[0]]);
    const tabs = [HEADER, P3].map((l) => l.replace(/;/g, '\t')).join('\n');
    expect(commandsOf(parse(utf8(tabs)))).toEqual([expected[2]]);
  });

  it('takes a domain’s column by its LSU code as well as by its label, whatever the order, case or accents', () => {
    const byCode = [
      'cycle;cpd_fra;CPD_ETR;Cpd_Sci;CPD_ART;MET_APP;FRM_CIT;SYS_NAT;REP_MND;SYNTHESE;date;classe;Eleve_Id;Remarque',
      '4;3;3;4;2;3;4;3;3;Bonne maîtrise d’ensemble des composantes du socle.;16/06/2025;3A;1001;à relire',
    ].join('\n');
    const plan = parse(utf8(byCode));
    expect(commandsOf(plan)).toEqual([
      expect.objectContaining({
        payload: expect.objectContaining({
          pupilId: 'P1',
          cycle: 4,
          domains: { CPD_FRA: 3, CPD_ETR: 3, CPD_SCI: 4, CPD_ART: 2, MET_APP: 3, FRM_CIT: 4, SYS_NAT: 3, REP_MND: 3 },
        }),
      }),
    ]);
    expect(plan.notes).toContain('colonne(s) ignorée(s) : Remarque');
    // Labels without accents nor apostrophes, codes and labels mixed.
    const mixed = [
      'Division;Identifiant;Cycle;Date;COMPRENDRE, S EXPRIMER EN UTILISANT LA LANGUE FRANCAISE A L ORAL ET A L ECRIT;CPD_ETR;CPD_SCI;CPD_ART;Les méthodes et outils pour apprendre;FRM_CIT;SYS_NAT;REP_MND;Synthèse',
      '3A;P2;cycle 4;16/06/2025;4;3;3;3;fragile;3;3;3;Bien.',
    ].join('\n');
    expect(commandsOf(parse(utf8(mixed)))).toEqual([
      expect.objectContaining({
        payload: expect.objectContaining({ pupilId: 'P2', domains: expect.objectContaining({ CPD_FRA: 4, MET_APP: 2 }) }),
      }),
    ]);
  });

  it('rejects the lines that break a rule or hold an invalid value, saying which line and why', () => {
    type Values = Record<'division' | 'eleveId' | 'cycle' | 'date' | 'levels' | 'synthesis' | 'complement', string>;
    /** A 3e pupil's valid line, but for the values given. */
    const line = (values: Partial<Values>) => {
      const v: Values = {
        division: '3A',
        eleveId: '1002',
        cycle: '4',
        date: '16/06/2025',
        levels: '3;3;3;3;3;3;3;3',
        synthesis: 'Bien.',
        complement: ';;',
        ...values,
      };
      return [v.division, v.eleveId, '', '', v.cycle, v.date, v.levels, v.synthesis, v.complement].join(';');
    };
    const plan = parse(
      utf8(
        csv(
          line({ division: '6A' }),
          line({ cycle: '3' }),
          line({ division: '6A', eleveId: '1003', cycle: '4' }),
          line({ division: '1A', eleveId: '2001' }),
          line({ date: '17/10/2025' }),
          line({ date: '2025/06/16' }),
          line({ date: '31/02/2025' }),
          line({ cycle: '5' }),
          line({ synthesis: ' ' }),
          line({ division: '6A', eleveId: '1003', cycle: '3', complement: 'LCA;1;' }),
          line({ complement: ';2;' }),
          line({ complement: 'XYZ;;' }),
          line({ levels: '5;3;3;3;3;3;3;3' }),
          line({ levels: '3;;3;3;3;3;3;3' }),
          line({}),
          line({}),
        ),
      ),
    );
    expect(outcomes(plan)).toEqual([
      ['ligne 2', 'rejected', 'l’élève MÉNARD Noé (P2) n’est pas inscrit dans la division 6A en 2024-2025 (sa division : 3A)'],
      ['ligne 3', 'rejected', 'bilan de fin de cycle 3 pour un élève de 3e : le cycle 3 se termine en 6e, le cycle 4 en 3e'],
      ['ligne 4', 'rejected', 'bilan de fin de cycle 4 pour un élève de 6e : le cycle 3 se termine en 6e, le cycle 4 en 3e'],
      ['ligne 5', 'rejected', 'bilan de fin de cycle 4 pour un élève de 1re : le cycle 3 se termine en 6e, le cycle 4 en 3e'],
      [
        'ligne 6',
        'rejected',
        'bilan de fin de cycle : date du bilan « 2025-10-17 » hors de l’année scolaire 2024-2025 (du 1er septembre au 31 août)',
      ],
      ['ligne 7', 'rejected', 'Date « 2025/06/16 » : une date JJ/MM/AAAA ou AAAA-MM-JJ qui existe est attendue'],
      ['ligne 8', 'rejected', 'Date « 31/02/2025 » : une date JJ/MM/AAAA ou AAAA-MM-JJ qui existe est attendue'],
      ['ligne 9', 'rejected', 'bilan de fin de cycle : cycle : 3 ou 4'],
      ['ligne 10', 'rejected', 'bilan de fin de cycle : synthèse du bilan de cycle : obligatoire'],
      ['ligne 11', 'rejected', 'bilan de fin de cycle : enseignement de complément : seulement en fin de cycle 4'],
      ['ligne 12', 'rejected', 'Positionnement enseignement de complément « 2 » sans enseignement de complément'],
      [
        'ligne 13',
        'rejected',
        'bilan de fin de cycle : enseignement de complément : AUC, LCA, LCE, LCR, CHK, PRO, LSF, LVE sont attendus',
      ],
      [
        'ligne 14',
        'rejected',
        `CPD_FRA (${SOCLE_DOMAINS.CPD_FRA}) : « 5 » n’est pas un positionnement du socle, 1 à 4 (insuffisante, fragile, satisfaisante, très bonne), ou 0 (dispensé) est attendu`,
      ],
      [
        'ligne 15',
        'rejected',
        `CPD_ETR (${SOCLE_DOMAINS.CPD_ETR}) : positionnement manquant, 1 à 4 (insuffisante, fragile, satisfaisante, très bonne), ou 0 (dispensé) est attendu`,
      ],
      ['ligne 16', 'create', 'bilan du 16/06/2025'],
      ['ligne 17', 'rejected', 'le bilan de fin de cycle 4 de cet élève est déjà donné ligne 16 : une ligne par élève'],
    ]);
    expect(plan.rows.filter((r) => r.outcome === 'rejected').every((r) => (r.commands ?? []).length === 0)).toBe(true);
  });

  it('rejects a pupil only pre-enrolled, identifiers that disagree, and a pupil whose level is unknown', () => {
    // A 4e B created by hand, without its formation (MEF): the pupil's level cannot be told.
    const noMef: StreamHistory[] = [
      stream(streamIds.class(UAI, YEAR, '4B'), ClassCreated.create({ uai: UAI, year: YEAR, classCode: '4B', label: '4e B' })),
      pupil('P7', 'Petit', 'Jules', '4B', '1007'),
    ];
    const header =
      'Division;ELEVE_ID;Identifiant;Cycle;Date;CPD_FRA;CPD_ETR;CPD_SCI;CPD_ART;MET_APP;FRM_CIT;SYS_NAT;REP_MND;Synthèse';
    const plan = parse(
      utf8(
        [
          header,
          '3A;;P6;4;16/06/2025;3;3;3;3;3;3;3;3;Bien.',
          '3A;1001;P2;4;16/06/2025;3;3;3;3;3;3;3;3;Bien.',
          '4B;1007;;4;16/06/2025;3;3;3;3;3;3;3;3;Bien.',
        ].join('\n'),
      ),
      snapshotOf([...withoutLivrets(), ...noMef]),
    );
    expect(outcomes(plan)).toEqual([
      [
        'ligne 2',
        'rejected',
        'l’élève ROUX Lina (P6) est seulement préinscrit en 2024-2025 : inscrivez-le avant de saisir son livret',
      ],
      ['ligne 3', 'rejected', 'ELEVE_ID 1001 est celui de l’élève P1, pas de P2'],
      [
        'ligne 4',
        'rejected',
        'bilan de fin de cycle 4 : aucune formation (MEF) connue pour l’élève ni pour sa division 4B : importez les structures de SIECLE ou STS-web — le cycle 3 se termine en 6e, le cycle 4 en 3e',
      ],
    ]);
  });

  it('reports the lines whose pupil is not a pupil of the year, without refusing them', () => {
    const plan = parse(utf8(csv('3A;555;DURAND;Paul;4;16/06/2025;3;3;3;3;3;3;3;3;Bien.;;;')));
    expect(plan.rows).toEqual([
      {
        ref: 'ligne 2',
        outcome: 'unmatched',
        subject: 'DURAND Paul — bilan de fin de cycle 4',
        message: 'aucun élève de l’année avec l’ELEVE_ID 555',
      },
    ]);
  });

  it('turns a line the livret already holds into no command, and names what a changed line changes', () => {
    const history = sampleHistory();
    const changed = P1.replace('3;3;4;2;3;4;3;3', '3;3;3;2;3;4;3;3').replace('Bonne maîtrise', 'Très bonne maîtrise');
    // P1's line is the sample's `cycle4Bilan`, as her livret holds it.
    const plan = parse(utf8(csv(P1)), snapshotOf(history));
    expect(outcomes(plan)).toEqual([['ligne 2', 'unchanged', 'déjà à jour']]);
    expect(commandsOf(plan)).toEqual([]);

    const update = parse(utf8(csv(changed, P2)), snapshotOf(history));
    expect(outcomes(update)).toEqual([
      ['ligne 2', 'update', 'modifié : socle (CPD_SCI), synthèse'],
      ['ligne 3', 'create', 'bilan du 16/06/2025'],
    ]);
    // Once applied (as the server would), the same file changes nothing.
    const applied = applyCommands(history, commandsOf(update));
    const again = parse(utf8(csv(changed, P2)), snapshotOf(applied));
    expect(again.rows.map((r) => r.outcome)).toEqual(['unchanged', 'unchanged']);
    expect(commandsOf(again)).toEqual([]);
  });

  it('refuses the whole file when it cannot be taken: another template, columns missing, no line, an unclosed quote, a first-degree school', () => {
    const refuse = (text: string, message: RegExp, snapshot?: SchoolSnapshot) => {
      expect(() => parse(utf8(text), snapshot)).toThrow(ImportFileError);
      expect(() => parse(utf8(text), snapshot)).toThrow(message);
    };
    // A period's evaluations file (livrets.evaluations), given by mistake.
    const evaluations = [
      'Période;Division;ELEVE_ID;Nom;Prénom;Matière;Enseignants;Positionnement;Appréciation;Date du conseil;Synthèse',
      'T3;3A;1001;LEFÈVRE;Éloïse;061300;23456;3;Bien;12/06/2025;Un bon trimestre.',
    ].join('\n');
    expect(() => parse(utf8(evaluations))).toThrow(
      new ImportFileError(
        'colonne(s) manquante(s) : Cycle ; Date ; domaine(s) du socle CPD_FRA, CPD_ETR, CPD_SCI, CPD_ART, MET_APP, FRM_CIT, SYS_NAT, REP_MND (une colonne par domaine, nommée par son code LSU ou son libellé) — voir le modèle livrets.bilans-cycle (ce fichier, avec Période et Matière, suit le modèle des évaluations d’une période, livrets.evaluations)',
      ),
    );
    refuse(
      HEADER.replace(';Synthèse', '').replace('ELEVE_ID', 'INE').replace(SOCLE_DOMAINS.SYS_NAT, 'Sciences'),
      /^colonne\(s\) manquante\(s\) : Synthèse ; ELEVE_ID ou Identifiant ; domaine\(s\) du socle SYS_NAT \(une colonne par domaine, nommée par son code LSU ou son libellé\) — voir le modèle livrets.bilans-cycle$/,
    );
    refuse(`${HEADER}\r\n;;;\r\n`, /aucun bilan de fin de cycle sous l’en-tête/);
    refuse(csv('3A;1001;;;4;16/06/2025;3;3;3;3;3;3;3;3;"Bien;;;'), /ligne 2 : guillemet ouvert jamais fermé/);
    refuse('', /fichier vide/);
    const ecole = snapshotFromEvents(UAI, YEAR, [
      stream(
        `establishment-${UAI}`,
        EstablishmentRegistered.create({ uai: UAI, name: 'École', degree: 'first', contract: 'association' }),
      ),
    ]);
    refuse(csv(P1), /premier degré/, ecole);
  });
});
