import { ChecklistStepTicked, ChecklistStepUnticked } from '@liaison/events';
import { type Command } from '../commands/command';
import { accept, type Decider, type Decision } from '../decider';
import { RuleViolationError } from '../errors';
import { type EstablishmentState, initialEstablishmentState } from '../establishment/establishment-state';
import { schoolYearLabel, toFrenchDate } from '../values';
import { type TickChecklistStep, type UntickChecklistStep } from './checklist-commands';
import { evolveChecklist } from './checklist-evolve';
import { type ChecklistStepInfo } from './checklist-lookup';
import { type ChecklistState, initialChecklistState } from './checklist-state';

export type ChecklistCommand =
  Command<'TickChecklistStep', TickChecklistStep> | Command<'UntickChecklistStep', UntickChecklistStep>;

export interface ChecklistContext {
  establishment?: EstablishmentState;
  /** From the `checklistStep` look-up (ticks only): the step as its plugin declares it. */
  step?: ChecklistStepInfo | null;
}

const DEGREE_LABELS = { first: 'premier degré', second: 'second degré' } as const;

function tick(p: TickChecklistStep, state: ChecklistState, context: ChecklistContext): Decision {
  const establishment = context.establishment ?? initialEstablishmentState();
  if (!establishment.registered || !establishment.degree) {
    throw new RuleViolationError('establishment_unknown', `l’établissement ${p.uai} n’est pas enregistré`, { uai: p.uai });
  }
  const step = context.step ?? null;
  if (step === null) {
    throw new RuleViolationError(
      'checklist_step_unknown',
      `l’étape « ${p.stepId} » n’existe pas : aucun plugin ne la déclare (liaison checklist --uai ${p.uai} --year ${p.year} les liste)`,
      { stepId: p.stepId },
    );
  }
  if (step.degree !== establishment.degree) {
    throw new RuleViolationError(
      'checklist_step_other_degree',
      `l’étape « ${p.stepId} » est une étape du ${DEGREE_LABELS[step.degree]} ; l’établissement ${p.uai} est du ${DEGREE_LABELS[establishment.degree]}`,
      { stepId: p.stepId },
    );
  }
  const standing = state.ticks[p.stepId] ?? [];
  if (!step.repeatable && standing.length > 0) {
    // The same tick again changes nothing; another date needs the first one taken back.
    if (standing.includes(p.doneOn)) return accept([]);
    throw new RuleViolationError(
      'checklist_step_ticked',
      `l’étape « ${step.title} » est déjà cochée pour ${schoolYearLabel(p.year)} (fait le ${toFrenchDate(standing[0]!)}) : décochez-la avant de changer sa date`,
      { stepId: p.stepId, doneOn: standing[0] },
    );
  }
  return accept([ChecklistStepTicked.create({ uai: p.uai, year: p.year, stepId: p.stepId, doneOn: p.doneOn })]);
}

function untick(p: UntickChecklistStep, state: ChecklistState): Decision {
  const standing = state.ticks[p.stepId] ?? [];
  if (standing.length === 0) {
    throw new RuleViolationError(
      'checklist_step_not_ticked',
      `l’étape « ${p.stepId} » n’est pas cochée pour ${schoolYearLabel(p.year)} (une étape faite dans Liaison ne se décoche pas : l’événement qui l’a faite reste)`,
      { stepId: p.stepId },
    );
  }
  const occurrence = p.occurrence ?? standing.length;
  if (occurrence > standing.length) {
    throw new RuleViolationError(
      'checklist_occurrence_unknown',
      `l’étape « ${p.stepId} » n’a que ${standing.length} coche(s) pour ${schoolYearLabel(p.year)} : l’occurrence ${occurrence} n’existe pas`,
      { stepId: p.stepId, occurrence, ticks: standing.length },
    );
  }
  return accept([
    ChecklistStepUnticked.create({
      uai: p.uai,
      year: p.year,
      stepId: p.stepId,
      occurrence,
      doneOn: standing[occurrence - 1]!,
    }),
  ]);
}

function decide(command: ChecklistCommand, state: ChecklistState, context: ChecklistContext = {}): Decision {
  switch (command.type) {
    case 'TickChecklistStep':
      return tick(command.payload, state, context);
    case 'UntickChecklistStep':
      return untick(command.payload, state);
  }
}

export const checklistDecider: Decider<ChecklistCommand, ChecklistState, ChecklistContext> = {
  initialState: initialChecklistState,
  evolve: evolveChecklist,
  decide,
};
