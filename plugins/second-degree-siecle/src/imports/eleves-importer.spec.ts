import { type ImportPlan, pupilsOfYear } from '@liaison/domain';
import { type StreamHistory } from '@liaison/domain/testing';
import * as iconv from 'iconv-lite';
import { elevesImporter } from './eleves-importer';
import { LAST_SEND, lyceeWithPupils, PRIVATE_IDS, UAI, YEAR } from './__fixtures__/pupils';
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

const importer = elevesImporter();
const constructed = readConstructed('ElevesSansAdresses.xml');

async function parse(
  history: StreamHistory[],
  bytes = constructed,
  options: { send?: boolean; uai?: string; year?: number } = {},
): Promise<ImportPlan> {
  const uai = options.uai ?? UAI;
  const year = options.year ?? YEAR;
  const send = options.send === false ? undefined : { pupilPrivateIds: PRIVATE_IDS };
  return importer.parse(bytes, { uai, year, fileName: 'ElevesSansAdresses.xml', snapshot: snapshotOf(uai, year, history, send) });
}
const idRows = (plan: ImportPlan) => plan.rows.filter((r) => !r.ref.startsWith('contrôle'));

describe('siecle.eleves: ELEVE_ID and INE for our pupils of the year', () => {
  it('matches by ELEVE_ID, INE, private id, then identity; reports the others', async () => {
    const plan = await parse(lyceeWithPupils());
    validateCommands(commandsOf(plan));
    expect(idRows(plan)).toEqual([
      {
        ref: 'ELEVE_ID 2100001',
        subject: 'MARTIN Léa, né(e) le 12/03/2004',
        outcome: 'update',
        message: 'rapproché de Martin Léa (P001) par ID_PRV_ELE ; ELEVE_ID 2100001 enregistré ; INE 070832327JA attribué',
        commands: [
          { type: 'SetPupilSiecleId', payload: { uai: UAI, pupilId: 'P001', eleveId: '2100001' } },
          { type: 'AssignNationalId', payload: { uai: UAI, pupilId: 'P001', ine: '070832327JA' } },
        ],
      },
      {
        ref: 'ELEVE_ID 2100002',
        subject: 'DUPONT Hugo, né(e) le 01/07/2004',
        outcome: 'update',
        message:
          'rapproché de Dupont Hugo (P002) par nom, prénom et date de naissance ; ELEVE_ID 2100002 enregistré ; INE 0113014881M attribué',
        commands: [
          { type: 'SetPupilSiecleId', payload: { uai: UAI, pupilId: 'P002', eleveId: '2100002' } },
          { type: 'AssignNationalId', payload: { uai: UAI, pupilId: 'P002', ine: '0113014881M' } },
        ],
      },
      {
        ref: 'ELEVE_ID 2100003',
        subject: 'LEFEVRE Eloise, né(e) le 30/11/2003',
        outcome: 'update',
        message: 'rapproché de Lefèvre Éloïse (P003) par INE ; ELEVE_ID 2100003 enregistré',
        commands: [{ type: 'SetPupilSiecleId', payload: { uai: UAI, pupilId: 'P003', eleveId: '2100003' } }],
      },
      {
        ref: 'ELEVE_ID 2100004',
        subject: 'PETIT Noé, né(e) le 15/01/2004',
        outcome: 'unmatched',
        message: 'aucun élève de l’année ne correspond (ELEVE_ID, INE, identifiant privé, nom, prénom et date de naissance)',
      },
      {
        ref: 'ELEVE_ID 2100005',
        subject: 'BŒUF Zoé, né(e) le 05/05/2003',
        outcome: 'unchanged',
        message: 'rapproché de Bœuf Zoé (P005) par ELEVE_ID ; identifiants déjà à jour ; sorti(e) le 15/01/2020 dans SIECLE',
      },
    ]);
    expect(plan.notes).toContain('1 élève(s) de l’année absent(s) du fichier : Garcia Inès (P004)');
    expect(plan.successMessage).toBe(
      'Import des identifiants SIECLE : 3 élève(s) à mettre à jour, 1 déjà à jour, 1 sans correspondance, 0 refusé(s)',
    );
  });

  it('re-imported, gives unchanged rows', async () => {
    const first = await parse(lyceeWithPupils());
    const history = applyCommands(lyceeWithPupils(), commandsOf(first));
    const again = await parse(history);
    expect(outcomesOf(again)).toEqual({ unchanged: 4, unmatched: 1 });
    expect(commandsOf(again)).toEqual([]);
    expect(idRows(again)[0]?.message).toBe('rapproché de Martin Léa (P001) par ELEVE_ID ; identifiants déjà à jour');
    const p001 = snapshotOf(UAI, YEAR, history).pupils.find((p) => p.pupilId === 'P001');
    expect([p001?.siecleId, p001?.ine]).toEqual(['2100001', '070832327JA']);
  });

  it('rejects the row of an INE another of our pupils holds', async () => {
    // P002 is SIECLE's 2100002 (matched by ELEVE_ID first), but P004 holds the INE the file gives P002.
    const history = applyCommands(lyceeWithPupils(), [
      { type: 'SetPupilSiecleId', payload: { uai: UAI, pupilId: 'P002', eleveId: '2100002' } },
      { type: 'AssignNationalId', payload: { uai: UAI, pupilId: 'P004', ine: '0113014881M' } },
    ]);
    const row = (await parse(history)).rows.find((r) => r.ref === 'ELEVE_ID 2100002');
    expect(row).toEqual({
      ref: 'ELEVE_ID 2100002',
      subject: 'DUPONT Hugo, né(e) le 01/07/2004',
      outcome: 'rejected',
      message:
        'INE 0113014881M déjà porté par Garcia Inès (P004) : il ne peut pas être attribué aussi à Dupont Hugo (P002), vérifiez les deux fiches',
    });
  });

  it('never guesses between two pupils of the same name and birth date', async () => {
    const history = applyCommands(lyceeWithPupils(), [
      {
        type: 'RegisterPupil',
        payload: { uai: UAI, pupilId: 'P009', lastName: 'DUPONT', firstName: 'Hugo', sex: 'M', birthDate: '2004-07-01' },
      },
      { type: 'PreEnrolPupil', payload: { uai: UAI, year: YEAR, pupilId: 'P009' } },
    ]);
    expect((await parse(history)).rows.find((r) => r.ref === 'ELEVE_ID 2100002')).toMatchObject({
      outcome: 'unmatched',
      message:
        'plusieurs élèves de l’année correspondent par nom, prénom et date de naissance (Dupont Hugo (P002), DUPONT Hugo (P009)) : aucun n’est choisi, complétez la bonne fiche',
    });
  });

  it('names a matching pupil who is not of the year, and only pupils of the year are updated', async () => {
    const history = applyCommands(openedSchool(UAI, YEAR), [
      {
        type: 'RegisterPupil',
        payload: { uai: UAI, pupilId: 'P005', lastName: 'Bœuf', firstName: 'Zoé', sex: 'F', birthDate: '2003-05-05' },
      },
      { type: 'SetPupilSiecleId', payload: { uai: UAI, pupilId: 'P005', eleveId: '2100005' } },
    ]);
    expect(pupilsOfYear(snapshotOf(UAI, YEAR, history))).toEqual([]);
    const plan = await parse(history, constructed, { send: false });
    expect(plan.rows.find((r) => r.ref === 'ELEVE_ID 2100005')?.message).toBe(
      'correspond à Bœuf Zoé (P005), qui n’est pas élève de l’année : rien n’est modifié',
    );
    expect(commandsOf(plan)).toEqual([]);
  });

  it('does not integrate an INE whose key is wrong, but keeps the rest of the row', async () => {
    const history = applyCommands(lyceeWithPupils(), [
      {
        type: 'RegisterPupil',
        payload: { uai: UAI, pupilId: 'P006', lastName: 'Petit', firstName: 'Noé', sex: 'M', birthDate: '2004-01-15' },
      },
      { type: 'PreEnrolPupil', payload: { uai: UAI, year: YEAR, pupilId: 'P006' } },
    ]);
    expect((await parse(history)).rows.find((r) => r.ref === 'ELEVE_ID 2100004')).toEqual({
      ref: 'ELEVE_ID 2100004',
      subject: 'PETIT Noé, né(e) le 15/01/2004',
      outcome: 'update',
      message:
        'rapproché de Petit Noé (P006) par nom, prénom et date de naissance ; ELEVE_ID 2100004 enregistré ; ' +
        'INE « 070876696HA » invalide : la clé INE-RNIE attendue est « EA » : non intégré',
      commands: [{ type: 'SetPupilSiecleId', payload: { uai: UAI, pupilId: 'P006', eleveId: '2100004' } }],
    });
  });
});

describe('siecle.eleves: reconciliation with the last send', () => {
  it('reports intégré, données différentes, absent de SIECLE and présent dans SIECLE mais pas dans notre envoi', async () => {
    const history = lyceeWithPupils();
    const plan = await importer.parse(constructed, {
      uai: UAI,
      year: YEAR,
      fileName: 'ElevesSansAdresses.xml',
      snapshot: snapshotOf(UAI, YEAR, history, { pupilPrivateIds: PRIVATE_IDS, lastSend: LAST_SEND }),
    });
    const control = plan.rows.filter((r) => r.ref.startsWith('contrôle'));
    expect(control.map((r) => [r.ref, r.outcome, r.message])).toEqual([
      [
        'contrôle de l’envoi n° 2 — ID_PRV_ELE 1',
        'unchanged',
        'intégré : dans SIECLE comme dans l’envoi n° 2 du 20/01/2020 (rapproché par ID_PRV_ELE)',
      ],
      [
        'contrôle de l’envoi n° 2 — ID_PRV_ELE 2',
        'unchanged',
        'intégré : dans SIECLE comme dans l’envoi n° 2 du 20/01/2020 (rapproché par nom, prénom et date de naissance)',
      ],
      [
        'contrôle de l’envoi n° 2 — ID_PRV_ELE 3',
        'unmatched',
        'données différentes (rapproché par ID_PRV_ELE) : division « 1G1 » envoyé(e), « 1G-STMG » dans SIECLE',
      ],
      [
        'contrôle de l’envoi n° 2 — ID_PRV_ELE 4',
        'unmatched',
        'absent de SIECLE : envoyé dans l’envoi n° 2 du 20/01/2020 mais absent du fichier — voyez le compte rendu de l’import du privé',
      ],
      [
        'contrôle de l’envoi n° 2 — ID_PRV_ELE 5',
        'unchanged',
        'intégré : dans SIECLE comme dans l’envoi n° 2 du 20/01/2020 (rapproché par ELEVE_ID)',
      ],
      [
        'contrôle de l’envoi n° 2 — ELEVE_ID 2100004',
        'unmatched',
        'présent dans SIECLE mais pas dans notre envoi n° 2 du 20/01/2020',
      ],
    ]);
    expect(control.every((r) => r.commands === undefined)).toBe(true);
    expect(plan.notes).toContain(
      'Contrôle de l’intégration de l’envoi n° 2 du 20/01/2020 : 3 intégré(s), 1 avec des données différentes, 1 absent(s) de SIECLE, 1 présent(s) dans SIECLE mais pas dans l’envoi',
    );
  });

  it('skips the reconciliation when the last send is of another year', async () => {
    const plan = await importer.parse(constructed, {
      uai: UAI,
      year: YEAR,
      fileName: 'ElevesSansAdresses.xml',
      snapshot: snapshotOf(UAI, YEAR, lyceeWithPupils(), { lastSend: { ...LAST_SEND, year: 2018 } }),
    });
    expect(plan.rows.some((r) => r.ref.startsWith('contrôle'))).toBe(false);
    expect(plan.notes).toContain('dernier envoi à SIECLE pour 2018-2019 : pas de contrôle d’intégration pour 2019-2020');
  });
});

describe('siecle.eleves on the public fixtures', () => {
  it('reads the well-formed dossiersco fixtures for their own UAJ and year', async () => {
    const simple = await parse(
      openedSchool('0752387M', 2019),
      readReference('eleves/dossiersco-test-fixtures/eleves_avec_adresse_simple.xml'),
      { uai: '0752387M', year: 2019 },
    );
    expect(simple.rows).toEqual([
      expect.objectContaining({
        ref: 'ELEVE_ID 1816400',
        subject: 'ISSILAHI Ibrahim, né(e) le 12/12/2004',
        outcome: 'unmatched',
      }),
    ]);
    const double = await parse(
      openedSchool('0660864F', 2019),
      readReference('eleves/dossiersco-test-fixtures/eleves_avec_adresse_avec_double_structure.xml'),
      {
        uai: '0660864F',
        year: 2019,
      },
    );
    expect(double.rows.map((r) => r.ref)).toEqual(['ELEVE_ID 1541944']);
  });

  it('refuses the malformed fixture with its line and element, and no command', async () => {
    await expect(
      parse(
        openedSchool('0752387M', 2019),
        readReference('eleves/dossiersco-test-fixtures-2019-08-27-malformed/eleves_avec_adresse_simple.xml'),
        {
          uai: '0752387M',
          year: 2019,
        },
      ),
    ).rejects.toThrow(
      'fichier XML mal formé, ligne 139, colonne 7 : la balise <STRICTURES_ELEVE> ouverte ligne 134 est fermée par </STRUCTURES_ELEVE> : les noms ne correspondent pas',
    );
  });

  it('refuses the Pix fixtures for their UAJ « 123ABC », and integrates their INEs of unknown format with a warning once the UAJ is valid', async () => {
    const pix = readReference('eleves/pix-test-fixtures/siecle-with-two-valid-students.xml');
    await expect(parse(lyceeWithPupils(), pix)).rejects.toThrow(
      /^l’UAJ du fichier \(PARAMETRES\/UAJ\) est invalide — UAI « 123ABC » invalide/,
    );
    // The same file with a valid UAJ and year (in memory: the reference file is not modified).
    const text = iconv
      .decode(Buffer.from(pix), 'iso-8859-15')
      .replace('<UAJ>123ABC</UAJ>', `<UAJ>${UAI}</UAJ><ANNEE_SCOLAIRE>${YEAR}</ANNEE_SCOLAIRE>`);
    const history = applyCommands(lyceeWithPupils(), [
      {
        type: 'RegisterPupil',
        payload: { uai: UAI, pupilId: 'P010', lastName: 'Covert', firstName: 'Harry', sex: 'M', birthDate: '1994-07-01' },
      },
      { type: 'PreEnrolPupil', payload: { uai: UAI, year: YEAR, pupilId: 'P010' } },
    ]);
    const plan = await parse(history, new Uint8Array(iconv.encode(text, 'iso-8859-15')));
    validateCommands(commandsOf(plan));
    expect(plan.rows.map((r) => [r.ref, r.outcome])).toEqual([
      ['ELEVE_ID 0001', 'unmatched'],
      ['ELEVE_ID 0002', 'update'],
    ]);
    expect(plan.rows[1]?.message).toBe(
      'rapproché de Covert Harry (P010) par nom, prénom et date de naissance ; ELEVE_ID 0002 enregistré ; INE 00000000124 attribué ; ' +
        'INE « 00000000124 » de format inconnu : ni INE-RNIE (9 chiffres + 2 lettres) ni INE-BEA (10 chiffres + 1 lettre)',
    );
  });
});
