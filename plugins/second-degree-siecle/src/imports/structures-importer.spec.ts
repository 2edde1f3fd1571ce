import { ImportFileError, type ImportPlan } from '@liaison/domain';
import { type StreamHistory } from '@liaison/domain/testing';
import * as iconv from 'iconv-lite';
import { declareSiecleStructuresPayload } from '../reference/reference-commands';
import { referenceStateOf } from '../reference/reference-state';
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
import { nomenclatureImporter } from './nomenclature-importer';
import { structuresImporter } from './structures-importer';

const UAI = '0750680G';
const YEAR = 2019;
const importer = structuresImporter();
const structures = readConstructed('Structures.xml');

/** The lycée with its year opened and the real 2019-20 nomenclature imported. */
async function withNomenclature(): Promise<StreamHistory[]> {
  const base = openedSchool(UAI, YEAR);
  const plan = await nomenclatureImporter().parse(readReference('nomenclature/lycee-arago-0750680G/Nomenclature-2019-20.xml'), {
    uai: UAI,
    year: YEAR,
    fileName: 'Nomenclature.xml',
    snapshot: snapshotOf(UAI, YEAR, base),
  });
  return applyCommands(base, commandsOf(plan));
}

const parse = (history: StreamHistory[], bytes = structures, fileName = 'Structures.xml'): Promise<ImportPlan> =>
  importer.parse(bytes, { uai: UAI, year: YEAR, fileName, snapshot: snapshotOf(UAI, YEAR, history) });

describe('siecle.structures (constructed Structures.xml)', () => {
  it('creates the missing classes with their MEFs and contract; the group stays reference data', async () => {
    const plan = await parse(await withNomenclature());
    validateCommands(commandsOf(plan));
    expect(plan.rows.map((r) => [r.ref, r.outcome])).toEqual([
      ['division 2NDE1', 'create'],
      ['division 1G-STMG', 'create'],
      ['division TS1', 'create'],
      ['groupe ESP2_G1', 'create'],
    ]);
    expect(plan.rows[1]).toMatchObject({
      subject: 'PREMIÈRE G ET STMG (1G-STMG)',
      message: 'classe créée avec le(s) MEF 20110019110, 21131016110 ; contrat d’association',
    });
    expect(commandsOf(plan).map((c) => c.type)).toEqual([
      'DeclareSiecleStructures',
      'CreateClass',
      'AssignFormation',
      'SetClassContract',
      'CreateClass',
      'AssignFormation',
      'AssignFormation',
      'SetClassContract',
      'CreateClass',
      'AssignFormation',
    ]);
    const declared = declareSiecleStructuresPayload.parse(commandsOf(plan)[0]!.payload);
    expect(declared.groups).toEqual([
      { code: 'ESP2_G1', label: 'ESPAGNOL LV2 GR1', contract: '3', mefCodes: ['20010018110'], divisionCodes: ['2NDE1'] },
    ]);
    expect(
      commandsOf(plan).some((c) => c.type === 'CreateClass' && (c.payload as { classCode: string }).classCode === 'ESP2_G1'),
    ).toBe(false);

    const history = applyCommands(await withNomenclature(), commandsOf(plan));
    const snapshot = snapshotOf(UAI, YEAR, history);
    expect(snapshot.classes.map((c) => [c.classCode, c.label, c.formations, c.contractType])).toEqual([
      ['1G-STMG', 'PREMIÈRE G ET STMG', ['20110019110', '21131016110'], 'association'],
      ['2NDE1', 'SECONDE 1', ['20010018110'], 'association'],
      ['TS1', 'TERMINALE S1', ['20211010110'], undefined],
    ]);
    expect(Object.keys(referenceStateOf(snapshot).groups)).toEqual(['ESP2_G1']);

    const again = await parse(history);
    expect(outcomesOf(again)).toEqual({ unchanged: 4 });
    expect(commandsOf(again)).toEqual([]);
  });

  it('adds missing MEFs to existing classes, reports the differences and never removes anything', async () => {
    const history = applyCommands(await withNomenclature(), [
      { type: 'CreateClass', payload: { uai: UAI, year: YEAR, classCode: '2NDE1', label: 'Seconde 1' } },
      { type: 'AssignFormation', payload: { uai: UAI, year: YEAR, classCode: '2NDE1', formationCode: '20010018110' } },
      { type: 'AssignFormation', payload: { uai: UAI, year: YEAR, classCode: '2NDE1', formationCode: '20010015110' } },
      { type: 'SetClassContract', payload: { uai: UAI, year: YEAR, classCode: '2NDE1', contractType: 'hors-contrat' } },
      { type: 'CreateClass', payload: { uai: UAI, year: YEAR, classCode: '1G-STMG', label: 'PREMIÈRE G ET STMG' } },
      { type: 'AssignFormation', payload: { uai: UAI, year: YEAR, classCode: '1G-STMG', formationCode: '20110019110' } },
      { type: 'CreateClass', payload: { uai: UAI, year: YEAR, classCode: 'TL1', label: 'Terminale L' } },
    ]);
    const plan = await parse(history);
    expect(plan.rows[0]).toEqual({
      ref: 'division 2NDE1',
      outcome: 'update',
      subject: 'SECONDE 1 (2NDE1)',
      message:
        'MEF 20010015110 de la classe absent(s) de SIECLE : non retiré(s), à vérifier ; ' +
        'contrat d’association dans SIECLE, hors contrat dans Liaison : non modifié, à vérifier ; ' +
        'libellé « SECONDE 1 » dans le fichier, « Seconde 1 » dans Liaison : non modifié ; ' +
        'division enregistrée dans les données de référence SIECLE',
      commands: [expect.objectContaining({ type: 'DeclareSiecleStructures' })],
    });
    expect(plan.rows[1]).toMatchObject({
      outcome: 'update',
      message: 'MEF 21131016110 ajouté(s) à la classe ; contrat d’association renseigné',
      commands: [
        { type: 'AssignFormation', payload: { uai: UAI, year: YEAR, classCode: '1G-STMG', formationCode: '21131016110' } },
        { type: 'SetClassContract', payload: { uai: UAI, year: YEAR, classCode: '1G-STMG', contractType: 'association' } },
      ],
    });
    expect(commandsOf(plan).some((c) => c.type.startsWith('Unassign') || c.type === 'CloseClass')).toBe(false);
    expect(plan.notes).toContain('classe(s) de Liaison absente(s) du fichier, non supprimée(s) : TL1');
    expect(plan.notes).toContain('division(s) dont la classe diffère de SIECLE, à vérifier : 2NDE1');
  });

  it('rejects a division whose MEF the year does not know (the nomenclature comes first)', async () => {
    const plan = await parse(openedSchool(UAI, YEAR));
    expect(plan.rows.filter((r) => r.outcome === 'rejected').map((r) => [r.ref, r.message])).toEqual([
      [
        'division 2NDE1',
        'aucune formation n’est déclarée pour 2019-2020 : importez d’abord Nomenclature.xml (siecle.nomenclature)',
      ],
      [
        'division 1G-STMG',
        'aucune formation n’est déclarée pour 2019-2020 : importez d’abord Nomenclature.xml (siecle.nomenclature)',
      ],
      [
        'division TS1',
        'aucune formation n’est déclarée pour 2019-2020 : importez d’abord Nomenclature.xml (siecle.nomenclature)',
      ],
    ]);
    const edited = iconv.encode(
      iconv.decode(Buffer.from(structures), 'iso-8859-15').replace('20211010110', '20211099110'),
      'iso-8859-15',
    );
    const one = await parse(await withNomenclature(), new Uint8Array(edited));
    expect(one.rows.find((r) => r.ref === 'division TS1')).toEqual({
      ref: 'division TS1',
      outcome: 'rejected',
      subject: 'TERMINALE S1 (TS1)',
      message:
        'MEF 20211099110 absent(s) de la nomenclature de 2019-2020 : importez d’abord le Nomenclature.xml qui le(s) contient',
    });
  });

  it('refuses another year’s or another school’s file, and a file that is not Structures.xml', async () => {
    await expect(
      importer.parse(structures, {
        uai: UAI,
        year: 2020,
        fileName: 'Structures.xml',
        snapshot: snapshotOf(UAI, 2020, openedSchool(UAI, 2020)),
      }),
    ).rejects.toThrow(new ImportFileError('ce fichier est de l’année 2019-2020, pas de 2020-2021'));
    await expect(
      parse(await withNomenclature(), readReference('nomenclature/lycee-arago-0750680G/Nomenclature-2019-20.xml')),
    ).rejects.toThrow(
      /^ce fichier est un export Nomenclature de SIECLE \(Nomenclature\.xml\) et non un export Structures de SIECLE/,
    );
  });
});
