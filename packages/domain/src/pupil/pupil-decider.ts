import {
  type EventData,
  GuardianAdded,
  GuardianCorrected,
  GuardianLinkCorrected,
  GuardianRegistered,
  GuardianRemoved,
  NationalIdAssigned,
  type NewEvent,
  NextYearPlanned,
  PupilClassChanged,
  PupilDispositifsSet,
  PupilEnrolled,
  PupilExited,
  PupilFormationSet,
  PupilIdentityCorrected,
  PupilLanguagesSet,
  PupilPreEnrolled,
  PupilRegistered,
  PupilSchoolingSet,
  PupilSiecleIdSet,
} from '@liaison/events';
import { initialClassState, type ClassState } from '../class/class-state';
import { type Command } from '../commands/command';
import { accept, type Decider, type Decision, type StreamEvents } from '../decider';
import { RuleViolationError } from '../errors';
import { type EstablishmentState, initialEstablishmentState } from '../establishment/establishment-state';
import { type GuardianInput } from '../guardian/guardian-commands';
import { differingPersonFields, PERSON_FIELD_LABELS, personOf, sameValue } from '../guardian/guardian-person';
import { type GuardianState, initialGuardianState, PERSON_FIELDS } from '../guardian/guardian-state';
import { streamIds } from '../streams';
import { isDateInSchoolYear, ineWarning, schoolYearLabel, toFrenchDate } from '../values';
import { nextFirstDegreeLevel } from '../values/first-degree-levels';
import { initialYearState, type YearState } from '../year/year-state';
import {
  type AddGuardian,
  type AssignNationalId,
  type ChangePupilClass,
  type CorrectGuardian,
  type CorrectPupilIdentity,
  type EnrolPupil,
  type ExitPupil,
  type PlanNextYear,
  type PreEnrolPupil,
  type RegisterPupil,
  type RemoveGuardian,
  type SetPupilDispositifs,
  type SetPupilFormation,
  type SetPupilLanguages,
  type SetPupilSchooling,
  type SetPupilSiecleId,
} from './pupil-commands';
import { evolvePupil } from './pupil-evolve';
import { type IneHolder } from './pupil-lookups';
import {
  type GuardianRelation,
  IDENTITY_FIELDS,
  initialPupilState,
  type NextYearPlan,
  type PupilState,
  type PupilYear,
} from './pupil-state';

export type PupilCommand =
  | Command<'RegisterPupil', RegisterPupil>
  | Command<'CorrectPupilIdentity', CorrectPupilIdentity>
  | Command<'AddGuardian', AddGuardian>
  | Command<'CorrectGuardian', CorrectGuardian>
  | Command<'RemoveGuardian', RemoveGuardian>
  | Command<'PreEnrolPupil', PreEnrolPupil>
  | Command<'EnrolPupil', EnrolPupil>
  | Command<'ChangePupilClass', ChangePupilClass>
  | Command<'SetPupilFormation', SetPupilFormation>
  | Command<'SetPupilLanguages', SetPupilLanguages>
  | Command<'SetPupilDispositifs', SetPupilDispositifs>
  | Command<'SetPupilSchooling', SetPupilSchooling>
  | Command<'ExitPupil', ExitPupil>
  | Command<'PlanNextYear', PlanNextYear>
  | Command<'AssignNationalId', AssignNationalId>
  | Command<'SetPupilSiecleId', SetPupilSiecleId>;

/** Context key of a guardian stream read (and possibly written) by a pupil command. */
export const guardianContextKey = (guardianId: string): `guardian:${string}` => `guardian:${guardianId}`;

/**
 * What the pupil commands read beyond the pupil's stream; each command declares the part it
 * needs (see `pupil-definitions.ts`). A missing stream folds to its initial state.
 */
export interface PupilContext {
  establishment?: EstablishmentState;
  /** The command's year. */
  year?: YearState;
  /** Year + 1, for `PlanNextYear`. */
  nextYear?: YearState;
  /** The class the payload names. */
  class?: ClassState;
  /** From the `ineHolder` look-up. */
  ineHolder?: IneHolder;
  [guardian: `guardian:${string}`]: GuardianState | undefined;
}

// ---------------------------------------------------------------- messages and shared checks

const pupilName = (pupilId: string) => `l’élève ${pupilId}`;

interface PupilRef {
  uai: string;
  pupilId: string;
}
interface PupilYearRef extends PupilRef {
  year: number;
}

function requireRegistered(state: PupilState, p: PupilRef): void {
  if (!state.registered) {
    throw new RuleViolationError('pupil_unknown', `${pupilName(p.pupilId)} n’est pas enregistré dans l’établissement ${p.uai}`, {
      pupilId: p.pupilId,
    });
  }
}

const onDate = (date: string | undefined) => (date === undefined ? '' : ` le ${toFrenchDate(date)}`);

/** `what` completes the sentence: « ses langues ne peuvent plus être modifiées ». */
function exitedError(p: PupilYearRef, y: PupilYear, what: string): RuleViolationError {
  return new RuleViolationError(
    'pupil_exited',
    `${pupilName(p.pupilId)} est sorti${onDate(y.exitDate)} en ${schoolYearLabel(p.year)} : ${what} pour cette année`,
    { pupilId: p.pupilId, year: p.year },
  );
}

/** The pupil is enrolled or pre-enrolled in the year, and has not left it. */
function requireOfYear(state: PupilState, p: PupilYearRef, what: string): PupilYear {
  const y = state.years[p.year];
  if (!y) {
    throw new RuleViolationError(
      'not_in_year',
      `${pupilName(p.pupilId)} n’est ni inscrit ni préinscrit en ${schoolYearLabel(p.year)}`,
      {
        pupilId: p.pupilId,
        year: p.year,
      },
    );
  }
  if (y.status === 'sorti') throw exitedError(p, y, what);
  return y;
}

/** The pupil is enrolled (not only pre-enrolled) in the year, and has not left it. */
function requireEnrolled(state: PupilState, p: PupilYearRef, what: string): PupilYear & { entryDate: string } {
  const y = state.years[p.year];
  if (y?.status === 'sorti') throw exitedError(p, y, what);
  if (y?.status !== 'inscrit' || y.entryDate === undefined) {
    const detail = y?.status === 'preinscrit' ? ' (il n’y est que préinscrit)' : '';
    throw new RuleViolationError(
      'not_enrolled',
      `${pupilName(p.pupilId)} n’est pas inscrit en ${schoolYearLabel(p.year)}${detail}`,
      {
        pupilId: p.pupilId,
        year: p.year,
      },
    );
  }
  return y as PupilYear & { entryDate: string };
}

function requireOpenYear(year: YearState, p: PupilYearRef): void {
  if (!year.opened) {
    throw new RuleViolationError(
      'year_not_open',
      `l’année ${schoolYearLabel(p.year)} n’est pas ouverte pour l’établissement ${p.uai} : ${pupilName(p.pupilId)} ne peut pas y être inscrit ni préinscrit`,
      { year: p.year },
    );
  }
}

function requireUsableClass(cls: ClassState, p: PupilYearRef, classCode: string): void {
  if (!cls.created) {
    throw new RuleViolationError('class_unknown', `la classe ${classCode} n’existe pas en ${schoolYearLabel(p.year)}`, {
      classCode,
      year: p.year,
    });
  }
  if (cls.closedOn !== undefined) {
    throw new RuleViolationError(
      'class_closed',
      `la classe ${classCode} de ${schoolYearLabel(p.year)} est fermée depuis le ${toFrenchDate(cls.closedOn)} : ${pupilName(p.pupilId)} ne peut pas y entrer`,
      { classCode, year: p.year },
    );
  }
}

function requireDeclaredFormation(year: YearState, yearNumber: number, formationCode: string, p: PupilRef): void {
  if (Object.keys(year.formations).length === 0) {
    throw new RuleViolationError(
      'formation_unknown',
      `aucune formation n’est encore déclarée pour ${schoolYearLabel(yearNumber)} (importez la nomenclature) : la formation ${formationCode} de ${pupilName(p.pupilId)} ne peut pas être vérifiée`,
      { formationCode, year: yearNumber },
    );
  }
  if (!Object.hasOwn(year.formations, formationCode)) {
    throw new RuleViolationError(
      'formation_unknown',
      `la formation ${formationCode} de ${pupilName(p.pupilId)} n’est pas déclarée pour ${schoolYearLabel(yearNumber)}`,
      { formationCode, year: yearNumber },
    );
  }
}

function requireFormationOfClass(cls: ClassState, p: PupilYearRef, classCode: string, formationCode: string): void {
  if (cls.formations.length > 0 && !cls.formations.includes(formationCode)) {
    throw new RuleViolationError(
      'formation_not_in_class',
      `la formation ${formationCode} de ${pupilName(p.pupilId)} n’est pas une formation de la classe ${classCode} en ${schoolYearLabel(p.year)} (formations : ${cls.formations.join(', ')})`,
      { formationCode, classCode, year: p.year },
    );
  }
}

/** The warning when a pupil ends up without a formation its class can vouch for. */
function formationToSetWarning(cls: ClassState, p: PupilYearRef, classCode: string): string {
  return cls.formations.length === 0
    ? `la classe ${classCode} n’a pas encore de formation en ${schoolYearLabel(p.year)} : la formation de ${pupilName(p.pupilId)} est à renseigner`
    : `la classe ${classCode} a plusieurs formations en ${schoolYearLabel(p.year)} (${cls.formations.join(', ')}) : la formation de ${pupilName(p.pupilId)} est à renseigner`;
}

function requireDateInYear(code: string, what: string, date: string, p: PupilYearRef): void {
  if (!isDateInSchoolYear(date, p.year)) {
    throw new RuleViolationError(
      code,
      `${what} du ${toFrenchDate(date)} de ${pupilName(p.pupilId)} est en dehors de l’année ${schoolYearLabel(p.year)} (du 01/09/${p.year} au 31/08/${p.year + 1})`,
      { date, year: p.year },
    );
  }
}

function requireNotBeforeEntry(code: string, what: string, date: string, y: { entryDate: string }, p: PupilYearRef): void {
  if (date < y.entryDate) {
    throw new RuleViolationError(
      code,
      `${what} du ${toFrenchDate(date)} de ${pupilName(p.pupilId)} précède son entrée du ${toFrenchDate(y.entryDate)} en ${schoolYearLabel(p.year)}`,
      { date, entryDate: y.entryDate, year: p.year },
    );
  }
}

const guardianOf = (context: PupilContext, guardianId: string): GuardianState =>
  context[guardianContextKey(guardianId)] ?? initialGuardianState();

/**
 * Links a guardian given in full: registers the person when new (event for the guardian's
 * stream), refuses a known person stated differently.
 */
function linkGuardian(p: PupilRef, guardian: GuardianInput, context: PupilContext): { event: NewEvent; other?: StreamEvents } {
  const { guardianId, link, legalLevel, parentalAuthority, livesWith } = guardian;
  const person = personOf(guardian);
  const existing = guardianOf(context, guardianId);
  let other: StreamEvents | undefined;
  if (existing.registered && existing.person) {
    const differing = differingPersonFields(existing.person, person);
    if (differing.length > 0) {
      throw new RuleViolationError(
        'guardian_differs',
        `le responsable ${guardianId} est déjà enregistré avec d’autres valeurs (${differing.map((f) => PERSON_FIELD_LABELS[f]).join(', ')}) : utilisez CorrectGuardian pour les modifier avant de le lier à ${pupilName(p.pupilId)}`,
        { guardianId, fields: differing },
      );
    }
  } else {
    other = {
      streamId: streamIds.guardian(p.uai, guardianId),
      events: [GuardianRegistered.create({ uai: p.uai, guardianId, ...person })],
    };
  }
  const relation: GuardianRelation = { link, legalLevel, parentalAuthority, ...(livesWith === undefined ? {} : { livesWith }) };
  return {
    event: GuardianAdded.create({ uai: p.uai, pupilId: p.pupilId, guardianId, ...relation }),
    ...(other ? { other } : {}),
  };
}

function requireLinked(state: PupilState, p: PupilRef, guardianId: string): GuardianRelation {
  const relation = state.guardians[guardianId];
  if (!relation) {
    throw new RuleViolationError(
      'guardian_not_linked',
      `le responsable ${guardianId} n’est pas un responsable de ${pupilName(p.pupilId)}`,
      {
        guardianId,
      },
    );
  }
  return relation;
}

/** The changes a correction makes: fields it sets to another value, optional fields it clears. */
function changesOf<F extends string>(
  current: Partial<Record<F, unknown>>,
  given: Partial<Record<F, unknown>>,
  fields: readonly F[],
): Partial<Record<F, unknown>> {
  const changes: Partial<Record<F, unknown>> = {};
  for (const field of fields) {
    const value = given[field];
    if (value === undefined) continue;
    if (value === null) {
      if (current[field] !== undefined) changes[field] = null;
    } else if (!sameValue(current[field], value)) {
      changes[field] = value;
    }
  }
  return changes;
}

// ---------------------------------------------------------------- deciders per command

function registerPupil(p: RegisterPupil, state: PupilState, context: PupilContext): Decision {
  if (state.registered) {
    const who = state.identity ? ` (${state.identity.lastName} ${state.identity.firstName})` : '';
    throw new RuleViolationError(
      'pupil_exists',
      `${pupilName(p.pupilId)} est déjà enregistré dans l’établissement ${p.uai}${who}`,
      {
        pupilId: p.pupilId,
      },
    );
  }
  if (!(context.establishment ?? initialEstablishmentState()).registered) {
    throw new RuleViolationError(
      'establishment_unknown',
      `l’établissement ${p.uai} n’est pas enregistré : ${pupilName(p.pupilId)} ne peut pas y être enregistré`,
      { uai: p.uai },
    );
  }
  const { guardians = [], ...identity } = p;
  const events: NewEvent[] = [PupilRegistered.create(identity)];
  const others: StreamEvents[] = [];
  for (const guardian of guardians) {
    const linked = linkGuardian(p, guardian, context);
    events.push(linked.event);
    if (linked.other) others.push(linked.other);
  }
  return accept(events, [], others);
}

function correctPupilIdentity(p: CorrectPupilIdentity, state: PupilState): Decision {
  requireRegistered(state, p);
  const changes = changesOf(state.identity ?? {}, p, IDENTITY_FIELDS);
  if (Object.keys(changes).length === 0) return accept([]);
  return accept([
    PupilIdentityCorrected.create({
      uai: p.uai,
      pupilId: p.pupilId,
      changes: changes as EventData<typeof PupilIdentityCorrected>['changes'],
    }),
  ]);
}

function addGuardian(p: AddGuardian, state: PupilState, context: PupilContext): Decision {
  requireRegistered(state, p);
  if (state.guardians[p.guardian.guardianId]) {
    throw new RuleViolationError(
      'guardian_already_linked',
      `le responsable ${p.guardian.guardianId} est déjà un responsable de ${pupilName(p.pupilId)} : utilisez CorrectGuardian pour modifier le lien`,
      { guardianId: p.guardian.guardianId },
    );
  }
  const linked = linkGuardian(p, p.guardian, context);
  return accept([linked.event], [], linked.other ? [linked.other] : []);
}

const RELATION_FIELDS = ['link', 'legalLevel', 'parentalAuthority', 'livesWith'] as const;

function correctGuardian(p: CorrectGuardian, state: PupilState, context: PupilContext): Decision {
  requireRegistered(state, p);
  const { guardianId } = p.guardian;
  const relation = requireLinked(state, p, guardianId);
  const guardian = guardianOf(context, guardianId);
  if (!guardian.registered || !guardian.person) {
    throw new RuleViolationError(
      'guardian_unknown',
      `le responsable ${guardianId} n’est pas enregistré dans l’établissement ${p.uai}`,
      {
        guardianId,
      },
    );
  }
  // The schema lets only optional person fields be null, so a change never clears a required one.
  const personChanges = changesOf(guardian.person, p.guardian, PERSON_FIELDS);
  const relationChanges = changesOf(relation, p.guardian, RELATION_FIELDS);
  const events: NewEvent[] = [];
  const others: StreamEvents[] = [];
  if (Object.keys(relationChanges).length > 0) {
    events.push(
      GuardianLinkCorrected.create({
        uai: p.uai,
        pupilId: p.pupilId,
        guardianId,
        changes: relationChanges as EventData<typeof GuardianLinkCorrected>['changes'],
      }),
    );
  }
  if (Object.keys(personChanges).length > 0) {
    others.push({
      streamId: streamIds.guardian(p.uai, guardianId),
      events: [
        GuardianCorrected.create({
          uai: p.uai,
          guardianId,
          changes: personChanges as EventData<typeof GuardianCorrected>['changes'],
        }),
      ],
    });
  }
  return accept(events, [], others);
}

function removeGuardian(p: RemoveGuardian, state: PupilState): Decision {
  requireRegistered(state, p);
  requireLinked(state, p, p.guardianId);
  return accept([GuardianRemoved.create(p)]);
}

function preEnrolPupil(p: PreEnrolPupil, state: PupilState, context: PupilContext): Decision {
  requireRegistered(state, p);
  const current = state.years[p.year];
  if (current && current.status !== 'preinscrit') {
    const exited = current.status === 'sorti' ? ` (sorti${onDate(current.exitDate)})` : '';
    throw new RuleViolationError(
      'already_enrolled',
      `${pupilName(p.pupilId)} est déjà inscrit en ${schoolYearLabel(p.year)}${exited} : il ne peut pas y être préinscrit`,
      { pupilId: p.pupilId, year: p.year },
    );
  }
  const year = context.year ?? initialYearState();
  requireOpenYear(year, p);
  let formationCode = p.formationCode;
  if (p.classCode !== undefined) {
    const cls = context.class ?? initialClassState();
    requireUsableClass(cls, p, p.classCode);
    if (formationCode !== undefined) requireFormationOfClass(cls, p, p.classCode, formationCode);
    else if (cls.formations.length === 1) formationCode = cls.formations[0];
  }
  if (p.formationCode !== undefined) requireDeclaredFormation(year, p.year, p.formationCode, p);
  if (current && current.classCode === p.classCode && current.formationCode === formationCode) return accept([]);
  return accept([
    PupilPreEnrolled.create({
      uai: p.uai,
      year: p.year,
      pupilId: p.pupilId,
      ...(p.classCode === undefined ? {} : { classCode: p.classCode }),
      ...(formationCode === undefined ? {} : { formationCode }),
    }),
  ]);
}

function enrolPupil(p: EnrolPupil, state: PupilState, context: PupilContext): Decision {
  requireRegistered(state, p);
  const current = state.years[p.year];
  if (current && current.status !== 'preinscrit') {
    const where = current.classCode ? ` en classe ${current.classCode}` : '';
    const exited = current.status === 'sorti' ? ` (sorti${onDate(current.exitDate)})` : '';
    throw new RuleViolationError(
      'already_enrolled',
      `${pupilName(p.pupilId)} est déjà inscrit en ${schoolYearLabel(p.year)}${where}${exited}`,
      {
        pupilId: p.pupilId,
        year: p.year,
      },
    );
  }
  const year = context.year ?? initialYearState();
  requireOpenYear(year, p);
  requireDateInYear('entry_date_outside_year', 'l’entrée', p.entryDate, p);
  const cls = context.class ?? initialClassState();
  requireUsableClass(cls, p, p.classCode);

  const warnings: string[] = [];
  let formationCode = p.formationCode;
  if (formationCode !== undefined) {
    requireDeclaredFormation(year, p.year, formationCode, p);
    requireFormationOfClass(cls, p, p.classCode, formationCode);
  } else {
    // A pre-enrolment's formation carries over when the class can take it.
    const preEnrolled = current?.formationCode;
    if (preEnrolled !== undefined && (cls.formations.length === 0 || cls.formations.includes(preEnrolled)))
      formationCode = preEnrolled;
    else if (cls.formations.length === 1) formationCode = cls.formations[0];
    else warnings.push(formationToSetWarning(cls, p, p.classCode));
  }
  return accept(
    [
      PupilEnrolled.create({
        uai: p.uai,
        year: p.year,
        pupilId: p.pupilId,
        classCode: p.classCode,
        entryDate: p.entryDate,
        ...(formationCode === undefined ? {} : { formationCode }),
      }),
    ],
    warnings,
  );
}

function changePupilClass(p: ChangePupilClass, state: PupilState, context: PupilContext): Decision {
  requireRegistered(state, p);
  const y = requireEnrolled(state, p, 'sa classe ne peut plus changer');
  const previousClassCode = y.classCode ?? '';
  if (previousClassCode === p.classCode) {
    throw new RuleViolationError(
      'same_class',
      `${pupilName(p.pupilId)} est déjà en classe ${p.classCode} en ${schoolYearLabel(p.year)}`,
      {
        classCode: p.classCode,
      },
    );
  }
  const cls = context.class ?? initialClassState();
  requireUsableClass(cls, p, p.classCode);
  requireDateInYear('change_date_outside_year', 'le changement de classe', p.date, p);
  requireNotBeforeEntry('change_before_entry', 'le changement de classe', p.date, y, p);

  const events: NewEvent[] = [
    PupilClassChanged.create({
      uai: p.uai,
      year: p.year,
      pupilId: p.pupilId,
      classCode: p.classCode,
      date: p.date,
      previousClassCode,
    }),
  ];
  const warnings: string[] = [];
  const formation = y.formationCode;
  if (cls.formations.length > 0 && (formation === undefined || !cls.formations.includes(formation))) {
    const only = cls.formations.length === 1 ? cls.formations[0] : undefined;
    if (only !== undefined) {
      events.push(PupilFormationSet.create({ uai: p.uai, year: p.year, pupilId: p.pupilId, formationCode: only }));
      if (formation !== undefined) {
        warnings.push(
          `la formation de ${pupilName(p.pupilId)} passe de ${formation} à ${only}, la formation de la classe ${p.classCode}`,
        );
      }
    } else {
      warnings.push(formationToSetWarning(cls, p, p.classCode));
    }
  }
  return accept(events, warnings);
}

function setPupilFormation(p: SetPupilFormation, state: PupilState, context: PupilContext): Decision {
  requireRegistered(state, p);
  const y = requireOfYear(state, p, 'sa formation ne peut plus être modifiée');
  if (p.classCode !== undefined) {
    if (y.classCode !== p.classCode) {
      const actual = y.classCode ? `est en classe ${y.classCode}` : 'n’a pas de classe';
      throw new RuleViolationError(
        'class_mismatch',
        `${pupilName(p.pupilId)} ${actual} en ${schoolYearLabel(p.year)}, pas en ${p.classCode}`,
        { classCode: p.classCode, actual: y.classCode ?? null },
      );
    }
    requireFormationOfClass(context.class ?? initialClassState(), p, p.classCode, p.formationCode);
  }
  requireDeclaredFormation(context.year ?? initialYearState(), p.year, p.formationCode, p);
  if (y.formationCode === p.formationCode) return accept([]);
  return accept([PupilFormationSet.create({ uai: p.uai, year: p.year, pupilId: p.pupilId, formationCode: p.formationCode })]);
}

function setPupilLanguages(p: SetPupilLanguages, state: PupilState, context: PupilContext): Decision {
  requireRegistered(state, p);
  const y = requireOfYear(state, p, 'ses langues ne peuvent plus être modifiées');
  // Checked only once the year has a language nomenclature: none is required before.
  const languages = (context.year ?? initialYearState()).languages;
  if (Object.keys(languages).length > 0) {
    for (const code of [p.lv1, p.lv2]) {
      if (code !== undefined && !Object.hasOwn(languages, code)) {
        throw new RuleViolationError(
          'language_unknown',
          `la langue ${code} de ${pupilName(p.pupilId)} n’est pas déclarée pour ${schoolYearLabel(p.year)}`,
          { languageCode: code, year: p.year },
        );
      }
    }
  }
  if (y.lv1 === p.lv1 && y.lv2 === p.lv2) return accept([]);
  return accept([
    PupilLanguagesSet.create({
      uai: p.uai,
      year: p.year,
      pupilId: p.pupilId,
      lv1: p.lv1,
      ...(p.lv2 === undefined ? {} : { lv2: p.lv2 }),
    }),
  ]);
}

function setPupilDispositifs(p: SetPupilDispositifs, state: PupilState): Decision {
  requireRegistered(state, p);
  const y = requireOfYear(state, p, 'ses dispositifs ne peuvent plus être modifiés');
  if (sameValue([...y.dispositifs].sort(), [...p.dispositifs].sort())) return accept([]);
  return accept([PupilDispositifsSet.create({ uai: p.uai, year: p.year, pupilId: p.pupilId, dispositifs: p.dispositifs })]);
}

function setPupilSchooling(p: SetPupilSchooling, state: PupilState): Decision {
  requireRegistered(state, p);
  const y = requireOfYear(state, p, 'son régime, son statut, son transport et son doublement ne peuvent plus être modifiés');
  const changes: Record<string, string | boolean> = {};
  for (const field of ['regime', 'statut', 'transport', 'doublement'] as const) {
    const value = p[field];
    if (value !== undefined && y.schooling[field] !== value) changes[field] = value;
  }
  if (Object.keys(changes).length === 0) return accept([]);
  return accept([PupilSchoolingSet.create({ uai: p.uai, year: p.year, pupilId: p.pupilId, ...changes })]);
}

function exitPupil(p: ExitPupil, state: PupilState): Decision {
  requireRegistered(state, p);
  const y = state.years[p.year];
  // A second exit for the same year corrects the first one's date or motive.
  if (!y || y.status === 'preinscrit' || y.entryDate === undefined) {
    const detail = y?.status === 'preinscrit' ? ' (il n’y est que préinscrit)' : '';
    throw new RuleViolationError(
      'not_enrolled',
      `${pupilName(p.pupilId)} n’est pas inscrit en ${schoolYearLabel(p.year)}${detail} : il ne peut pas en sortir`,
      {
        pupilId: p.pupilId,
        year: p.year,
      },
    );
  }
  requireDateInYear('exit_date_outside_year', 'la sortie', p.exitDate, p);
  requireNotBeforeEntry('exit_before_entry', 'la sortie', p.exitDate, { entryDate: y.entryDate }, p);
  if (y.status === 'sorti' && y.exitDate === p.exitDate && y.exitMotive === p.motive) return accept([]);
  return accept([PupilExited.create({ uai: p.uai, year: p.year, pupilId: p.pupilId, exitDate: p.exitDate, motive: p.motive })]);
}

/**
 * The nomenclature a plan's formation is checked against: year Y+1's once it has declared
 * formations (step 7 imports it), else year Y's.
 */
function planNomenclature(context: PupilContext, year: number): { state: YearState; year: number } {
  const next = context.nextYear ?? initialYearState();
  if (Object.keys(next.formations).length > 0) return { state: next, year: year + 1 };
  return { state: context.year ?? initialYearState(), year };
}

function planNextYear(p: PlanNextYear, state: PupilState, context: PupilContext): Decision {
  requireRegistered(state, p);
  const y = requireEnrolled(state, p, 'son projet pour l’an prochain ne peut plus être modifié');
  const establishment = context.establishment ?? initialEstablishmentState();
  if (!establishment.registered || !establishment.degree) {
    throw new RuleViolationError('establishment_unknown', `l’établissement ${p.uai} n’est pas enregistré`, { uai: p.uai });
  }
  let formationCode = p.formationCode;
  if (p.decision === 'passage') {
    if (establishment.degree === 'first') {
      if (y.formationCode === 'CM2') {
        throw new RuleViolationError(
          'no_next_level',
          `${pupilName(p.pupilId)} est en CM2 en ${schoolYearLabel(p.year)} : il n’y a pas de niveau suivant à l’école, prévoyez une sortie`,
          { pupilId: p.pupilId, year: p.year },
        );
      }
      if (formationCode === undefined) {
        const next = y.formationCode === undefined ? undefined : nextFirstDegreeLevel(y.formationCode);
        if (next === undefined) {
          const reason =
            y.formationCode === undefined ? 'n’est pas renseignée' : `(${y.formationCode}) n’est pas un niveau TPS à CM2`;
          throw new RuleViolationError(
            'formation_required',
            `la formation de ${pupilName(p.pupilId)} en ${schoolYearLabel(p.year)} ${reason} : indiquez la formation de l’an prochain`,
            { pupilId: p.pupilId, year: p.year },
          );
        }
        formationCode = next;
      }
    } else if (formationCode === undefined) {
      throw new RuleViolationError(
        'formation_required',
        `le passage de ${pupilName(p.pupilId)} en ${schoolYearLabel(p.year + 1)} demande la formation (MEF) de l’an prochain`,
        { pupilId: p.pupilId, year: p.year },
      );
    }
  }
  if (p.decision === 'sortie' && p.exitDate !== undefined) {
    requireDateInYear('exit_date_outside_year', 'la sortie prévue', p.exitDate, p);
    requireNotBeforeEntry('exit_before_entry', 'la sortie prévue', p.exitDate, y, p);
  }
  if (formationCode !== undefined) {
    const nomenclature = planNomenclature(context, p.year);
    requireDeclaredFormation(nomenclature.state, nomenclature.year, formationCode, p);
  }
  const plan: NextYearPlan = {
    decision: p.decision,
    ...(formationCode === undefined ? {} : { formationCode }),
    ...(p.classCode === undefined ? {} : { classCode: p.classCode }),
    ...(p.motive === undefined ? {} : { motive: p.motive }),
    ...(p.exitDate === undefined ? {} : { exitDate: p.exitDate }),
  };
  if (sameValue(y.plan, plan)) return accept([]);
  return accept([NextYearPlanned.create({ uai: p.uai, year: p.year, pupilId: p.pupilId, ...plan })]);
}

function assignNationalId(p: AssignNationalId, state: PupilState, context: PupilContext): Decision {
  requireRegistered(state, p);
  const holder = context.ineHolder ?? null;
  if (holder !== null && holder !== p.pupilId) {
    throw new RuleViolationError(
      'ine_taken',
      `l’INE ${p.ine} est déjà attribué à l’élève ${holder} dans l’établissement ${p.uai} : il ne peut pas l’être aussi à ${pupilName(p.pupilId)}`,
      { ine: p.ine, holder },
    );
  }
  if (state.ine === p.ine) return accept([]);
  const warnings: string[] = [];
  const warning = ineWarning(p.ine);
  if (warning) warnings.push(warning);
  if (state.ine !== undefined) warnings.push(`l’INE ${state.ine} de ${pupilName(p.pupilId)} est remplacé par ${p.ine}`);
  return accept([NationalIdAssigned.create(p)], warnings);
}

function setPupilSiecleId(p: SetPupilSiecleId, state: PupilState): Decision {
  requireRegistered(state, p);
  if (state.siecleId === p.eleveId) return accept([]);
  return accept([PupilSiecleIdSet.create(p)]);
}

function decide(command: PupilCommand, state: PupilState, context: PupilContext = {}): Decision {
  switch (command.type) {
    case 'RegisterPupil':
      return registerPupil(command.payload, state, context);
    case 'CorrectPupilIdentity':
      return correctPupilIdentity(command.payload, state);
    case 'AddGuardian':
      return addGuardian(command.payload, state, context);
    case 'CorrectGuardian':
      return correctGuardian(command.payload, state, context);
    case 'RemoveGuardian':
      return removeGuardian(command.payload, state);
    case 'PreEnrolPupil':
      return preEnrolPupil(command.payload, state, context);
    case 'EnrolPupil':
      return enrolPupil(command.payload, state, context);
    case 'ChangePupilClass':
      return changePupilClass(command.payload, state, context);
    case 'SetPupilFormation':
      return setPupilFormation(command.payload, state, context);
    case 'SetPupilLanguages':
      return setPupilLanguages(command.payload, state, context);
    case 'SetPupilDispositifs':
      return setPupilDispositifs(command.payload, state);
    case 'SetPupilSchooling':
      return setPupilSchooling(command.payload, state);
    case 'ExitPupil':
      return exitPupil(command.payload, state);
    case 'PlanNextYear':
      return planNextYear(command.payload, state, context);
    case 'AssignNationalId':
      return assignNationalId(command.payload, state, context);
    case 'SetPupilSiecleId':
      return setPupilSiecleId(command.payload, state);
  }
}

export const pupilDecider: Decider<PupilCommand, PupilState, PupilContext> = {
  initialState: initialPupilState,
  evolve: evolvePupil,
  decide,
};
