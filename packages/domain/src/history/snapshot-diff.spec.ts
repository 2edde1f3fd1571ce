import { ClassCoded, GuardianCorrected, PupilEnrolled, PupilExited, PupilIdentityCorrected } from '@liaison/events';
import { streamIds } from '../streams';
import { snapshotFromEvents, stream, type StreamHistory } from '../testing';
import { applyCommands, classOf, cmd, pupilIn, school, UAI, Y } from '../rollover/testing/rollover-fixtures';
import { diffSnapshots } from './snapshot-diff';

const ref = { uai: UAI, year: Y };

describe('diffSnapshots — two states of a year as an export sees them', () => {
  const base: StreamHistory[] = applyCommands(
    [],
    [
      ...school('first'),
      ...classOf('CP', ['CP']),
      ...pupilIn('E1', 'Lefèvre', 'CP', 'CP'),
      ...pupilIn('E2', 'Ménard', 'CP', 'CP'),
      cmd('AddGuardian', {
        uai: UAI,
        pupilId: 'E1',
        guardian: {
          guardianId: 'G1',
          civility: 'MME',
          lastName: 'Lefèvre',
          firstName: 'Anaïs',
          link: '10',
          legalLevel: 1,
          parentalAuthority: true,
          address: { line1: '1 rue Haute', commune: 'Paris', country: '100' },
        },
      }),
    ],
  );
  const later: StreamHistory[] = [
    ...base,
    stream(
      streamIds.pupil(UAI, 'E1'),
      PupilIdentityCorrected.create({ uai: UAI, pupilId: 'E1', changes: { firstName: 'Éloïse' } }),
    ),
    stream(
      streamIds.guardian(UAI, 'G1'),
      GuardianCorrected.create({
        uai: UAI,
        guardianId: 'G1',
        changes: { address: { line1: '2 rue Basse', commune: 'Paris', country: '100' } },
      }),
    ),
    stream(streamIds.pupil(UAI, 'E2'), PupilExited.create({ ...ref, pupilId: 'E2', exitDate: '2027-01-15', motive: '40' })),
    stream(streamIds.class(UAI, Y, 'CP'), ClassCoded.create({ ...ref, classCode: 'CP', rectoratCode: 'CPA' })),
  ];

  it('lists pupils added and removed, and each changed field of a pupil, of its guardians and of the classes', () => {
    const withNew = applyCommands(later, [
      cmd('RegisterPupil', {
        uai: UAI,
        pupilId: 'E3',
        lastName: 'Giraud',
        firstName: 'Chloé',
        sex: 'F',
        birthDate: '2019-04-01',
      }),
    ]);
    const after = [
      ...withNew,
      stream(
        streamIds.pupil(UAI, 'E3'),
        PupilEnrolled.create({ ...ref, pupilId: 'E3', classCode: 'CP', entryDate: '2026-10-01' }),
      ),
    ];
    const diff = diffSnapshots(
      snapshotFromEvents(UAI, Y, base, { position: 10 }),
      snapshotFromEvents(UAI, Y, after, { position: 20 }),
    );
    expect(diff.fromAsOf).toBe(10);
    expect(diff.toAsOf).toBe(20);
    expect(diff.pupils.added).toEqual([{ pupilId: 'E3', name: 'GIRAUD Chloé' }]);
    expect(diff.pupils.removed).toEqual([]);
    expect(diff.pupils.changed).toEqual([
      {
        pupilId: 'E1',
        name: 'LEFÈVRE Éloïse',
        fields: [
          { field: 'guardians.G1.person.address.line1', before: '1 rue Haute', after: '2 rue Basse' },
          { field: 'identity.firstName', before: 'Léa', after: 'Éloïse' },
        ],
      },
      {
        pupilId: 'E2',
        name: 'MÉNARD Léa',
        fields: [
          { field: 'year.exitDate', before: undefined, after: '2027-01-15' },
          { field: 'year.exitMotive', before: undefined, after: '40' },
          { field: 'year.status', before: 'inscrit', after: 'sorti' },
        ],
      },
    ]);
    expect(diff.classes.changed).toEqual([{ classCode: 'CP', fields: [{ field: 'rectoratCode', before: 'CP', after: 'CPA' }] }]);
  });

  it('is empty between two identical states', () => {
    const s = snapshotFromEvents(UAI, Y, base);
    expect(diffSnapshots(s, s)).toMatchObject({
      pupils: { added: [], removed: [], changed: [] },
      classes: { added: [], removed: [], changed: [] },
      establishment: [],
    });
  });
});
