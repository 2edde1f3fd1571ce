import {
  ClassClosed,
  ClassCoded,
  ClassContractSet,
  ClassCreated,
  ClassRenamed,
  ClassTypeSet,
  FormationAssigned,
  FormationUnassigned,
} from '@liaison/events';
import { type Command } from '../commands/command';
import { accept, type Decider, type Decision } from '../decider';
import { RuleViolationError } from '../errors';
import { schoolYearLabel, toFrenchDate } from '../values';
import { assertClassTypeDeclared, assertFormationDeclared, assertYearOpen } from '../year/year-rules';
import { type YearState } from '../year/year-state';
import { evolveClass } from './class-evolve';
import {
  type AssignFormation,
  type CloseClass,
  type CodeClass,
  type CreateClass,
  type RenameClass,
  type SetClassContract,
  type SetClassType,
  type UnassignFormation,
} from './class-payloads';
import { type ClassState, initialClassState } from './class-state';

export type ClassCommand =
  | Command<'CreateClass', CreateClass>
  | Command<'RenameClass', RenameClass>
  | Command<'CloseClass', CloseClass>
  | Command<'CodeClass', CodeClass>
  | Command<'SetClassContract', SetClassContract>
  | Command<'SetClassType', SetClassType>
  | Command<'AssignFormation', AssignFormation>
  | Command<'UnassignFormation', UnassignFormation>;

export interface ClassContext {
  /** The class's year, folded from its stream. */
  year: YearState;
  /** `CloseClass` only: the `classHeadCount` look-up's answer. */
  headCount?: unknown;
}

function headCountOf(context: ClassContext): number {
  const { headCount } = context;
  if (typeof headCount !== 'number' || !Number.isInteger(headCount) || headCount < 0) {
    // A wiring fault, not a user's: CloseClass declares the look-up, the server must answer it.
    throw new Error(`CloseClass needs the classHeadCount look-up as "headCount", got ${JSON.stringify(headCount)}`);
  }
  return headCount;
}

function decide(command: ClassCommand, state: ClassState, context: ClassContext): Decision {
  const p = command.payload;
  const { uai, year, classCode } = p;
  const ref = { uai, year, classCode };
  const yearLabel = schoolYearLabel(year);
  const theClass = `la classe ${classCode}`;

  if (command.type === 'CreateClass') {
    assertYearOpen(context.year, uai, year, `ouvrez-la avant d’y créer ${theClass}`);
    if (state.created) {
      const closed = state.closedOn ? `, fermée le ${toFrenchDate(state.closedOn)}` : '';
      throw new RuleViolationError('class_exists', `${theClass} existe déjà en ${yearLabel} (« ${state.label} »${closed})`, ref);
    }
    return accept([ClassCreated.create({ ...ref, label: command.payload.label })]);
  }

  assertYearOpen(context.year, uai, year, `${theClass} ne peut pas y exister`);
  if (!state.created) {
    throw new RuleViolationError('class_unknown', `${theClass} n’existe pas en ${yearLabel}`, ref);
  }
  if (state.closedOn !== undefined) {
    throw new RuleViolationError(
      'class_closed',
      `${theClass} est fermée depuis le ${toFrenchDate(state.closedOn)} en ${yearLabel} : elle n’accepte plus de modification`,
      { ...ref, closedOn: state.closedOn },
    );
  }

  switch (command.type) {
    case 'RenameClass': {
      const { label } = command.payload;
      if (label === state.label) return accept([]);
      return accept([ClassRenamed.create({ ...ref, label })]);
    }
    case 'CloseClass': {
      const headCount = headCountOf(context);
      if (headCount > 0) {
        throw new RuleViolationError(
          'class_not_empty',
          `${theClass} compte encore ${headCount} élève${headCount > 1 ? 's' : ''} en ${yearLabel} : ` +
            'changez-les de classe ou enregistrez leur sortie avant de la fermer',
          { ...ref, headCount },
        );
      }
      return accept([ClassClosed.create({ ...ref, closedOn: command.payload.closedOn })]);
    }
    case 'CodeClass': {
      const { rectoratCode } = command.payload;
      if (rectoratCode === state.rectoratCode) return accept([]);
      return accept([ClassCoded.create({ ...ref, rectoratCode })]);
    }
    case 'SetClassContract': {
      const { contractType } = command.payload;
      if (contractType === state.contractType) return accept([]);
      return accept([ClassContractSet.create({ ...ref, contractType })]);
    }
    case 'SetClassType': {
      const { classType } = command.payload;
      assertClassTypeDeclared(context.year, year, classType, `classe ${classCode}`);
      if (classType === state.classType) return accept([]);
      return accept([ClassTypeSet.create({ ...ref, classType })]);
    }
    case 'AssignFormation': {
      const { formationCode } = command.payload;
      assertFormationDeclared(context.year, year, formationCode, `classe ${classCode}`);
      if (state.formations.includes(formationCode)) return accept([]);
      return accept([FormationAssigned.create({ ...ref, formationCode })]);
    }
    case 'UnassignFormation': {
      const { formationCode } = command.payload;
      if (!state.formations.includes(formationCode)) {
        throw new RuleViolationError(
          'formation_not_assigned',
          `la formation « ${formationCode} » n’est pas affectée à ${theClass} en ${yearLabel}`,
          { ...ref, formationCode },
        );
      }
      return accept([FormationUnassigned.create({ ...ref, formationCode })]);
    }
  }
}

export const classDecider: Decider<ClassCommand, ClassState, ClassContext> = {
  initialState: initialClassState,
  evolve: evolveClass,
  decide,
};
