import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { type SchoolSnapshot } from '@liaison/domain';
import { type StreamHistory } from '@liaison/domain/testing';
import { PupilEnrolled, PupilRegistered, PupilSchoolingSet } from '@liaison/events';
import * as iconv from 'iconv-lite';
import JSZip from 'jszip';
import { initialReferenceState } from '../reference';
import { prepareSend } from '../send/prepare-send';
import { sendStateOf } from '../send/private-ids';
import {
  applySendCommands,
  linked,
  PRODUCED_AT,
  pupilStream,
  sampleHistory,
  snapshotOf,
  UAI,
  YEAR,
} from './__fixtures__/sample-college';
import { OFFICIAL_XSD, STRICT_XSD, xsdErrors } from './__fixtures__/xsd-validate';
import { IMPORT_PRIVE_XSD, importPriveExporter } from './import-prive-exporter';
import { importPriveBaseName } from './import-prive-writer';

const exporter = importPriveExporter();
const GOLDEN = path.join(__dirname, '__golden__', '0753999PPRIVE2026270115162223.xml');

/** What the server does: plan, prepare, apply, then build as of the position after. */
async function send(history: StreamHistory[], producedAt = PRODUCED_AT) {
  const live = snapshotOf(history, producedAt);
  expect(exporter.plan(live).blocking).toEqual([]);
  const after = applySendCommands(history, exporter.prepare!(live));
  const snapshot = snapshotOf(after, producedAt);
  expect(exporter.plan(snapshot).blocking).toEqual([]);
  const built = await exporter.build(snapshot, { exportId: 'test', producedAt });
  return { history: after, snapshot, built, xml: built.xmlDocuments![0]!.bytes };
}

const text = (bytes: Uint8Array) => iconv.decode(Buffer.from(bytes), 'iso-8859-15');
const element = (xml: Uint8Array, name: string) =>
  [...text(xml).matchAll(new RegExp(`<${name}>([^<]*)</${name}>`, 'g'))].map((m) => m[1]);

describe('siecle.import-prive: the file', () => {
  it('matches the golden file of the sample collège (first send)', async () => {
    const { xml } = await send(sampleHistory());
    if (process.env.UPDATE_GOLDEN === '1') {
      mkdirSync(path.dirname(GOLDEN), { recursive: true });
      writeFileSync(GOLDEN, xml);
    }
    expect(existsSync(GOLDEN)).toBe(true);
    expect(text(xml)).toBe(text(readFileSync(GOLDEN)));
    expect(Buffer.from(xml).equals(readFileSync(GOLDEN))).toBe(true);
  });

  it('validates against the official XSD 3.1 and its stricter variant, first and second send', async () => {
    const first = await send(sampleHistory());
    expect(await xsdErrors(first.xml, OFFICIAL_XSD)).toEqual([]);
    expect(await xsdErrors(first.xml, STRICT_XSD)).toEqual([]);
    const second = await send(first.history, '2027-03-02T08:00:00.000Z');
    expect(await xsdErrors(second.xml, OFFICIAL_XSD)).toEqual([]);
    expect(await xsdErrors(second.xml, STRICT_XSD)).toEqual([]);
  });

  it('is really checked by the validator (a misplaced element fails)', async () => {
    const { xml } = await send(sampleHistory());
    const broken = iconv.encode(
      text(xml).replace(
        '<CODE_REGIME>2</CODE_REGIME>\n        <DOUBLEMENT>false</DOUBLEMENT>',
        '<DOUBLEMENT>false</DOUBLEMENT>\n        <CODE_REGIME>2</CODE_REGIME>',
      ),
      'iso-8859-15',
    );
    expect((await xsdErrors(new Uint8Array(broken), OFFICIAL_XSD)).length).toBeGreaterThan(0);
  });

  it('is ISO-8859-15 with a matching declaration (œ is one byte, 0xBD)', async () => {
    const { xml } = await send(sampleHistory());
    expect(Buffer.from(xml.subarray(0, 44)).toString('latin1')).toBe('<?xml version="1.0" encoding="ISO-8859-15"?>');
    expect(Buffer.from(xml).includes(Buffer.from([0x43, 0xbd, 0x75, 0x72]))).toBe(true); // « Cœur »
    expect(text(xml)).toContain('<NOM_DE_FAMILLE>Martin-Cœur</NOM_DE_FAMILLE>');
  });

  it('declares the shipped official schema to the server', async () => {
    const { built } = await send(sampleHistory());
    expect(built.xmlDocuments).toEqual([
      { name: '0753999PPRIVE2026270115162223.xml', bytes: expect.any(Uint8Array), xsdPath: IMPORT_PRIVE_XSD },
    ]);
    expect(path.isAbsolute(IMPORT_PRIVE_XSD)).toBe(true);
    expect(
      readFileSync(IMPORT_PRIVE_XSD).equals(
        readFileSync(path.resolve(__dirname, '../../../../../shared/reference/siecle/import-prive/xsd/schema_Import_3.1.xsd')),
      ),
    ).toBe(true);
  });

  it('writes a leaving pupil as ELEVE_SORTANT, starting with the exit, with DATE_FIN_SCO', async () => {
    const { xml } = await send(sampleHistory());
    expect(text(xml)).toMatch(
      /<ELEVE>\n\s+<CODE_MOTIF_SORTIE>13<\/CODE_MOTIF_SORTIE>\n\s+<DATE_SORTIE>2027-01-08<\/DATE_SORTIE>\n\s+<ID_PRV_ELE>4<\/ID_PRV_ELE>/,
    );
    expect(element(xml, 'DATE_FIN_SCO')).toEqual(['2027-01-08']);
  });

  it('applies SIECLE’s defaults: régime 0, statut ST, profession 99, this school as previous school with provenance 2', async () => {
    const { xml } = await send(sampleHistory());
    const moussa = text(xml).split('<ELEVE>')[2]!;
    expect(moussa).toContain('<CODE_REGIME>0</CODE_REGIME>');
    expect(moussa).toContain('<CODE_STATUT>ST</CODE_STATUT>');
    expect(moussa).toMatch(
      /<CODE_RNE>0753999P<\/CODE_RNE>\n\s+<CODE_PROVENANCE>2<\/CODE_PROVENANCE>\n\s+<CODE_MEF>10010012110<\/CODE_MEF>/,
    );
    const francois = text(xml).split('<PERSONNE>')[2]!;
    expect(francois).toContain('<CODE_PROFESSION>99</CODE_PROFESSION>');
  });
});

describe('siecle.import-prive: name, zip and determinism', () => {
  it('names the file <UAI>PRIVE<year><YYMMDDhhmmss> from producedAt in Paris time, and zips it under the same base name', async () => {
    const { built, xml } = await send(sampleHistory());
    expect(built.files.map((f) => f.path)).toEqual(['SIECLE/0753999P/0753999PPRIVE2026270115162223.zip']);
    const zip = await JSZip.loadAsync(built.files[0]!.bytes);
    expect(Object.keys(zip.files)).toEqual(['0753999PPRIVE2026270115162223.xml']);
    expect(Buffer.from(await zip.file('0753999PPRIVE2026270115162223.xml')!.async('uint8array')).equals(Buffer.from(xml))).toBe(
      true,
    );
    expect(element(xml, 'DATE_IMPORT')).toEqual(['15/01/2027']);
  });

  it('reads the instant in Paris time, summer and winter, whatever the machine’s zone', async () => {
    expect(importPriveBaseName(UAI, 2026, '2027-01-15T15:22:23.000Z')).toBe('0753999PPRIVE2026270115162223');
    // 30 June 22:30:05 UTC is already 1 July in Paris (UTC+2).
    expect(importPriveBaseName(UAI, 2026, '2027-06-30T22:30:05.000Z')).toBe('0753999PPRIVE2026270701003005');
    expect(importPriveBaseName(UAI, 2026, '2026-12-31T23:59:59+00:00')).toBe('0753999PPRIVE2026270101005959');
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'Pacific/Kiritimati';
      expect(importPriveBaseName(UAI, 2026, '2027-01-15T15:22:23.000Z')).toBe('0753999PPRIVE2026270115162223');
      // jszip reads a DOS time back into a Date's UTC fields: they hold the Paris wall clock.
      const { built } = await send(sampleHistory(), '2027-01-15T15:22:23.000Z');
      const zip = await JSZip.loadAsync(built.files[0]!.bytes);
      expect(zip.files['0753999PPRIVE2026270115162223.xml']!.date.toISOString()).toBe('2027-01-15T16:22:22.000Z');
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('gives the same bytes for the same snapshot and instant', async () => {
    const a = await send(sampleHistory());
    const again = await exporter.build(a.snapshot, { exportId: 'other', producedAt: PRODUCED_AT });
    expect(Buffer.from(again.files[0]!.bytes).equals(Buffer.from(a.built.files[0]!.bytes))).toBe(true);
    const b = await send(sampleHistory());
    expect(Buffer.from(b.built.files[0]!.bytes).equals(Buffer.from(a.built.files[0]!.bytes))).toBe(true);
  });
});

describe('siecle.import-prive: ids and send numbers across sends', () => {
  it('numbers the first send 1 and the second 2, reusing every id', async () => {
    const first = await send(sampleHistory());
    expect(element(first.xml, 'NUM_ENVOI')).toEqual(['1']);
    expect(first.built.counts).toEqual({ pupils: 4, leaving: 1, guardians: 7, excluded: 1, sendNumber: 1 });
    const second = await send(first.history, '2027-03-02T08:00:00.000Z');
    expect(element(second.xml, 'NUM_ENVOI')).toEqual(['2']);
    expect(element(second.xml, 'ID_PRV_ELE')).toEqual(element(first.xml, 'ID_PRV_ELE'));
    expect(element(second.xml, 'ID_PRV_PER')).toEqual(element(first.xml, 'ID_PRV_PER'));
    // Only the parameters differ: same DONNEES.
    const donnees = (xml: Uint8Array) => text(xml).slice(text(xml).indexOf('<DONNEES>'));
    expect(donnees(second.xml)).toBe(donnees(first.xml));
  });

  it('gives a newcomer the next id, in pupilId order, and writes pupils in private-id order', async () => {
    const first = await send(sampleHistory());
    const newcomer = pupilStream(
      'P000',
      PupilRegistered.create({
        uai: UAI,
        pupilId: 'P000',
        lastName: 'Abel',
        firstName: 'Jean',
        sex: 'M',
        birthDate: '2015-05-05',
        nationality: '100',
        birthPlace: { country: '100', communeCode: '75056' },
        previousSchool: { uai: '0750001U', provenance: '1' },
      }),
      linked('P000', 'G1', '10', 1, true),
      PupilEnrolled.create({ uai: UAI, year: YEAR, pupilId: 'P000', classCode: '6A', entryDate: '2027-02-01' }),
      PupilSchoolingSet.create({
        uai: UAI,
        year: YEAR,
        pupilId: 'P000',
        regime: '0',
        statut: 'ST',
        transport: false,
        doublement: false,
      }),
    );
    const second = await send([...first.history, newcomer], '2027-03-02T08:00:00.000Z');
    expect(element(second.xml, 'ID_PRV_ELE')).toEqual(['1', '2', '3', '4', '5']);
    expect(sendStateOf(second.snapshot).pupilPrivateIds.P000).toBe(5);
    expect(element(second.xml, 'NOM_DE_FAMILLE').filter((n) => n === 'Abel')).toHaveLength(1);
  });

  it('rebuilds a recorded send byte for byte from the log (export --as-of its position)', async () => {
    const first = await send(sampleHistory());
    const replay = await exporter.build(snapshotOf(first.history), { exportId: 'replay', producedAt: PRODUCED_AT });
    expect(Buffer.from(replay.files[0]!.bytes).equals(Buffer.from(first.built.files[0]!.bytes))).toBe(true);
  });

  it('builds an export « as it would have been » at a position with no send: next number, missing ids as prepare would number them', async () => {
    // No send recorded yet: the build alone numbers everything as the first send would.
    const direct = await exporter.build(snapshotOf(sampleHistory()), { exportId: 'asof', producedAt: PRODUCED_AT });
    expect(Buffer.from(direct.xmlDocuments![0]!.bytes).equals((await send(sampleHistory())).xml)).toBe(true);
    // After a send, a change the send did not hold makes the file the next send.
    const first = await send(sampleHistory());
    const changed: StreamHistory[] = [
      ...first.history,
      pupilStream('P002', PupilSchoolingSet.create({ uai: UAI, year: YEAR, pupilId: 'P002', regime: '2' })),
    ];
    const hypothetical = await exporter.build(snapshotOf(changed), { exportId: 'asof', producedAt: PRODUCED_AT });
    expect(element(hypothetical.xmlDocuments![0]!.bytes, 'NUM_ENVOI')).toEqual(['2']);
  });
});

/** A snapshot to break in one place. */
const base = (): SchoolSnapshot => structuredClone(snapshotOf(sampleHistory()));
const pupil = (s: SchoolSnapshot, id: string) => s.pupils.find((p) => p.pupilId === id)!;
const y = (s: SchoolSnapshot, id: string) => pupil(s, id).years[YEAR]!;

interface Case {
  name: string;
  rule: string;
  break: (s: SchoolSnapshot) => void;
  entity: string;
  field?: string;
  message: RegExp;
}

const CASES: Case[] = [
  {
    name: 'a contrat simple establishment',
    rule: 'contrat-simple',
    break: (s) => (s.establishment.contract = 'simple'),
    entity: UAI,
    field: 'contract',
    message: /SIECLE n’a pas de code contrat connu pour le contrat simple/,
  },
  {
    name: 'a class under contrat simple',
    rule: 'classe-contrat-simple',
    break: (s) => (s.classes.find((c) => c.classCode === '6A')!.contractType = 'simple'),
    entity: '6A',
    field: 'contractType',
    message: /contrat simple/,
  },
  {
    name: 'a first-degree establishment',
    rule: 'etablissement-premier-degre',
    break: (s) => (s.establishment.degree = 'first'),
    entity: UAI,
    message: /second degré/,
  },
  {
    name: 'a year not opened',
    rule: 'annee-non-ouverte',
    break: (s) => (s.schoolYear.opened = false),
    entity: UAI,
    message: /2026-2027 n’est pas ouverte/,
  },
  {
    name: 'no MEF nomenclature',
    rule: 'nomenclature-absente',
    break: (s) => (s.schoolYear.formations = {}),
    entity: UAI,
    message: /Nomenclature\.xml/,
  },
  {
    name: 'a division not attached to the MEF (ACDIV_B_01)',
    rule: 'division-hors-mef',
    break: (s) => (y(s, 'P001').formationCode = '10110001110'),
    entity: 'P001',
    field: 'years.2026.formationCode',
    message: /Division 6A non rattachée au MEF 10110001110.*ACDIV_B_01/,
  },
  {
    name: 'a division not attached to the MEF in SIECLE’s structures (ACDIV_B_01)',
    rule: 'division-hors-mef',
    break: (s) =>
      (s.pluginStates[`siecleref-${UAI}-${YEAR}`] = {
        ...initialReferenceState(),
        divisions: { '6A': { code: '6A', mefCodes: ['10110001110'] } },
      }),
    entity: 'P001',
    field: 'years.2026.formationCode',
    message: /structures SIECLE \(Structures\.xml : 10110001110\)/,
  },
  {
    name: 'a MEF missing from the year’s nomenclature',
    rule: 'mef-hors-nomenclature',
    break: (s) => delete s.schoolYear.formations['10110001110'],
    entity: 'P002',
    field: 'years.2026.formationCode',
    message: /MEF 10110001110 absent de la nomenclature/,
  },
  {
    name: 'no MEF in a multi-MEF class',
    rule: 'mef-manquant',
    break: (s) => delete y(s, 'P003').formationCode,
    entity: 'P003',
    field: 'years.2026.formationCode',
    message: /en a plusieurs \(10210001110, 10310019110\)/,
  },
  {
    name: 'a MEF that is not 11 digits',
    rule: 'mef-invalide',
    break: (s) => (y(s, 'P003').formationCode = '3EME'),
    entity: 'P003',
    message: /11 chiffres/,
  },
  {
    name: 'an invalid exit motive (REJEL_SORTI_F_01)',
    rule: 'motif-sortie',
    break: (s) => (y(s, 'P004').exitMotive = '05'),
    entity: 'P004',
    field: 'years.2026.exitMotive',
    message: /Motif de sortie « 05 » invalide.*REJEL_SORTI_F_01/,
  },
  {
    name: 'an exit date outside the year',
    rule: 'date-sortie',
    break: (s) => (y(s, 'P004').exitDate = '2027-09-02'),
    entity: 'P004',
    field: 'years.2026.exitDate',
    message: /02\/09\/2027 hors de l’année scolaire/,
  },
  {
    name: 'a schooling start outside the year (SCOAC_E_02)',
    rule: 'dates-scolarite',
    break: (s) => (y(s, 'P001').entryDate = '2026-08-25'),
    entity: 'P001',
    field: 'years.2026.entryDate',
    message: /25\/08\/2026 hors de l’année scolaire \(01\/09\/2026 – 31\/08\/2027\).*SCOAC_E_02/,
  },
  {
    name: 'a pupil without a legal guardian',
    rule: 'responsable-legal-manquant',
    break: (s) => (pupil(s, 'P003').guardians = { G7: pupil(s, 'P003').guardians.G7! }),
    entity: 'P003',
    field: 'guardians',
    message: /sans responsable légal/,
  },
  {
    name: 'three legal guardians',
    rule: 'responsables-legaux-trop-nombreux',
    break: (s) => (pupil(s, 'P002').guardians.G5!.legalLevel = 1),
    entity: 'P002',
    message: /2 au plus/,
  },
  {
    name: 'a guardian whose person is unknown',
    rule: 'responsable-inconnu',
    break: (s) => delete s.guardians.G6,
    entity: 'P003',
    field: 'guardians.G6',
    message: /G6 introuvable/,
  },
  {
    name: 'a CODE_PARENTE of one character',
    rule: 'code-parente',
    break: (s) => (pupil(s, 'P001').guardians.G1!.link = '1'),
    entity: 'P001',
    field: 'guardians.G1.link',
    message: /Lien de parenté « 1 »/,
  },
  {
    name: 'an INE failing its key',
    rule: 'ine-invalide',
    break: (s) => (pupil(s, 'P001').ine = '070876696HA'),
    entity: 'P001',
    field: 'ine',
    message: /clé INE-RNIE attendue est « EA »/,
  },
  {
    name: 'an INE held twice',
    rule: 'ine-en-double',
    break: (s) => (pupil(s, 'P002').ine = '070832327JA'),
    entity: 'P001',
    field: 'ine',
    message: /plusieurs élèves/,
  },
  {
    name: 'a previous-year MEF outside the nomenclature (MEFAD_C_02)',
    rule: 'mef-origine',
    break: (s) => (pupil(s, 'P003').identity!.previousSchool!.formationCode = '99999999990'),
    entity: 'P003',
    field: 'identity.previousSchool.formationCode',
    message: /MEFAD_C_02/,
  },
  {
    name: 'a pupil new to the school without previous school',
    rule: 'etablissement-origine-manquant',
    break: (s) => delete pupil(s, 'P001').identity!.previousSchool,
    entity: 'P001',
    field: 'identity.previousSchool',
    message: /nouveau dans l’établissement/,
  },
  {
    name: 'another school without provenance',
    rule: 'etablissement-origine',
    break: (s) => delete pupil(s, 'P001').identity!.previousSchool!.provenance,
    entity: 'P001',
    field: 'identity.previousSchool.provenance',
    message: /Provenance \(CODE_PROVENANCE\) manquante/,
  },
  {
    name: 'a previous school UAI failing its key',
    rule: 'etablissement-origine',
    break: (s) => (pupil(s, 'P001').identity!.previousSchool!.uai = '0750001A'),
    entity: 'P001',
    field: 'identity.previousSchool.uai',
    message: /lettre clé attendue est « U »/,
  },
  {
    name: 'a numeric statut (STATU_C_01)',
    rule: 'statut',
    break: (s) => (y(s, 'P001').schooling.statut = '1'),
    entity: 'P001',
    field: 'years.2026.schooling.statut',
    message: /STATU_C_01/,
  },
  {
    name: 'an unknown régime',
    rule: 'regime',
    break: (s) => (y(s, 'P001').schooling.regime = '11'),
    entity: 'P001',
    field: 'years.2026.schooling.regime',
    message: /Régime « 11 »/,
  },
  {
    name: 'a missing nationality',
    rule: 'nationalite',
    break: (s) => delete pupil(s, 'P001').identity!.nationality,
    entity: 'P001',
    field: 'identity.nationality',
    message: /Nationalité manquante/,
  },
  {
    name: 'a birth in France without commune',
    rule: 'lieu-naissance',
    break: (s) => delete pupil(s, 'P001').identity!.birthPlace!.communeCode,
    entity: 'P001',
    field: 'identity.birthPlace.communeCode',
    message: /code INSEE/,
  },
  {
    name: 'a birth abroad without city',
    rule: 'lieu-naissance',
    break: (s) => delete pupil(s, 'P002').identity!.birthPlace!.city,
    entity: 'P002',
    field: 'identity.birthPlace.city',
    message: /né à l’étranger/,
  },
  {
    name: 'a letter ISO-8859-15 lacks',
    rule: 'texte-non-envoyable',
    break: (s) => (pupil(s, 'P001').identity!.firstName = 'Łucja'),
    entity: 'P001',
    field: 'identity.firstName',
    message: /« Ł » \(U\+0141\) ne peut pas s’écrire/,
  },
  {
    name: 'a name over 100 characters',
    rule: 'texte-non-envoyable',
    break: (s) => (pupil(s, 'P001').identity!.lastName = 'A'.repeat(101)),
    entity: 'P001',
    field: 'identity.lastName',
    message: /101 caractères, 100 au plus/,
  },
  {
    name: 'an unknown profession',
    rule: 'profession',
    break: (s) => (s.guardians.G1!.person!.profession = '7'),
    entity: 'G1',
    field: 'profession',
    message: /code PCS/,
  },
  {
    name: 'an address in France without postal code',
    rule: 'adresse',
    break: (s) => delete s.guardians.G1!.person!.address.postalCode,
    entity: 'G1',
    field: 'address.postalCode',
    message: /Code postal manquant/,
  },
  {
    name: 'an address line over 38 characters',
    rule: 'texte-non-envoyable',
    break: (s) => (s.guardians.G1!.person!.address.line1 = 'x'.repeat(39)),
    entity: 'G1',
    field: 'address.line1',
    message: /38 au plus/,
  },
  {
    name: 'a division code over 8 characters',
    rule: 'code-division',
    break: (s) => (s.classes.find((c) => c.classCode === '6A')!.rectoratCode = '6A-EUROPE'),
    entity: '6A',
    field: 'rectoratCode',
    message: /1 à 8 caractères/,
  },
  {
    name: 'nobody to send',
    rule: 'aucun-eleve',
    break: (s) => (s.pupils = s.pupils.filter((p) => p.pupilId === 'P005')),
    entity: UAI,
    message: /au moins un élève/,
  },
  {
    name: 'private ids beyond 99999',
    rule: 'identifiants-epuises',
    break: (s) =>
      (s.pluginStates[`siecle-${UAI}`] = {
        pupilPrivateIds: {},
        guardianPrivateIds: {},
        nextPupilPrivateId: 99998,
        nextGuardianPrivateId: 1,
        sendNumbers: {},
      }),
    entity: UAI,
    message: /dépasserait 99999/,
  },
];

describe('siecle.import-prive: what blocks the export (the import report’s rules)', () => {
  it('has nothing blocking on the sample', () => {
    expect(exporter.plan(base()).blocking).toEqual([]);
  });

  it.each(CASES)('blocks $name', (c) => {
    const s = base();
    c.break(s);
    const plan = exporter.plan(s);
    const found = plan.blocking.filter((a) => a.rule === c.rule);
    expect(found.length).toBeGreaterThan(0);
    const anomaly = found.find((a) => a.entity.id === c.entity);
    expect(anomaly).toBeDefined();
    expect(anomaly!.severity).toBe('error');
    expect(anomaly!.message).toMatch(c.message);
    if (c.field) expect(anomaly!.field).toBe(c.field);
    // Messages are French sentences naming who: the entity's label is there for screens.
    expect(anomaly!.entity.label.trim().length).toBeGreaterThan(0);
  });

  it('names the pupil in the anomaly (« NOM Prénom (classe) »)', () => {
    const s = base();
    y(s, 'P001').exitMotive = '05';
    y(s, 'P001').schooling.statut = '1';
    const anomaly = exporter.plan(s).blocking.find((a) => a.rule === 'statut')!;
    expect(anomaly.entity).toEqual({ kind: 'pupil', id: 'P001', label: 'LEFÈVRE Léa (6e A)' });
  });

  it('refuses the export in prepare too when ids would go beyond 99999', () => {
    const s = base();
    s.pluginStates[`siecle-${UAI}`] = {
      pupilPrivateIds: {},
      guardianPrivateIds: {},
      nextPupilPrivateId: 99998,
      nextGuardianPrivateId: 1,
      sendNumbers: {},
    };
    expect(() => prepareSend(s)).toThrow(/plus d’identifiant privé SIECLE disponible/);
  });
});
