import {
  ClassClosed,
  ClassCreated,
  EstablishmentRegistered,
  FormationAssigned,
  FormationsDeclared,
  LanguagesDeclared,
  type NewEvent,
  PupilEnrolled,
  PupilExited,
  PupilPreEnrolled,
  PupilRegistered,
  YearOpened,
} from '@liaison/events';
import { CommandRegistry } from '../../commands/command-registry';
import { guardianCommands } from '../../guardian/guardian-definitions';
import { streamIds } from '../../streams';
import { scenario, stream, type StreamHistory } from '../../testing/given-when-then';
import { pupilCommands } from '../pupil-definitions';

/** Shared set-up of the pupil and guardian specs (no assertions here). */
export const registry = new CommandRegistry().register(...pupilCommands, ...guardianCommands);
export const given = (...streams: StreamHistory[]) => scenario(registry).given(...streams);

export const UAI = '0750680G';
export const YEAR = 2026;
export const PUPIL = 'E001';
export const pupilRef = { uai: UAI, pupilId: PUPIL };
export const yearRef = { ...pupilRef, year: YEAR };
export const pupilStreamId = streamIds.pupil(UAI, PUPIL);

export const cmd = (type: string, payload: Record<string, unknown>) => ({ type, payload });

export const registered = PupilRegistered.create({
  ...pupilRef,
  lastName: 'DUPONT',
  firstName: 'Marie',
  sex: 'F',
  birthDate: '2015-03-14',
});
export const pupil = (...events: NewEvent[]) => stream(pupilStreamId, registered, ...events);

export const establishment = (degree: 'first' | 'second') =>
  stream(
    streamIds.establishment(UAI),
    EstablishmentRegistered.create({ uai: UAI, name: 'Lycée Arago', degree, contract: 'association' }),
  );

/** An open year with the given formation codes declared (none: no nomenclature yet). */
export const openYear = (year: number, formations: string[] = [], languages: string[] = []) =>
  stream(
    streamIds.year(UAI, year),
    YearOpened.create({ uai: UAI, year }),
    ...(formations.length > 0
      ? [
          FormationsDeclared.create({
            uai: UAI,
            year,
            source: 'test',
            entries: formations.map((code) => ({ code, label: code })),
          }),
        ]
      : []),
    ...(languages.length > 0
      ? [LanguagesDeclared.create({ uai: UAI, year, source: 'test', entries: languages.map((code) => ({ code, label: code })) })]
      : []),
  );

/** Formations of year + 1 only, as a nomenclature imported before the year is opened. */
export const nextYearFormations = (year: number, formations: string[]) =>
  stream(
    streamIds.year(UAI, year),
    FormationsDeclared.create({ uai: UAI, year, source: 'test', entries: formations.map((code) => ({ code, label: code })) }),
  );

export const aClass = (classCode: string, formations: string[] = [], options: { year?: number; closedOn?: string } = {}) => {
  const year = options.year ?? YEAR;
  const ref = { uai: UAI, year, classCode };
  return stream(
    streamIds.class(UAI, year, classCode),
    ClassCreated.create({ ...ref, label: classCode }),
    ...formations.map((formationCode) => FormationAssigned.create({ ...ref, formationCode })),
    ...(options.closedOn ? [ClassClosed.create({ ...ref, closedOn: options.closedOn })] : []),
  );
};

export const enrolled = (classCode = '6A', formationCode?: string, entryDate = '2026-09-01', year = YEAR) =>
  PupilEnrolled.create({ ...pupilRef, year, classCode, entryDate, ...(formationCode ? { formationCode } : {}) });
export const preEnrolled = (fields: { classCode?: string; formationCode?: string } = {}, year = YEAR) =>
  PupilPreEnrolled.create({ ...pupilRef, year, ...fields });
export const exited = (exitDate = '2027-01-15', motive = '11', year = YEAR) =>
  PupilExited.create({ ...pupilRef, year, exitDate, motive });

/** A MEF of 6e and one of 5e, as SIECLE's nomenclature has them. */
export const MEF_6E = '10010012110';
export const MEF_5E = '10110001110';

export const guardianInput = {
  guardianId: 'G1',
  civility: 'MME',
  lastName: 'DUPONT',
  firstName: 'Claire',
  link: '10',
  legalLevel: 1,
  parentalAuthority: true,
  address: { line1: '3 rue de la Paix', postalCode: '75002', commune: 'Paris', country: '100' },
  mobile: '06 12 34 56 78',
} as const;

export const guardianPerson = {
  civility: 'MME' as const,
  lastName: 'DUPONT',
  firstName: 'Claire',
  address: { line1: '3 rue de la Paix', postalCode: '75002', commune: 'Paris', country: '100' },
  mobile: '06 12 34 56 78',
};
export const guardianRelation = { link: '10', legalLevel: 1 as const, parentalAuthority: true };
