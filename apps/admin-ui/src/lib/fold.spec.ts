import type { PupilState } from '@liaison/domain';
import type { EventDto } from '../api/types';
import { foldStream } from './fold';

const stream = 'pupil-0754321P-E1';
const event = (globalPosition: number, type: string, data: unknown): EventDto => ({
  eventId: String(globalPosition),
  streamId: stream,
  streamPosition: globalPosition,
  globalPosition,
  type,
  schemaVersion: 1,
  data,
  metadata: { actor: 'a', source: 'http', correlationId: 'c', causationId: 'c', occurredAt: '2026-09-01T08:00:00Z' },
  recordedAt: '2026-09-01T08:00:00Z',
  changes: [],
});

describe('foldStream', () => {
  it('replays a pupil with the domain’s evolve, up to a position', () => {
    const events = [
      event(1, 'PupilRegistered', {
        uai: '0754321P',
        pupilId: 'E1',
        lastName: 'Dupont',
        firstName: 'Léa',
        sex: 'F',
        birthDate: '2018-01-02',
      }),
      event(5, 'PupilIdentityCorrected', { uai: '0754321P', pupilId: 'E1', changes: { usageName: 'Martin' } }),
    ];
    expect(foldStream<PupilState>(events, stream, 1)?.identity?.usageName).toBeUndefined();
    expect(foldStream<PupilState>(events, stream)?.identity).toMatchObject({ lastName: 'Dupont', usageName: 'Martin' });
    expect(foldStream(events, 'unknown-x')).toBeUndefined();
  });
});
