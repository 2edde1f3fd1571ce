import { type FormationEntry, type NomenclatureEntry } from './nomenclatures';

/**
 * The core commands the demo sends, built with PRODUCT.md's payloads. Only this file knows
 * their shapes, so a payload change is a change here.
 */

export interface RawCommand {
  type: string;
  payload: Record<string, unknown>;
}

export interface Address {
  line1: string;
  line2?: string;
  postalCode?: string;
  commune: string;
  country: string;
}

export interface GuardianPerson {
  civility: 'M.' | 'MME';
  lastName: string;
  firstName: string;
  usageName?: string;
  address: Address;
  phone?: string;
  mobile?: string;
  email?: string;
  profession?: string;
}

export interface GuardianRelation {
  link: string;
  legalLevel: 1 | 2 | 3;
  parentalAuthority: boolean;
  livesWith?: boolean;
}

export interface Guardian extends GuardianPerson, GuardianRelation {
  guardianId: string;
}

export interface BirthPlace {
  country: string;
  department?: string;
  communeCode?: string;
  city?: string;
}

export interface PreviousSchool {
  uai?: string;
  department?: string;
  provenance?: string;
  formationCode?: string;
  classCode?: string;
}

export interface Identity {
  lastName: string;
  firstName: string;
  sex: 'M' | 'F';
  birthDate: string;
  usageName?: string;
  firstName2?: string;
  firstName3?: string;
  birthPlace?: BirthPlace;
  nationality?: string;
  previousSchool?: PreviousSchool;
}

export type PlanDecision = 'passage' | 'redoublement' | 'sortie';

export interface NextYearPlan {
  decision: PlanDecision;
  formationCode?: string;
  classCode?: string;
  motive?: string;
  exitDate?: string;
}

/** Drops the keys whose value is undefined, so payloads carry only what is set. */
function compact<T extends object>(value: T): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}

const command = (type: string, payload: object): RawCommand => ({ type, payload: compact(payload) });

export const cmd = {
  registerEstablishment: (uai: string, name: string, degree: 'first' | 'second', contract: string) =>
    command('RegisterEstablishment', { uai, name, degree, contract }),
  openYear: (uai: string, year: number) => command('OpenYear', { uai, year }),
  declareFormations: (uai: string, year: number, source: string, entries: readonly FormationEntry[]) =>
    command('DeclareFormations', { uai, year, source, entries: entries.map((e) => compact(e)) }),
  declareLanguages: (uai: string, year: number, source: string, entries: readonly NomenclatureEntry[]) =>
    command('DeclareLanguages', { uai, year, source, entries: entries.map((e) => compact(e)) }),
  declareClassTypes: (uai: string, year: number, source: string, entries: readonly NomenclatureEntry[]) =>
    command('DeclareClassTypes', { uai, year, source, entries: entries.map((e) => compact(e)) }),

  createClass: (uai: string, year: number, classCode: string, label: string) =>
    command('CreateClass', { uai, year, classCode, label }),
  codeClass: (uai: string, year: number, classCode: string, rectoratCode: string) =>
    command('CodeClass', { uai, year, classCode, rectoratCode }),
  setClassContract: (uai: string, year: number, classCode: string, contractType: string) =>
    command('SetClassContract', { uai, year, classCode, contractType }),
  setClassType: (uai: string, year: number, classCode: string, classType: string) =>
    command('SetClassType', { uai, year, classCode, classType }),
  assignFormation: (uai: string, year: number, classCode: string, formationCode: string) =>
    command('AssignFormation', { uai, year, classCode, formationCode }),

  registerPupil: (uai: string, pupilId: string, identity: Identity, guardians: readonly Guardian[]) =>
    command('RegisterPupil', {
      uai,
      pupilId,
      ...identity,
      guardians: guardians.length > 0 ? guardians.map((g) => compact({ ...g, address: compact(g.address) })) : undefined,
    }),
  addGuardian: (uai: string, pupilId: string, guardian: Guardian) =>
    command('AddGuardian', { uai, pupilId, guardian: compact({ ...guardian, address: compact(guardian.address) }) }),
  correctGuardian: (uai: string, pupilId: string, guardianId: string, changes: Partial<GuardianPerson & GuardianRelation>) =>
    command('CorrectGuardian', { uai, pupilId, guardian: { guardianId, ...changes } }),
  correctPupilIdentity: (uai: string, pupilId: string, changes: Partial<Identity>) =>
    command('CorrectPupilIdentity', { uai, pupilId, ...changes }),
  assignNationalId: (uai: string, pupilId: string, ine: string) => command('AssignNationalId', { uai, pupilId, ine }),

  preEnrolPupil: (uai: string, year: number, pupilId: string, formationCode?: string, classCode?: string) =>
    command('PreEnrolPupil', { uai, year, pupilId, classCode, formationCode }),
  enrolPupil: (uai: string, year: number, pupilId: string, classCode: string, entryDate: string, formationCode?: string) =>
    command('EnrolPupil', { uai, year, pupilId, classCode, entryDate, formationCode }),
  changePupilClass: (uai: string, year: number, pupilId: string, classCode: string, date: string) =>
    command('ChangePupilClass', { uai, year, pupilId, classCode, date }),
  setPupilLanguages: (uai: string, year: number, pupilId: string, lv1: string, lv2?: string) =>
    command('SetPupilLanguages', { uai, year, pupilId, lv1, lv2 }),
  setPupilDispositifs: (uai: string, year: number, pupilId: string, dispositifs: readonly string[]) =>
    command('SetPupilDispositifs', { uai, year, pupilId, dispositifs: [...dispositifs] }),
  exitPupil: (uai: string, year: number, pupilId: string, exitDate: string, motive: string) =>
    command('ExitPupil', { uai, year, pupilId, exitDate, motive }),
  planNextYear: (uai: string, year: number, pupilId: string, plan: NextYearPlan) =>
    command('PlanNextYear', { uai, year, pupilId, ...plan }),
};
