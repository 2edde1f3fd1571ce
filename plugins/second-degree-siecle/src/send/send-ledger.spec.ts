import { type Command, DomainError, RuleViolationError } from '@liaison/domain';
import { stream } from '@liaison/domain/testing';
import { SiecleGuardianIdsAssigned, SieclePupilIdsAssigned, SiecleSendNumbered, SiecleSendRecorded } from '../events/send-events';
import {
  applySendCommands,
  linked,
  pupilStream,
  sampleHistory,
  snapshotOf,
  UAI,
  YEAR,
} from '../export/__fixtures__/sample-college';
import { PupilEnrolled, PupilRegistered } from '@liaison/events';
import { prepareSend } from './prepare-send';
import { resolvePrivateIds, sendStateOf } from './private-ids';
import { sendCommands } from './send-commands';
import { evolveSiecleSend, sendExportId } from './send-evolve';
import { initialSiecleSendState, type SiecleSendState, siecleStreamId } from './send-state';

const definitions = new Map(sendCommands.map((d) => [d.type, d]));

/** Decides one command on a given state, as the pipeline would after validating its payload. */
function decide(state: SiecleSendState, command: Command) {
  const definition = definitions.get(command.type)!;
  const payload = definition.payload.parse(command.payload);
  return definition.decider.decide({ type: command.type, payload }, state, {});
}

function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const withState = (patch: Partial<SiecleSendState>): SiecleSendState => ({ ...initialSiecleSendState(), ...patch });

/** A new pupil of the year, enrolled in 6A with the mother G1. */
function newPupil(pupilId: string, lastName: string) {
  return pupilStream(
    pupilId,
    PupilRegistered.create({
      uai: UAI,
      pupilId,
      lastName,
      firstName: 'Nouveau',
      sex: 'M',
      birthDate: '2015-01-01',
      nationality: '100',
      birthPlace: { country: '100', communeCode: '75056' },
      previousSchool: { uai: '0750001U', provenance: '1' },
    }),
    linked(pupilId, 'G1', '10', 1, true),
    PupilEnrolled.create({ uai: UAI, year: YEAR, pupilId, classCode: '6A', entryDate: '2026-09-01' }),
  );
}

describe('the send ledger decider', () => {
  it('assigns consecutive ids from the next free one, in internal-id order', () => {
    const decision = decide(withState({ nextPupilPrivateId: 5 }), {
      type: 'AssignSiecleIds',
      payload: {
        uai: UAI,
        pupils: [
          { pupilId: 'A', privateId: 5 },
          { pupilId: 'B', privateId: 6 },
        ],
        guardians: [{ guardianId: 'G1', privateId: 1 }],
      },
    });
    expect(decision.events).toEqual([
      SieclePupilIdsAssigned.create({
        uai: UAI,
        ids: [
          { pupilId: 'A', privateId: 5 },
          { pupilId: 'B', privateId: 6 },
        ],
      }),
      SiecleGuardianIdsAssigned.create({ uai: UAI, ids: [{ guardianId: 'G1', privateId: 1 }] }),
    ]);
  });

  it('never gives a second id, never skips or reuses a number, keeps the order', () => {
    const state = withState({ pupilPrivateIds: { A: 1 }, nextPupilPrivateId: 2 });
    const assign = (pupils: Array<{ pupilId: string; privateId: number }>) => () =>
      decide(state, { type: 'AssignSiecleIds', payload: { uai: UAI, pupils } });
    expect(refusal(assign([{ pupilId: 'A', privateId: 2 }])).code).toBe('siecle_id_already_assigned');
    expect(refusal(assign([{ pupilId: 'B', privateId: 1 }])).code).toBe('siecle_ids_not_sequential');
    expect(refusal(assign([{ pupilId: 'B', privateId: 3 }])).code).toBe('siecle_ids_not_sequential');
    expect(
      refusal(
        assign([
          { pupilId: 'C', privateId: 2 },
          { pupilId: 'B', privateId: 3 },
        ]),
      ).code,
    ).toBe('siecle_ids_out_of_order');
  });

  it('refuses ids beyond 99999, in French', () => {
    const error = refusal(() =>
      decide(withState({ nextPupilPrivateId: 100000 }), {
        type: 'AssignSiecleIds',
        payload: { uai: UAI, pupils: [{ pupilId: 'A', privateId: 100000 }] },
      }),
    );
    expect(error).toBeInstanceOf(RuleViolationError);
    expect(error.code).toBe('siecle_ids_exhausted');
    expect(error.message).toMatch(/plus d’identifiant privé SIECLE disponible pour les élèves : 100000 dépasserait 99999/);
  });

  it('numbers the sends of each year 1, 2, 3…', () => {
    const state = withState({ sendNumbers: { [YEAR]: 2 } });
    expect(decide(state, { type: 'NumberSiecleSend', payload: { uai: UAI, year: YEAR, sendNumber: 3 } }).events).toEqual([
      SiecleSendNumbered.create({ uai: UAI, year: YEAR, sendNumber: 3 }),
    ]);
    expect(decide(state, { type: 'NumberSiecleSend', payload: { uai: UAI, year: YEAR + 1, sendNumber: 1 } }).events).toHaveLength(
      1,
    );
    expect(
      refusal(() => decide(state, { type: 'NumberSiecleSend', payload: { uai: UAI, year: YEAR, sendNumber: 2 } })).code,
    ).toBe('siecle_send_number_not_next');
  });

  it('records a numbered send once, with the ids the ledger holds', () => {
    const state = withState({ sendNumbers: { [YEAR]: 1 }, pupilPrivateIds: { A: 1 }, guardianPrivateIds: { G1: 1 } });
    const payload = {
      uai: UAI,
      year: YEAR,
      sendNumber: 1,
      digest: 'a'.repeat(64),
      pupils: [{ pupilId: 'A', privateId: 1, lastName: 'X', firstName: 'Y', birthDate: '2015-01-01' }],
      guardians: [{ guardianId: 'G1', privateId: 1 }],
    };
    expect(decide(state, { type: 'RecordSiecleSend', payload }).events).toEqual([SiecleSendRecorded.create(payload)]);
    expect(refusal(() => decide(state, { type: 'RecordSiecleSend', payload: { ...payload, sendNumber: 2 } })).code).toBe(
      'siecle_send_not_numbered',
    );
    expect(
      refusal(() =>
        decide(state, { type: 'RecordSiecleSend', payload: { ...payload, pupils: [{ ...payload.pupils[0]!, privateId: 2 }] } }),
      ).code,
    ).toBe('siecle_send_unknown_id');
    const recorded = evolveSiecleSend(state, SiecleSendRecorded.create(payload));
    expect(refusal(() => decide(recorded, { type: 'RecordSiecleSend', payload })).code).toBe('siecle_send_already_recorded');
  });

  it('are internal commands: only the server sends them', () => {
    expect(sendCommands.map((c) => [c.type, c.internal])).toEqual([
      ['AssignSiecleIds', true],
      ['NumberSiecleSend', true],
      ['RecordSiecleSend', true],
    ]);
    expect(sendCommands.every((c) => c.streamId({ uai: UAI } as never) === `siecle-${UAI}`)).toBe(true);
  });
});

describe('folding the ledger', () => {
  it('takes the export id and the send time from the stored envelope', () => {
    const event = {
      ...SiecleSendRecorded.create({ uai: UAI, year: YEAR, sendNumber: 1, digest: 'b'.repeat(64), pupils: [], guardians: [] }),
      globalPosition: 812,
      recordedAt: '2027-01-15T15:22:23.000Z',
    };
    const state = evolveSiecleSend(withState({ sendNumbers: { [YEAR]: 1 } }), event);
    expect(state.lastSend).toMatchObject({
      sendNumber: 1,
      year: YEAR,
      exportId: `exp-${UAI}-${YEAR}-siecle.import-prive-812`,
      sentAt: '2027-01-15T15:22:23.000Z',
      position: 812,
      digest: 'b'.repeat(64),
    });
    expect(sendExportId(UAI, YEAR, 812)).toBe(state.lastSend!.exportId);
  });
});

describe('sends of two school years', () => {
  it('keeps the last send of each year, numbering each year from 1', () => {
    const recorded = (year: number, sendNumber: number) =>
      SiecleSendRecorded.create({ uai: UAI, year, sendNumber, digest: String(year).padEnd(64, '0'), pupils: [], guardians: [] });
    let state = initialSiecleSendState();
    for (const e of [
      SiecleSendNumbered.create({ uai: UAI, year: 2026, sendNumber: 1 }),
      recorded(2026, 1),
      SiecleSendNumbered.create({ uai: UAI, year: 2027, sendNumber: 1 }),
      recorded(2027, 1),
    ]) {
      state = evolveSiecleSend(state, e);
    }
    expect(state.sendNumbers).toEqual({ 2026: 1, 2027: 1 });
    expect(state.lastSend?.year).toBe(2027);
    expect(Object.keys(state.lastSendByYear ?? {})).toEqual(['2026', '2027']);
    expect(
      refusal(() =>
        decide(state, {
          type: 'RecordSiecleSend',
          payload: { uai: UAI, year: 2026, sendNumber: 1, digest: 'c'.repeat(64), pupils: [], guardians: [] },
        }),
      ).code,
    ).toBe('siecle_send_already_recorded');
  });
});

describe('prepare: assign first, then number and record the send', () => {
  it('assigns ids in pupilId / guardianId order on the first send, numbers it 1 and records it last', () => {
    const commands = prepareSend(snapshotOf(sampleHistory()));
    expect(commands.map((c) => c.type)).toEqual(['AssignSiecleIds', 'NumberSiecleSend', 'RecordSiecleSend']);
    expect(commands[0]!.payload).toEqual({
      uai: UAI,
      pupils: ['P001', 'P002', 'P003', 'P004'].map((pupilId, i) => ({ pupilId, privateId: i + 1 })),
      guardians: ['G1', 'G2', 'G3', 'G4', 'G5', 'G6', 'G7'].map((guardianId, i) => ({ guardianId, privateId: i + 1 })),
    });
    expect(commands[1]!.payload).toEqual({ uai: UAI, year: YEAR, sendNumber: 1 });
    const recorded = commands[2]!.payload as { pupils: unknown[]; sendNumber: number; digest: string };
    expect(recorded.sendNumber).toBe(1);
    expect(recorded.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(recorded.pupils).toEqual([
      {
        pupilId: 'P001',
        privateId: 1,
        ine: '070832327JA',
        lastName: 'Lefèvre',
        firstName: 'Léa',
        birthDate: '2015-03-14',
        mefCode: '10010012110',
        division: '6A',
      },
      {
        pupilId: 'P002',
        privateId: 2,
        eleveId: '1651077',
        lastName: "N'Diaye",
        firstName: 'Moussa',
        birthDate: '2014-05-02',
        mefCode: '10110001110',
        division: '5A',
      },
      {
        pupilId: 'P003',
        privateId: 3,
        ine: '0113014881M',
        lastName: 'Martin-Cœur',
        firstName: 'Chloé',
        birthDate: '2012-11-20',
        mefCode: '10310019110',
        division: '4-3ULIS',
      },
      {
        pupilId: 'P004',
        privateId: 4,
        lastName: 'Lefèvre',
        firstName: 'Hugo',
        birthDate: '2013-07-07',
        mefCode: '10110001110',
        division: '5A',
        exitDate: '2027-01-08',
      },
    ]);
  });

  it('reuses the ids of a second send, gives newcomers the next ones in pupilId order, and numbers it 2', () => {
    let history = applySendCommands(sampleHistory(), prepareSend(snapshotOf(sampleHistory())));
    // Two newcomers whose ids sort before and after the others: P0000 < P001 … P004 < P010.
    history = [...history, newPupil('P010', 'Zola'), newPupil('P0000', 'Abel')];
    const second = prepareSend(snapshotOf(history));
    expect(second.map((c) => c.type)).toEqual(['AssignSiecleIds', 'NumberSiecleSend', 'RecordSiecleSend']);
    expect(second[0]!.payload).toEqual({
      uai: UAI,
      pupils: [
        { pupilId: 'P0000', privateId: 5 },
        { pupilId: 'P010', privateId: 6 },
      ],
      guardians: [],
    });
    expect(second[1]!.payload).toMatchObject({ sendNumber: 2 });
    history = applySendCommands(history, second);
    const state = sendStateOf(snapshotOf(history));
    expect(state.pupilPrivateIds).toEqual({ P001: 1, P002: 2, P003: 3, P004: 4, P0000: 5, P010: 6 });
    expect(state.nextPupilPrivateId).toBe(7);
    expect(state.sendNumbers).toEqual({ [YEAR]: 2 });
    expect(state.lastSend?.sendNumber).toBe(2);
    expect(state.lastSend?.pupils.map((p) => [p.pupilId, p.privateId])).toEqual([
      ['P0000', 5],
      ['P001', 1],
      ['P002', 2],
      ['P003', 3],
      ['P004', 4],
      ['P010', 6],
    ]);
    // A third send with nothing new assigns nothing and takes number 3.
    const third = prepareSend(snapshotOf(history));
    expect(third.map((c) => c.type)).toEqual(['NumberSiecleSend', 'RecordSiecleSend']);
    expect(third[0]!.payload).toMatchObject({ sendNumber: 3 });
  });

  it('refuses, in French, a send whose new ids would go beyond 99999', () => {
    const full = stream(
      siecleStreamId(UAI),
      SieclePupilIdsAssigned.create({ uai: UAI, ids: [{ pupilId: 'OLD', privateId: 99998 }] }),
    );
    const history = [...sampleHistory(), full];
    expect(resolvePrivateIds(sendStateOf(snapshotOf(history)), ['P001', 'P002'], []).exhausted).toEqual({
      kind: 'élèves',
      wanted: 100000,
    });
    const error = refusal(() => prepareSend(snapshotOf(history)));
    expect(error.code).toBe('siecle_ids_exhausted');
    expect(error.message).toContain('ID_PRV_ELE, 0 à 99999');
  });
});
