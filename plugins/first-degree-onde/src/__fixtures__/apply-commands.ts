import { type Command, CommandRegistry, coreCommands } from '@liaison/domain';
import { scenario, stream, type StreamHistory } from '@liaison/domain/testing';

const registry = new CommandRegistry().register(...coreCommands);

/**
 * Runs an importer's commands through the real core deciders, as the server would, and
 * returns the history with the new events appended: a re-import then sees what the first
 * import changed. Read-model look-ups (who holds an INE) answer « nobody ».
 */
export function applyCommands(history: readonly StreamHistory[], commands: readonly Command[]): StreamHistory[] {
  let current = [...history];
  for (const command of commands) {
    const validated = registry.validate(command);
    const definition = validated.definition;
    let s = scenario(registry).given(...current);
    for (const name of Object.keys(definition.lookups?.(validated.payload) ?? {})) s = s.withLookup(name, undefined);
    const decision = s.when(command).decision();
    current = [
      ...current,
      stream(definition.streamId(validated.payload), ...decision.events),
      ...(decision.others ?? []).map((o) => stream(o.streamId, ...o.events)),
    ];
  }
  return current;
}
