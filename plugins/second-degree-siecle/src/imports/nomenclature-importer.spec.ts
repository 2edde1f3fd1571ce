import { declareFormationsPayload, declareLanguagesPayload, ImportFileError, type ImportPlan } from '@liaison/domain';
import * as iconv from 'iconv-lite';
import JSZip from 'jszip';
import {
  declareSiecleCodeListPayload,
  declareSiecleMefSubjectsPayload,
  declareSiecleSubjectsPayload,
} from '../reference/reference-commands';
import { referenceStateOf } from '../reference/reference-state';
import {
  applyCommands,
  commandsOf,
  openedSchool,
  outcomesOf,
  readReference,
  snapshotOf,
  validateCommands,
} from './__fixtures__/school';
import { nomenclatureImporter } from './nomenclature-importer';

const importer = nomenclatureImporter();
const ARAGO = '0750680G';
const FILE_2018 = 'nomenclature/lycee-arago-0750680G/Nomenclature-2018-19.xml';
const FILE_2019 = 'nomenclature/lycee-arago-0750680G/Nomenclature-2019-20.xml';

async function parse(
  bytes: Uint8Array,
  uai: string,
  year: number,
  history = openedSchool(uai, year),
  fileName = 'Nomenclature.xml',
): Promise<ImportPlan> {
  return importer.parse(bytes, { uai, year, fileName, snapshot: snapshotOf(uai, year, history) });
}
const latin9Text = (bytes: Uint8Array) => iconv.decode(Buffer.from(bytes), 'iso-8859-15');
const count = (xml: string, pattern: RegExp) => (xml.match(pattern) ?? []).length;
const payloadOf = (plan: ImportPlan, type: string, list?: string) =>
  commandsOf(plan).find((c) => c.type === type && (list === undefined || (c.payload as { list?: string }).list === list))
    ?.payload;

describe.each([
  [FILE_2018, 2018, 89],
  [FILE_2019, 2019, 29],
])('siecle.nomenclature on the real export %s', (file, year, mefCount) => {
  const bytes = readReference(file);
  const xml = latin9Text(bytes);

  it(`declares every MEF (${mefCount}) and every exit motive (29) of the file`, async () => {
    expect(count(xml, /<MEF CODE_MEF="/g)).toBe(mefCount);
    expect(count(xml, /<MOTIF_SORTIE CODE_MOTIF_SORTIE="/g)).toBe(29);
    const plan = await parse(bytes, ARAGO, year);
    validateCommands(commandsOf(plan));

    const formations = declareFormationsPayload.parse(payloadOf(plan, 'DeclareFormations'));
    expect(formations.entries).toHaveLength(mefCount);
    expect(formations.source).toBe('second-degree-siecle:Nomenclature.xml');
    expect(plan.rows.filter((r) => r.ref.startsWith('MEF ')).map((r) => r.outcome)).toEqual(Array(mefCount).fill('create'));

    const motives = declareSiecleCodeListPayload.parse(payloadOf(plan, 'DeclareSiecleCodeList', 'exitMotives'));
    expect(motives.entries).toHaveLength(29);
    expect(motives.entries.find((m) => m.code === '40')).toEqual({
      code: '40',
      label: 'AUTRE MOTIF SANS PRECISION',
      attributes: { LIBELLE_COURT: 'AU.MOT SP' },
    });
    expect(plan.rows.filter((r) => r.ref.startsWith('motif de sortie '))).toHaveLength(29);
    expect(plan.notes.join('\n')).not.toMatch(/liste nationale/);

    const subjects = declareSiecleSubjectsPayload.parse(payloadOf(plan, 'DeclareSiecleSubjects'));
    expect(subjects.subjects).toHaveLength(count(xml, /<MATIERE CODE_MATIERE="/g));
    expect(plan.successMessage).toMatch(new RegExp(`^Import de la nomenclature SIECLE réussi : ${mefCount} MEF, `));
  });

  it('re-imported, gives only unchanged rows and no command', async () => {
    const first = await parse(bytes, ARAGO, year);
    const history = applyCommands(openedSchool(ARAGO, year), commandsOf(first));
    const again = await parse(bytes, ARAGO, year, history);
    expect(outcomesOf(again)).toEqual({ unchanged: first.rows.length });
    expect(commandsOf(again)).toEqual([]);
  });
});

describe('siecle.nomenclature: what it declares', () => {
  let plan: ImportPlan;
  beforeAll(async () => {
    plan = await parse(readReference(FILE_2018), ARAGO, 2018);
  });

  it('keeps the MEF fields as attributes, dates as YYYY-MM-DD, codes as strings', () => {
    const formations = declareFormationsPayload.parse(payloadOf(plan, 'DeclareFormations'));
    const threeMus = formations.entries.find((e) => e.code === '10310002110');
    expect(threeMus).toMatchObject({
      code: '10310002110',
      attributes: expect.objectContaining({
        FORMATION: '3MUS',
        DATE_FERMETURE: '9999-12-31',
        INSCRIPTION_ETAB: expect.any(String),
      }),
    });
    expect(threeMus?.attributes?.CODE_MEFSTAT).toMatch(/^[0-9]{11}$/);
    expect(formations.entries.every((e) => /^[0-9]{11}$/.test(e.code))).toBe(true);
  });

  it('keeps ISO-8859-15 accents intact', () => {
    const subjects = declareSiecleSubjectsPayload.parse(payloadOf(plan, 'DeclareSiecleSubjects')).subjects;
    expect(subjects.find((s) => s.label === 'LITTÉRATURE ET SOCIETE')).toMatchObject({ editionLabel: 'Littérature et société' });
    expect(subjects.find((s) => s.code === '002300')).toMatchObject({ editionLabel: 'Travaux personnels encadrés', etp: false });
    const links = declareSiecleCodeListPayload.parse(payloadOf(plan, 'DeclareSiecleCodeList', 'parentLinks'));
    expect(links.entries.find((l) => l.code === '10')).toEqual({
      code: '10',
      label: 'MERE',
      attributes: { LIBELLE_COURT: 'MERE', LIBELLE_EDITION: 'Mère', TRI: '1' },
    });
    const types = declareSiecleCodeListPayload.parse(payloadOf(plan, 'DeclareSiecleCodeList', 'establishmentTypes'));
    expect(types.entries.find((t) => t.code === 'PRES')?.label).toBe('PÔLE RECHERCHE ET ENSEIGNEMENT SUPERIEUR');
  });

  it('declares the LV subjects (03xxxx) as the year’s languages, coded by CODE_MATIERE', () => {
    const languages = declareLanguagesPayload.parse(payloadOf(plan, 'DeclareLanguages')).entries;
    expect(languages.every((l) => /^03[0-9]{4}$/.test(l.code))).toBe(true);
    expect(languages).toContainEqual({ code: '030201', label: 'ANGLAIS LV1', attributes: { CODE_GESTION: 'AGL1' } });
    expect(languages).toContainEqual({ code: '030602', label: 'ESPAGNOL LV2', attributes: { CODE_GESTION: 'ESP2' } });
  });

  it('declares each MEF’s programme and mandatory options, and every code list of the file', () => {
    const mefs = declareSiecleMefSubjectsPayload.parse(payloadOf(plan, 'DeclareSiecleMefSubjects')).mefs;
    const lines = mefs.reduce((n, m) => n + m.programme.length, 0);
    const options = mefs.reduce((n, m) => n + m.mandatoryOptions.length, 0);
    expect([lines, options]).toEqual([728, 324]);
    const lists = commandsOf(plan)
      .filter((c) => c.type === 'DeclareSiecleCodeList')
      .map((c) => `${(c.payload as { list: string }).list}:${(c.payload as { entries: unknown[] }).entries.length}`);
    expect(lists).toEqual([
      'exitMotives:29',
      'regimes:22',
      'statuts:5',
      'electionModalities:7',
      'courseModalities:9',
      'parentLinks:11',
      'responsibilityLevels:3',
      'bourses:4',
      'professions:41',
      'provenances:8',
      'contracts:2',
      'civilities:2',
      'establishmentTypes:63',
    ]);
  });

  it('folds into the reference state of the year', () => {
    const history = applyCommands(openedSchool(ARAGO, 2018), commandsOf(plan));
    const snapshot = snapshotOf(ARAGO, 2018, history);
    const reference = referenceStateOf(snapshot);
    expect(Object.keys(snapshot.schoolYear.formations)).toHaveLength(89);
    expect(Object.keys(reference.codeLists.exitMotives ?? {})).toHaveLength(29);
    expect(reference.codeLists.statuts?.ST?.label).toBe('SCOLAIRE');
    expect(reference.subjects['030201']?.managementCode).toBe('AGL1');
    expect(referenceStateOf(snapshot, 2019).subjects).toEqual({});
  });
});

describe('siecle.nomenclature: changes, other targets and other shapes', () => {
  it('reports what changed on a later export, and declares only that', async () => {
    const bytes = readReference('nomenclature/dossiersco-test-fixtures/nomenclature_tout_niveau.xml');
    const first = await parse(bytes, '0140070A', 2018);
    const history = applyCommands(openedSchool('0140070A', 2018), commandsOf(first));
    const edited = iconv.encode(
      latin9Text(bytes).replace('<LIBELLE_LONG>5EME</LIBELLE_LONG>', '<LIBELLE_LONG>CINQUIÈME</LIBELLE_LONG>'),
      'iso-8859-15',
    );
    const again = await parse(new Uint8Array(edited), '0140070A', 2018, history);
    expect(again.rows.filter((r) => r.outcome !== 'unchanged')).toEqual([
      {
        ref: 'MEF 10110001110',
        outcome: 'update',
        subject: 'CINQUIÈME (5G)',
        message: 'libellé « 5EME » → « CINQUIÈME »',
        commands: [
          {
            type: 'DeclareFormations',
            payload: expect.objectContaining({ entries: [expect.objectContaining({ code: '10110001110', label: 'CINQUIÈME' })] }),
          },
        ],
      },
    ]);
  });

  it('keeps both election modalities of one (MEF, subject)', async () => {
    const plan = await parse(
      readReference('nomenclature/dossiersco-test-fixtures/nomenclature_code_modalite_elec_double.xml'),
      '0140070A',
      2018,
    );
    const mefs = declareSiecleMefSubjectsPayload.parse(payloadOf(plan, 'DeclareSiecleMefSubjects')).mefs;
    expect(mefs).toHaveLength(1);
    expect(mefs[0]!.programme.map((p) => p.modality).sort()).toEqual(['O', 'S']);
  });

  it('refuses the file of another year or another establishment, saying whose it is', async () => {
    const bytes = readReference(FILE_2019);
    await expect(parse(bytes, ARAGO, 2018)).rejects.toThrow(
      new ImportFileError('ce fichier est de l’année 2019-2020, pas de 2018-2019'),
    );
    await expect(parse(bytes, '0752387M', 2019)).rejects.toThrow(
      new ImportFileError('ce fichier est celui de l’établissement 0750680G, pas de 0752387M'),
    );
  });

  it('refuses a first-degree establishment', async () => {
    const history = applyCommands(
      [],
      [
        { type: 'RegisterEstablishment', payload: { uai: ARAGO, name: 'École', degree: 'first', contract: 'association' } },
        { type: 'OpenYear', payload: { uai: ARAGO, year: 2018 } },
      ],
    );
    await expect(parse(readReference(FILE_2018), ARAGO, 2018, history)).rejects.toThrow(/est du premier degré/);
  });

  it('reads the file inside SIECLE’s ExportXML_Nomenclature.zip', async () => {
    const zip = new JSZip();
    zip.file('Nomenclature.xml', readReference(FILE_2019));
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    const plan = await parse(bytes, ARAGO, 2019, openedSchool(ARAGO, 2019), 'ExportXML_Nomenclature.zip');
    expect(declareFormationsPayload.parse(payloadOf(plan, 'DeclareFormations')).entries).toHaveLength(29);
    expect(plan.notes).toContain('fichier Nomenclature.xml extrait de l’archive zip');
  });

  it('notes a year that is not open (the server then refuses the declarations)', async () => {
    const history = applyCommands(
      [],
      [{ type: 'RegisterEstablishment', payload: { uai: ARAGO, name: 'Lycée', degree: 'second', contract: 'association' } }],
    );
    const plan = await parse(readReference(FILE_2019), ARAGO, 2019, history);
    expect(plan.notes).toContain('l’année 2019-2020 n’est pas ouverte : ouvrez-la avant d’en importer la nomenclature');
  });
});
