import { z } from 'zod';
import { defineCommand } from '../commands/command';
import { CommandRegistry } from '../commands/command-registry';
import { accept } from '../decider';
import { scenario } from './given-when-then';

/** A command whose decider echoes what its context holds, to see what the scenario put there. */
const seen: Record<string, unknown>[] = [];
const Probe = defineCommand({
  type: 'Probe',
  payload: z.object({ id: z.string() }),
  decider: {
    initialState: () => ({}),
    evolve: (state: object) => state,
    decide: (_command, _state, context: Record<string, unknown>) => {
      seen.push(context);
      return accept([]);
    },
  },
  streamId: (p) => `probe-${p.id}`,
  lookups: (p) => ({ answer: { kind: 'probeAnswer', params: { id: p.id } } }),
});
const registry = new CommandRegistry().register(Probe);

describe('Scenario look-ups', () => {
  beforeEach(() => {
    seen.length = 0;
  });

  it('puts the answer to a declared look-up into the decider context', () => {
    scenario(registry)
      .withLookup('answer', 42)
      .when({ type: 'Probe', payload: { id: 'x' } })
      .thenEmits();
    expect(seen).toEqual([{ answer: 42 }]);
  });

  it('leaves out answers to look-ups the command does not declare, as production does', () => {
    scenario(registry)
      .withLookup('answer', 1)
      .withLookup('other', 2)
      .when({ type: 'Probe', payload: { id: 'x' } })
      .thenEmits();
    expect(seen).toEqual([{ answer: 1 }]);
  });

  it('fails at once when a declared look-up has no answer', () => {
    expect(() => scenario(registry).when({ type: 'Probe', payload: { id: 'x' } })).toThrow(
      /Probe declares look-up\(s\) "answer" \(probeAnswer \{"id":"x"\}\) that the scenario does not answer/,
    );
    expect(seen).toEqual([]);
  });

  it('still reports invalid input as an outcome, before any look-up', () => {
    scenario(registry).when({ type: 'Probe', payload: {} }).thenRejects('invalid_value');
  });
});
