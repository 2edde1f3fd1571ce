import { type ImportPlan } from '@liaison/domain';
import { type StreamHistory } from '@liaison/domain/testing';
import { elevesImporter } from './eleves-importer';
import { lyceeWithPupils, PRIVATE_IDS, UAI, YEAR } from './__fixtures__/pupils';
import {
  applyCommands,
  commandsOf,
  guardian,
  openedSchool,
  outcomesOf,
  readConstructed,
  readReference,
  snapshotOf,
  validateCommands,
} from './__fixtures__/school';
import { responsablesImporter } from './responsables-importer';

const importer = responsablesImporter();
const DOSSIERSCO = 'responsables/dossiersco-test-fixtures/responsables_avec_adresses_simple.xml';

/** The dossiersco fixture's school (0140070A, 2018-2019) with the two pupils its links name. */
function caenSchool(withSiecleIds = true): StreamHistory[] {
  const uai = '0140070A';
  return applyCommands(openedSchool(uai, 2018, 'Collège de Caen'), [
    {
      type: 'RegisterPupil',
      payload: {
        uai,
        pupilId: 'E1',
        lastName: 'ROCK',
        firstName: 'Jean',
        sex: 'M',
        birthDate: '2006-02-03',
        guardians: [guardian('G1', 'MME', 'ROCK', 'Maryline'), guardian('G2', 'MME', 'TRUC', 'Bidule')],
      },
    },
    {
      type: 'RegisterPupil',
      payload: {
        uai,
        pupilId: 'E2',
        lastName: 'LOVELACE',
        firstName: 'Byron',
        sex: 'M',
        birthDate: '2007-12-10',
        guardians: [guardian('G3', 'MME', 'Lovelace', 'Ada')],
      },
    },
    ...(withSiecleIds
      ? [
          { type: 'SetPupilSiecleId', payload: { uai, pupilId: 'E1', eleveId: '610308' } },
          { type: 'SetPupilSiecleId', payload: { uai, pupilId: 'E2', eleveId: '610305' } },
        ]
      : []),
  ]);
}

const parse = (
  bytes: Uint8Array,
  uai: string,
  year: number,
  history: StreamHistory[],
  guardianPrivateIds?: Record<string, number>,
): Promise<ImportPlan> =>
  importer.parse(bytes, {
    uai,
    year,
    fileName: 'ResponsablesAvecAdresses.xml',
    snapshot: snapshotOf(uai, year, history, guardianPrivateIds ? { guardianPrivateIds } : undefined),
  });

describe('siecle.responsables on the dossiersco fixture (post-2018 model)', () => {
  const bytes = readReference(DOSSIERSCO);

  it('gives each guardian its PERSONNE_ID through the pupils’ ELEVE_ID and the names', async () => {
    const plan = await parse(bytes, '0140070A', 2018, caenSchool());
    validateCommands(commandsOf(plan));
    expect(plan.rows.map((r) => [r.ref, r.subject, r.outcome, r.message])).toEqual([
      [
        'PERSONNE_ID 209401',
        'MME ROCK Maryline',
        'update',
        'rapproché de ROCK Maryline (G1) par élève lié, nom et prénom ; PERSONNE_ID 209401 enregistré',
      ],
      [
        'PERSONNE_ID 209406',
        'MME TRUC Bidule',
        'update',
        'rapproché de TRUC Bidule (G2) par élève lié, nom et prénom ; PERSONNE_ID 209406 enregistré',
      ],
      [
        'PERSONNE_ID 209400',
        'MME LOVELACE Ada',
        'update',
        'rapproché de Lovelace Ada (G3) par élève lié, nom et prénom ; PERSONNE_ID 209400 enregistré',
      ],
    ]);
    expect(commandsOf(plan)[0]).toEqual({
      type: 'SetGuardianSiecleId',
      payload: { uai: '0140070A', guardianId: 'G1', personneId: '209401' },
    });

    const history = applyCommands(caenSchool(), commandsOf(plan));
    expect(snapshotOf('0140070A', 2018, history).guardians.G3?.siecleId).toBe('209400');
    const again = await parse(bytes, '0140070A', 2018, history);
    expect(outcomesOf(again)).toEqual({ unchanged: 3 });
    expect(again.rows[0]?.message).toBe('rapproché de ROCK Maryline (G1) par PERSONNE_ID ; PERSONNE_ID déjà enregistré');
  });

  it('asks for the pupils’ ids first when no linked pupil has one', async () => {
    const plan = await parse(bytes, '0140070A', 2018, caenSchool(false));
    expect(plan.rows[0]).toEqual({
      ref: 'PERSONNE_ID 209401',
      subject: 'MME ROCK Maryline',
      outcome: 'unmatched',
      message:
        'aucun des élèves liés (ELEVE_ID 610308) n’a d’identifiant SIECLE dans Liaison : importez d’abord le fichier des élèves (siecle.eleves)',
    });
    expect(commandsOf(plan)).toEqual([]);
  });

  it('never overwrites another PERSONNE_ID', async () => {
    const history = applyCommands(caenSchool(), [
      { type: 'SetGuardianSiecleId', payload: { uai: '0140070A', guardianId: 'G2', personneId: '999' } },
    ]);
    expect((await parse(bytes, '0140070A', 2018, history)).rows[1]).toMatchObject({
      outcome: 'unmatched',
      message: 'TRUC Bidule (G2) porte déjà le PERSONNE_ID 999 : non remplacé, vérifiez la fiche',
    });
  });

  it('refuses it for another establishment or year', async () => {
    await expect(parse(bytes, '0750680G', 2018, openedSchool('0750680G', 2018))).rejects.toThrow(
      'ce fichier est celui de l’établissement 0140070A, pas de 0750680G',
    );
    await expect(parse(bytes, '0140070A', 2019, openedSchool('0140070A', 2019))).rejects.toThrow(
      'ce fichier est de l’année 2018-2019, pas de 2019-2020',
    );
  });
});

describe('siecle.responsables on the pre-2018 model (constructed)', () => {
  it('matches by ID_PRV_PER and through the pupils, reports an unknown pupil, and notes the model', async () => {
    const pupils = lyceeWithPupils();
    const eleves = await elevesImporter().parse(readConstructed('ElevesSansAdresses.xml'), {
      uai: UAI,
      year: YEAR,
      fileName: 'ElevesSansAdresses.xml',
      snapshot: snapshotOf(UAI, YEAR, pupils, { pupilPrivateIds: PRIVATE_IDS }),
    });
    const history = applyCommands(pupils, commandsOf(eleves));
    const plan = await parse(readConstructed('ResponsablesAvecAdresses-ancien-modele.xml'), UAI, YEAR, history, { G003: 7 });
    expect(plan.rows.map((r) => [r.ref, r.subject, r.outcome, r.message])).toEqual([
      [
        'PERSONNE_ID 300001',
        'MME MARTIN Sophie',
        'update',
        'rapproché de MARTIN Sophie (G001) par élève lié, nom et prénom ; PERSONNE_ID 300001 enregistré',
      ],
      [
        'PERSONNE_ID 300002',
        'M. DUPONT Marc',
        'update',
        'rapproché de DUPONT Marc (G002) par élève lié, nom et prénom ; PERSONNE_ID 300002 enregistré',
      ],
      [
        'PERSONNE_ID 300003',
        'MME DURAND Cécile',
        'update',
        'rapproché de DURAND Cécile (G003) par ID_PRV_PER ; PERSONNE_ID 300003 enregistré',
      ],
      [
        'PERSONNE_ID 300004',
        'M. PETIT Luc',
        'unmatched',
        'aucun des élèves liés (ELEVE_ID 2100004) n’a d’identifiant SIECLE dans Liaison : importez d’abord le fichier des élèves (siecle.eleves)',
      ],
    ]);
    expect(plan.notes).toContain('modèle des responsables antérieur à la réforme de 2018 (RESP_LEGAL)');
  });
});
