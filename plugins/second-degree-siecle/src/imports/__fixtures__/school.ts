import * as fs from 'node:fs';
import * as path from 'node:path';
import { type Command, CommandRegistry, coreCommands, type ImportPlan, type SchoolSnapshot } from '@liaison/domain';
import { scenario, snapshotFromEvents, stream, type StreamHistory } from '@liaison/domain/testing';
import { referenceCommands } from '../../reference/reference-commands';
import { referenceAggregate } from '../../reference/reference-state';
import { type SiecleSendState, siecleStreamId } from '../../send/send-state';

/** The shared reference files: `shared/` next to the repository (tests read them in place). */
export const SIECLE_REFERENCE = path.resolve(__dirname, '../../../../../../shared/reference/siecle');
export const BEE_EXPORTS = path.join(SIECLE_REFERENCE, 'bee-exports');
export const readReference = (relative: string) => new Uint8Array(fs.readFileSync(path.join(BEE_EXPORTS, relative)));
/** Constructed fixtures of this folder (no real Structures.xml or sts_emp is public). */
export const readConstructed = (name: string) => new Uint8Array(fs.readFileSync(path.join(__dirname, name)));

const registry = new CommandRegistry().register(...coreCommands, ...referenceCommands);

/**
 * Runs commands through the real deciders (core and reference), as the server would, and
 * returns the history with their events appended. Look-ups (who holds an INE) answer « nobody ».
 */
export function applyCommands(history: readonly StreamHistory[], commands: readonly Command[]): StreamHistory[] {
  let current = [...history];
  for (const command of commands) {
    const validated = registry.validate(command);
    const definition = validated.definition;
    let s = scenario(registry).given(...current);
    for (const name of Object.keys(definition.lookups?.(validated.payload) ?? {})) s = s.withLookup(name, null);
    const decision = s.when(command).decision();
    current = [
      ...current,
      stream(definition.streamId(validated.payload), ...decision.events),
      ...(decision.others ?? []).map((o) => stream(o.streamId, ...o.events)),
    ];
  }
  return current;
}

/** Validates commands as the server would (payload schemas), without running them. */
export const validateCommands = (commands: readonly Command[]) => commands.forEach((c) => registry.validate(c));

/** A second-degree establishment with its year opened. */
export function openedSchool(uai: string, year: number, name = 'Lycée Saint-Exemple'): StreamHistory[] {
  return applyCommands(
    [],
    [
      { type: 'RegisterEstablishment', payload: { uai, name, degree: 'second', contract: 'association' } },
      { type: 'OpenYear', payload: { uai, year } },
    ],
  );
}

/** The snapshot importers get, with the reference streams folded and, optionally, the SIECLE send state. */
export function snapshotOf(uai: string, year: number, history: readonly StreamHistory[], send?: Partial<SiecleSendState>): SchoolSnapshot {
  const snapshot = snapshotFromEvents(uai, year, history, { pluginAggregates: { siecleref: referenceAggregate } });
  if (send) {
    snapshot.pluginStates[siecleStreamId(uai)] = {
      pupilPrivateIds: {},
      guardianPrivateIds: {},
      nextPupilPrivateId: 1,
      nextGuardianPrivateId: 1,
      sendNumbers: {},
      ...send,
    } satisfies SiecleSendState;
  }
  return snapshot;
}

export const commandsOf = (plan: ImportPlan): Command[] => plan.rows.flatMap((r) => r.commands ?? []);
export const outcomesOf = (plan: ImportPlan) => {
  const counts: Record<string, number> = {};
  for (const r of plan.rows) counts[r.outcome] = (counts[r.outcome] ?? 0) + 1;
  return counts;
};

/** A guardian as `RegisterPupil` takes it. */
export function guardian(guardianId: string, civility: 'M.' | 'MME', lastName: string, firstName: string, link = civility === 'MME' ? '10' : '20') {
  return {
    guardianId,
    civility,
    lastName,
    firstName,
    link,
    legalLevel: 1 as const,
    parentalAuthority: true,
    address: { line1: '1 rue de la Paix', postalCode: '75002', commune: 'Paris', country: '100' },
  };
}
