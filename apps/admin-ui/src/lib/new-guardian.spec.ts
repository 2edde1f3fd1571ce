import { addGuardianCommand, EMPTY_GUARDIAN } from './new-guardian';

describe('addGuardianCommand', () => {
  it('adds a new person with the relation, leaving out the blank optional fields', () => {
    const draft = {
      ...EMPTY_GUARDIAN,
      civility: 'MME',
      lastName: ' Durand ',
      firstName: 'Claire',
      link: '10',
      line1: '3 rue des Lilas',
      commune: 'Paris',
      mobile: '0612345678',
    };
    expect(addGuardianCommand({ uai: '0750680G', pupilId: 'E1' }, 'G1', draft)).toEqual({
      type: 'AddGuardian',
      payload: {
        uai: '0750680G',
        pupilId: 'E1',
        guardian: {
          guardianId: 'G1',
          civility: 'MME',
          lastName: 'Durand',
          firstName: 'Claire',
          link: '10',
          legalLevel: 1,
          parentalAuthority: true,
          livesWith: true,
          address: { line1: '3 rue des Lilas', commune: 'Paris', country: '100' },
          mobile: '0612345678',
        },
      },
    });
  });
});
