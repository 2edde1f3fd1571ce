import { streamIds } from '@liaison/domain';
import { snapshotFromEvents, stream, type StreamHistory } from '@liaison/domain/testing';
import {
  ClassCoded,
  ClassContractSet,
  ClassCreated,
  ClassTypeSet,
  ClassTypesDeclared,
  EstablishmentRegistered,
  FormationAssigned,
  FormationsDeclared,
  GuardianAdded,
  GuardianRegistered,
  LanguagesDeclared,
  NationalIdAssigned,
  type NewEvent,
  PupilDispositifsSet,
  PupilEnrolled,
  PupilExited,
  PupilLanguagesSet,
  PupilPreEnrolled,
  PupilRegistered,
  YearOpened,
} from '@liaison/events';

/**
 * A small école under contract, built through the core events as the server would store them:
 * three classes (one of them CE2-CM1), pupils with accents and a Latin-9-only letter (Œ),
 * siblings sharing their parents, a pupil born abroad with a UPE2A dispositif, one who left in
 * February, and two pre-enrolled pupils. Compliant: it only has warnings.
 */
export const UAI = '0754321P';
export const YEAR = 2026;
export const PRODUCED_AT = '2027-03-15T10:30:42.000Z';

const ref = { uai: UAI, year: YEAR };

export const LEVELS = [
  { code: 'TPS', label: 'Toute petite section', cycle: '1' },
  { code: 'PS', label: 'Petite section', cycle: '1' },
  { code: 'MS', label: 'Moyenne section', cycle: '1' },
  { code: 'GS', label: 'Grande section', cycle: '1' },
  { code: 'CP', label: 'Cours préparatoire', cycle: '2' },
  { code: 'CE1', label: 'Cours élémentaire 1re année', cycle: '2' },
  { code: 'CE2', label: 'Cours élémentaire 2e année', cycle: '2' },
  { code: 'CM1', label: 'Cours moyen 1re année', cycle: '3' },
  { code: 'CM2', label: 'Cours moyen 2e année', cycle: '3' },
];

export function establishmentStream(degree: 'first' | 'second' = 'first'): StreamHistory {
  return stream(streamIds.establishment(UAI), EstablishmentRegistered.create({ uai: UAI, name: 'École Sainte-Thérèse', degree, contract: 'association' }));
}

export function yearStream(year = YEAR, withNomenclature = true): StreamHistory {
  const r = { uai: UAI, year };
  return stream(
    streamIds.year(UAI, year),
    YearOpened.create(r),
    ...(withNomenclature
      ? [
          FormationsDeclared.create({ ...r, source: 'test', entries: LEVELS }),
          LanguagesDeclared.create({
            ...r,
            source: 'test',
            entries: [
              { code: 'ENG', label: 'Anglais' },
              { code: 'GER', label: 'Allemand' },
              { code: 'SPA', label: 'Espagnol' },
            ],
          }),
          ClassTypesDeclared.create({ ...r, source: 'test', entries: [{ code: 'ordinaire', label: 'Ordinaire' }] }),
        ]
      : []),
  );
}

export function classStream(classCode: string, label: string, formations: string[], rectoratCode: string, year = YEAR): StreamHistory {
  const r = { uai: UAI, year, classCode };
  return stream(
    streamIds.class(UAI, year, classCode),
    ClassCreated.create({ ...r, label }),
    ClassCoded.create({ ...r, rectoratCode }),
    ClassContractSet.create({ ...r, contractType: 'association' }),
    ClassTypeSet.create({ ...r, classType: 'ordinaire' }),
    ...formations.map((formationCode) => FormationAssigned.create({ ...r, formationCode })),
  );
}

interface PersonInput {
  civility: 'M.' | 'MME';
  lastName: string;
  firstName: string;
  address: { line1: string; line2?: string; postalCode?: string; commune: string; country: string };
  mobile?: string;
  phone?: string;
  email?: string;
}

export const guardianStream = (guardianId: string, person: PersonInput): StreamHistory =>
  stream(streamIds.guardian(UAI, guardianId), GuardianRegistered.create({ uai: UAI, guardianId, ...person }));

export const linked = (pupilId: string, guardianId: string, link: string, parentalAuthority = true, legalLevel: 1 | 2 | 3 = 1): NewEvent =>
  GuardianAdded.create({ uai: UAI, pupilId, guardianId, link, legalLevel, parentalAuthority });

export const pupilStream = (pupilId: string, ...events: NewEvent[]): StreamHistory => stream(streamIds.pupil(UAI, pupilId), ...events);

const home = { line1: "12 rue de l'Église", line2: 'Bâtiment B', postalCode: '75012', commune: 'Paris', country: '100' };

export function sampleHistory(): StreamHistory[] {
  return [
    establishmentStream(),
    yearStream(),
    classStream('CP', 'CP Mme Lefort', ['CP'], 'CPA'),
    classStream('CE2CM1', 'CE2-CM1 M. Hervé', ['CE2', 'CM1'], 'CE2CM1'),
    classStream('MS', 'MS Mme Noël', ['MS'], 'MSA'),
    guardianStream('G1', { civility: 'MME', lastName: 'Lefèvre', firstName: 'Hélène', address: { ...home }, mobile: '06 12 34 56 78', email: 'helene.lefevre@example.fr' }),
    guardianStream('G2', { civility: 'M.', lastName: 'Lefèvre', firstName: 'François', address: { ...home }, phone: '01 43 00 00 00' }),
    guardianStream('G3', { civility: 'MME', lastName: "N'Diaye", firstName: 'Aïssatou', address: { line1: '3 avenue Jean-Jaurès', postalCode: '93200', commune: 'Saint-Denis', country: '100' } }),
    guardianStream('G4', { civility: 'M.', lastName: "N'Diaye", firstName: 'Moussa', address: { line1: 'Rue 10, Médina', commune: 'Dakar', country: '341' } }),
    guardianStream('G5', { civility: 'MME', lastName: 'Cœur', firstName: 'Bénédicte', address: { line1: '8 place du Marché; entrée "cour"', postalCode: '92100', commune: 'Boulogne-Billancourt', country: '100' } }),
    guardianStream('G6', { civility: 'MME', lastName: 'Petit', firstName: 'Anne', address: { line1: '1 rue Neuve', postalCode: '75011', commune: 'Paris', country: '100' } }),
    pupilStream(
      'E001',
      PupilRegistered.create({ uai: UAI, pupilId: 'E001', lastName: 'Lefèvre', firstName: 'Éloïse', firstName2: 'Marie', sex: 'F', birthDate: '2020-03-14', birthPlace: { country: '100', department: '075', communeCode: '75112', city: 'Paris 12e Arrondissement' } }),
      linked('E001', 'G1', '10'),
      linked('E001', 'G2', '20'),
      PupilEnrolled.create({ ...ref, pupilId: 'E001', classCode: 'CP', entryDate: '2026-09-01' }),
      PupilLanguagesSet.create({ ...ref, pupilId: 'E001', lv1: 'ENG' }),
      NationalIdAssigned.create({ uai: UAI, pupilId: 'E001', ine: '070832327JA' }),
    ),
    pupilStream(
      'E002',
      PupilRegistered.create({ uai: UAI, pupilId: 'E002', lastName: "N'Diaye", firstName: 'Moussa', sex: 'M', birthDate: '2017-05-02', birthPlace: { country: '341', city: 'Dakar' }, previousSchool: { uai: '0931434D', provenance: '1' } }),
      linked('E002', 'G3', '10'),
      linked('E002', 'G4', '20'),
      PupilEnrolled.create({ ...ref, pupilId: 'E002', classCode: 'CE2CM1', entryDate: '2026-11-05', formationCode: 'CE2' }),
      PupilLanguagesSet.create({ ...ref, pupilId: 'E002', lv1: 'ENG', lv2: 'GER' }),
      PupilDispositifsSet.create({ ...ref, pupilId: 'E002', dispositifs: ['UPE2A'] }),
    ),
    pupilStream(
      'E003',
      PupilRegistered.create({ uai: UAI, pupilId: 'E003', lastName: 'Martin', usageName: 'Martin-Cœur', firstName: 'Lucas', sex: 'M', birthDate: '2016-11-20', birthPlace: { country: '100', department: '092', city: 'Boulogne-Billancourt' } }),
      linked('E003', 'G5', '50'),
      PupilEnrolled.create({ ...ref, pupilId: 'E003', classCode: 'CE2CM1', entryDate: '2026-09-01', formationCode: 'CM1' }),
      PupilLanguagesSet.create({ ...ref, pupilId: 'E003', lv1: 'SPA' }),
      PupilDispositifsSet.create({ ...ref, pupilId: 'E003', dispositifs: ['ULIS', 'PAP'] }),
      NationalIdAssigned.create({ uai: UAI, pupilId: 'E003', ine: '0113014881M' }),
      PupilExited.create({ ...ref, pupilId: 'E003', exitDate: '2027-02-10', motive: '42' }),
    ),
    pupilStream(
      'E004',
      PupilRegistered.create({ uai: UAI, pupilId: 'E004', lastName: 'Lefèvre', firstName: 'Jules', sex: 'M', birthDate: '2022-01-30', birthPlace: { country: '100', department: '075', city: 'Paris' } }),
      linked('E004', 'G1', '10'),
      linked('E004', 'G2', '20'),
      linked('E004', 'G6', '39', false, 3),
      PupilEnrolled.create({ ...ref, pupilId: 'E004', classCode: 'MS', entryDate: '2026-09-01' }),
      NationalIdAssigned.create({ uai: UAI, pupilId: 'E004', ine: '123456789FJ' }),
    ),
    pupilStream(
      'E005',
      PupilRegistered.create({ uai: UAI, pupilId: 'E005', lastName: 'Bernard', firstName: 'Inès', sex: 'F', birthDate: '2024-10-02' }),
      PupilPreEnrolled.create({ ...ref, pupilId: 'E005', formationCode: 'TPS' }),
    ),
    pupilStream(
      'E006',
      PupilRegistered.create({ uai: UAI, pupilId: 'E006', lastName: 'Roux', firstName: 'Noé', sex: 'M', birthDate: '2020-07-07' }),
      PupilPreEnrolled.create({ ...ref, pupilId: 'E006', classCode: 'CP' }),
    ),
  ];
}

export const sampleSnapshot = () => snapshotFromEvents(UAI, YEAR, sampleHistory(), { time: PRODUCED_AT });

/** A deep copy to break in one place for a failing case. */
export const brokenSample = () => structuredClone(sampleSnapshot());
