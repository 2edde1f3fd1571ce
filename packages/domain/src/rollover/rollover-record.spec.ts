import { YearRolledOver } from '@liaison/events';
import { RecordRolloverCommand } from './rollover-record';

const summary = {
  rolloverId: 'rol-0750680G-2026-42',
  uai: '0750680G',
  fromYear: 2026,
  toYear: 2027,
  openedYear: true,
  nomenclatures: [],
  classes: [],
  carried: [{ pupilId: 'E1', decision: 'passage' as const, status: 'preinscrit' as const, formationCode: 'CE1' }],
  exited: [],
};

describe('RecordRollover — the summary of a run', () => {
  const decide = (history: ReturnType<typeof YearRolledOver.create>[]) =>
    RecordRolloverCommand.decider.decide(
      { type: 'RecordRollover', payload: summary },
      history.reduce(RecordRolloverCommand.decider.evolve, RecordRolloverCommand.decider.initialState()),
      {},
    );

  it('is written on rollover-<UAI>-<Y> and only by the server', () => {
    expect(RecordRolloverCommand.internal).toBe(true);
    expect(RecordRolloverCommand.streamId(summary)).toBe('rollover-0750680G-2026');
    expect(decide([]).events).toEqual([YearRolledOver.create(summary)]);
  });

  it('refuses the same rollover twice', () => {
    expect(() => decide([YearRolledOver.create(summary)])).toThrow('la bascule rol-0750680G-2026-42 est déjà enregistrée');
  });
});
