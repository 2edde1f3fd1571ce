import { type Command, CommandRegistry, fold } from '@liaison/domain';
import { type StreamHistory } from '@liaison/domain/testing';
import { livretCommands } from '../commands/definitions';

/**
 * Applies commands as the pipeline would (validation, the command's stream and context folded,
 * decide, append), in memory: the history grows with the events. Throws the first refusal.
 */
export function applyCommands(history: StreamHistory[], commands: readonly Command[]): StreamHistory[] {
  const registry = new CommandRegistry().register(...livretCommands);
  const streams = new Map<string, StreamHistory['events']>();
  for (const s of history) streams.set(s.streamId, [...(streams.get(s.streamId) ?? []), ...s.events]);
  for (const command of commands) {
    const validated = registry.validate(command);
    const def = validated.definition;
    const streamId = def.streamId(validated.payload);
    const context: Record<string, unknown> = {};
    for (const [name, ctx] of Object.entries(def.context?.(validated.payload) ?? {})) {
      context[name] = fold(ctx.aggregate, streams.get(ctx.streamId) ?? []);
    }
    const decision = def.decider.decide(validated, fold(def.decider, streams.get(streamId) ?? []), context);
    streams.set(streamId, [...(streams.get(streamId) ?? []), ...decision.events]);
  }
  return [...streams].map(([streamId, events]) => ({ streamId, events }));
}
