import { type Command } from '../../commands/command';
import { fold } from '../../decider';
import { CommandRegistry } from '../../commands/command-registry';
import { coreCommands } from '../../core-commands';
import { type SchoolSnapshot } from '../../plugin/school-snapshot';
import { scenario, stream, type StreamHistory } from '../../testing/given-when-then';
import { snapshotFromEvents } from '../../testing/snapshot-from-events';

/** Shared set-up of the rollover specs (no assertions here). */
const registry = new CommandRegistry().register(...coreCommands);

const eventsOf = (history: readonly StreamHistory[], streamId: string) =>
  history.filter((h) => h.streamId === streamId).flatMap((h) => h.events);

export const UAI = '0750680G';
export const Y = 2026;

/**
 * Runs commands through the real core deciders, as the server would, one after the other, and
 * returns the history with their events: the planner's commands are checked by the very rules
 * they will meet. Look-ups (who holds an INE, head counts) answer « nothing ».
 */
export function applyCommands(history: readonly StreamHistory[], commands: readonly Command[]): StreamHistory[] {
  let current = [...history];
  for (const [index, command] of commands.entries()) {
    const validated = registry.validate(command, { allowInternal: true });
    const definition = validated.definition;
    let s = scenario(registry).given(...current);
    for (const name of Object.keys(definition.lookups?.(validated.payload) ?? {})) s = s.withLookup(name, undefined);
    let decision;
    try {
      // The scenario validates as users send commands; the server's own (internal) ones are decided directly.
      decision = definition.internal
        ? definition.decider.decide(
            validated,
            fold(definition.decider, eventsOf(current, definition.streamId(validated.payload))),
            {},
          )
        : s.when({ type: command.type, payload: command.payload }).decision();
    } catch (error) {
      throw new Error(`command ${index} (${command.type}) refused: ${(error as Error).message}`);
    }
    current = [
      ...current,
      stream(definition.streamId(validated.payload), ...decision.events),
      ...(decision.others ?? []).map((o) => stream(o.streamId, ...o.events)),
    ];
  }
  return current;
}

/** Years Y and Y+1 of the history, as the server would load them. */
export function yearsOf(history: readonly StreamHistory[], year = Y): { from: SchoolSnapshot; next: SchoolSnapshot } {
  return { from: snapshotFromEvents(UAI, year, history), next: snapshotFromEvents(UAI, year + 1, history) };
}

export const cmd = (type: string, payload: Record<string, unknown>): Command => ({ type, payload });

const LEVELS = ['TPS', 'PS', 'MS', 'GS', 'CP', 'CE1', 'CE2', 'CM1', 'CM2'];

/** An open year with a nomenclature: first-degree levels (or the given codes), two languages, one class type. */
export function openYearWith(year: number, formations: string[] = LEVELS, languages = ['ENG', 'GER']): Command[] {
  return [
    cmd('OpenYear', { uai: UAI, year }),
    cmd('DeclareFormations', { uai: UAI, year, source: 'test', entries: formations.map((code) => ({ code, label: code })) }),
    cmd('DeclareLanguages', { uai: UAI, year, source: 'test', entries: languages.map((code) => ({ code, label: code })) }),
    cmd('DeclareClassTypes', { uai: UAI, year, source: 'test', entries: [{ code: 'ordinaire', label: 'Ordinaire' }] }),
  ];
}

export function school(degree: 'first' | 'second', formations?: string[]): Command[] {
  return [
    cmd('RegisterEstablishment', { uai: UAI, name: 'Groupe scolaire Saint-Joseph', degree, contract: 'association' }),
    ...openYearWith(Y, formations),
  ];
}

export function classOf(classCode: string, formations: string[], year = Y): Command[] {
  const ref = { uai: UAI, year, classCode };
  return [
    cmd('CreateClass', { ...ref, label: `Classe ${classCode}` }),
    cmd('CodeClass', { ...ref, rectoratCode: classCode.slice(0, 8) }),
    cmd('SetClassContract', { ...ref, contractType: 'association' }),
    cmd('SetClassType', { ...ref, classType: 'ordinaire' }),
    ...formations.map((formationCode) => cmd('AssignFormation', { ...ref, formationCode })),
  ];
}

export function pupilIn(pupilId: string, lastName: string, classCode: string, formationCode: string, year = Y): Command[] {
  return [
    cmd('RegisterPupil', { uai: UAI, pupilId, lastName, firstName: 'Léa', sex: 'F', birthDate: '2017-05-02' }),
    cmd('EnrolPupil', { uai: UAI, year, pupilId, classCode, entryDate: `${year}-09-01`, formationCode }),
  ];
}

export const plan = (pupilId: string, decision: string, fields: Record<string, unknown> = {}, year = Y): Command =>
  cmd('PlanNextYear', { uai: UAI, year, pupilId, decision, ...fields });
