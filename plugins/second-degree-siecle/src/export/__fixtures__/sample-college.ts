import { type Command, type SchoolSnapshot, streamIds } from '@liaison/domain';
import { snapshotFromEvents, stream, type StreamHistory } from '@liaison/domain/testing';
import {
  ClassCoded,
  ClassContractSet,
  ClassCreated,
  EstablishmentRegistered,
  FormationAssigned,
  FormationsDeclared,
  GuardianAdded,
  GuardianRegistered,
  type NewEvent,
  NationalIdAssigned,
  PupilEnrolled,
  PupilExited,
  PupilPreEnrolled,
  PupilRegistered,
  PupilSchoolingSet,
  PupilSiecleIdSet,
  YearOpened,
} from '@liaison/events';
import { sendCommands } from '../../send/send-commands';
import { sendAggregate } from '../../send/send-evolve';
import { siecleStreamId } from '../../send/send-state';

/**
 * A small collège under contract of association, through the core events as the server stores
 * them: three classes (one holding two MEFs), a pupil born abroad who was here last year,
 * accents and a Latin-9-only letter (Œ), siblings sharing their parents, a guardian living
 * abroad, a contact and a person in charge, a pupil who left in January and a pre-enrolled
 * one. Exportable: warnings only (SIECLE defaults applied).
 */
export const UAI = '0753999P';
export const YEAR = 2026;
/** 15 January 2027, 16:22:23 in Paris. */
export const PRODUCED_AT = '2027-01-15T15:22:23.000Z';

export const MEFS = [
  { code: '10010012110', label: '6EME' },
  { code: '10110001110', label: '5EME' },
  { code: '10210001110', label: '4EME' },
  { code: '10310019110', label: '3EME' },
];

const ref = { uai: UAI, year: YEAR };

export const establishmentStream = (contract: 'association' | 'simple' | 'hors-contrat' = 'association'): StreamHistory =>
  stream(
    streamIds.establishment(UAI),
    EstablishmentRegistered.create({ uai: UAI, name: 'Collège Saint-Joseph', degree: 'second', contract }),
  );

export function yearStream(year = YEAR, mefs = MEFS): StreamHistory {
  const r = { uai: UAI, year };
  return stream(
    streamIds.year(UAI, year),
    YearOpened.create(r),
    ...(mefs.length > 0 ? [FormationsDeclared.create({ ...r, source: 'test', entries: mefs })] : []),
  );
}

export function classStream(
  classCode: string,
  label: string,
  formations: string[],
  rectoratCode?: string,
  year = YEAR,
): StreamHistory {
  const r = { uai: UAI, year, classCode };
  return stream(
    streamIds.class(UAI, year, classCode),
    ClassCreated.create({ ...r, label }),
    ...(rectoratCode ? [ClassCoded.create({ ...r, rectoratCode })] : []),
    ClassContractSet.create({ ...r, contractType: 'association' }),
    ...formations.map((formationCode) => FormationAssigned.create({ ...r, formationCode })),
  );
}

interface PersonInput {
  civility: 'M.' | 'MME';
  lastName: string;
  firstName: string;
  usageName?: string;
  address: { line1: string; line2?: string; postalCode?: string; commune: string; country: string };
  phone?: string;
  mobile?: string;
  email?: string;
  profession?: string;
}

export const guardianStream = (guardianId: string, person: PersonInput): StreamHistory =>
  stream(streamIds.guardian(UAI, guardianId), GuardianRegistered.create({ uai: UAI, guardianId, ...person }));

export const linked = (
  pupilId: string,
  guardianId: string,
  link: string,
  legalLevel: 1 | 2 | 3 = 1,
  livesWith?: boolean,
): NewEvent =>
  GuardianAdded.create({
    uai: UAI,
    pupilId,
    guardianId,
    link,
    legalLevel,
    parentalAuthority: legalLevel === 1,
    ...(livesWith === undefined ? {} : { livesWith }),
  });

export const pupilStream = (pupilId: string, ...events: NewEvent[]): StreamHistory =>
  stream(streamIds.pupil(UAI, pupilId), ...events);

export const schooling = (
  pupilId: string,
  values: { regime?: string; statut?: string; transport?: boolean; doublement?: boolean },
  year = YEAR,
) => PupilSchoolingSet.create({ uai: UAI, year, pupilId, ...values });

const paris = { line1: "12 rue de l'Église", line2: 'Bâtiment B', postalCode: '75012', commune: 'Paris', country: '100' };

export function sampleHistory(): StreamHistory[] {
  return [
    establishmentStream(),
    yearStream(2025),
    yearStream(),
    classStream('6A', '6e A', ['10010012110'], '6A'),
    classStream('5A', '5e A', ['10110001110'], '5A'),
    classStream('43U', '4e-3e ULIS', ['10210001110', '10310019110'], '4-3ULIS'),
    guardianStream('G1', {
      civility: 'MME',
      lastName: 'Lefèvre',
      firstName: 'Hélène',
      address: { ...paris },
      mobile: '06 12 34 56 78',
      email: 'helene.lefevre@example.fr',
      profession: '37',
    }),
    guardianStream('G2', {
      civility: 'M.',
      lastName: 'Lefèvre',
      firstName: 'François',
      address: { ...paris },
      phone: '01 43 00 00 00',
    }),
    guardianStream('G3', {
      civility: 'MME',
      lastName: 'N’Diaye',
      firstName: 'Aïssatou',
      address: { line1: '3 avenue Jean-Jaurès', postalCode: '93200', commune: 'Saint-Denis', country: '100' },
      profession: '56',
    }),
    guardianStream('G4', {
      civility: 'M.',
      lastName: "N'Diaye",
      firstName: 'Moussa',
      address: { line1: 'Rue 10, Médina', commune: 'Dakar', country: '341' },
      profession: '99',
    }),
    guardianStream('G5', {
      civility: 'MME',
      lastName: 'Diop',
      firstName: 'Awa',
      address: { line1: '5 rue des Lilas', postalCode: '93200', commune: 'Saint-Denis', country: '100' },
      mobile: '+33612345678',
      profession: '54',
    }),
    guardianStream('G6', {
      civility: 'M.',
      lastName: 'Cœur',
      firstName: 'Benoît',
      address: { line1: '8 place du Marché', postalCode: '92100', commune: 'Boulogne-Billancourt', country: '100' },
      profession: '99',
    }),
    guardianStream('G7', {
      civility: 'MME',
      lastName: 'Petit',
      usageName: 'Durand',
      firstName: 'Anne',
      address: { line1: '1 rue Neuve', postalCode: '75011', commune: 'Paris', country: '100' },
      profession: '43',
    }),
    pupilStream(
      'P001',
      PupilRegistered.create({
        uai: UAI,
        pupilId: 'P001',
        lastName: 'Lefèvre',
        firstName: 'Léa',
        sex: 'F',
        birthDate: '2015-03-14',
        nationality: '100',
        birthPlace: { country: '100', department: '075', communeCode: '75112', city: 'Paris 12e Arrondissement' },
        previousSchool: { uai: '0750001U', provenance: '1' },
      }),
      linked('P001', 'G1', '10', 1, true),
      linked('P001', 'G2', '20', 1, true),
      PupilEnrolled.create({ ...ref, pupilId: 'P001', classCode: '6A', entryDate: '2026-09-01' }),
      schooling('P001', { regime: '2', statut: 'ST', transport: false, doublement: false }),
      NationalIdAssigned.create({ uai: UAI, pupilId: 'P001', ine: '070832327JA' }),
    ),
    pupilStream(
      'P002',
      PupilRegistered.create({
        uai: UAI,
        pupilId: 'P002',
        lastName: "N'Diaye",
        firstName: 'Moussa',
        sex: 'M',
        birthDate: '2014-05-02',
        nationality: '341',
        birthPlace: { country: '341', city: 'Dakar' },
      }),
      linked('P002', 'G3', '10', 1, true),
      linked('P002', 'G4', '20', 1, false),
      linked('P002', 'G5', '39', 3),
      PupilEnrolled.create({
        uai: UAI,
        year: 2025,
        pupilId: 'P002',
        classCode: '6A',
        entryDate: '2025-09-01',
        formationCode: '10010012110',
      }),
      PupilEnrolled.create({ ...ref, pupilId: 'P002', classCode: '5A', entryDate: '2026-09-01' }),
      PupilSiecleIdSet.create({ uai: UAI, pupilId: 'P002', eleveId: '1651077' }),
    ),
    pupilStream(
      'P003',
      PupilRegistered.create({
        uai: UAI,
        pupilId: 'P003',
        lastName: 'Martin-Cœur',
        usageName: 'Martin',
        firstName: 'Chloé',
        firstName2: 'Anne',
        sex: 'F',
        birthDate: '2012-11-20',
        nationality: '100',
        birthPlace: { country: '100', department: '092', communeCode: '92012' },
        previousSchool: { department: '092', provenance: '3', formationCode: '10210001110', classCode: '4B' },
      }),
      linked('P003', 'G6', '50', 1, true),
      linked('P003', 'G7', '90', 2, false),
      PupilEnrolled.create({ ...ref, pupilId: 'P003', classCode: '43U', entryDate: '2026-09-03', formationCode: '10310019110' }),
      schooling('P003', { regime: '3', statut: 'ST', transport: true, doublement: true }),
      NationalIdAssigned.create({ uai: UAI, pupilId: 'P003', ine: '0113014881M' }),
    ),
    pupilStream(
      'P004',
      PupilRegistered.create({
        uai: UAI,
        pupilId: 'P004',
        lastName: 'Lefèvre',
        firstName: 'Hugo',
        sex: 'M',
        birthDate: '2013-07-07',
        nationality: '100',
        birthPlace: { country: '100', communeCode: '75112' },
        previousSchool: { uai: UAI, provenance: '2', formationCode: '10010012110' },
      }),
      linked('P004', 'G1', '10', 1, true),
      linked('P004', 'G2', '20', 1, true),
      PupilEnrolled.create({ ...ref, pupilId: 'P004', classCode: '5A', entryDate: '2026-09-01' }),
      schooling('P004', { regime: '0', statut: 'ST', transport: false, doublement: false }),
      PupilExited.create({ ...ref, pupilId: 'P004', exitDate: '2027-01-08', motive: '13' }),
    ),
    pupilStream(
      'P005',
      PupilRegistered.create({
        uai: UAI,
        pupilId: 'P005',
        lastName: 'Roux',
        firstName: 'Inès',
        sex: 'F',
        birthDate: '2016-02-02',
      }),
      PupilPreEnrolled.create({ ...ref, pupilId: 'P005', classCode: '6A' }),
    ),
  ];
}

export const pluginAggregates = { siecle: sendAggregate } as Record<string, typeof sendAggregate> as never;

export const snapshotOf = (history: readonly StreamHistory[], time = PRODUCED_AT): SchoolSnapshot =>
  snapshotFromEvents(UAI, YEAR, history, { time, pluginAggregates });

export const sampleSnapshot = () => snapshotOf(sampleHistory());

const definitions = new Map(sendCommands.map((d) => [d.type, d]));

/**
 * Runs the send ledger's commands through their decider as the server would (payload checked,
 * state folded, decision appended to `siecle-<UAI>`), returning the history with the new events.
 */
export function applySendCommands(history: readonly StreamHistory[], commands: readonly Command[]): StreamHistory[] {
  let current = [...history];
  for (const command of commands) {
    const definition = definitions.get(command.type);
    if (!definition) throw new Error(`unknown command ${command.type}`);
    const payload = definition.payload.parse(command.payload);
    const streamId = definition.streamId(payload);
    const past = current.filter((s) => s.streamId === streamId).flatMap((s) => s.events);
    let state = definition.decider.initialState();
    for (const e of past) state = definition.decider.evolve(state, e);
    const decision = definition.decider.decide({ type: command.type, payload }, state, {});
    current = [...current, stream(streamId, ...decision.events)];
  }
  return current;
}

export const siecleStream = () => siecleStreamId(UAI);
