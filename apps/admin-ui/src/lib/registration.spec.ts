import { emptyRegistration, registrationCommands } from './registration';

const ref = { uai: '0750680G', year: 2026, pupilId: 'E1' };

describe('registrationCommands', () => {
  it('registers then enrols, leaving out what was not typed', () => {
    const draft = {
      ...emptyRegistration('2027-01-11'),
      lastName: ' Durand ',
      firstName: 'Léa',
      sex: 'F',
      birthDate: '2019-04-02',
      department: '075',
      classCode: 'CP',
    };
    expect(registrationCommands(draft, ref)).toEqual([
      {
        type: 'RegisterPupil',
        payload: {
          uai: '0750680G',
          pupilId: 'E1',
          lastName: 'Durand',
          firstName: 'Léa',
          sex: 'F',
          birthDate: '2019-04-02',
          birthPlace: { country: '100', department: '075' },
          nationality: '100',
        },
      },
      { type: 'EnrolPupil', payload: { uai: '0750680G', year: 2026, pupilId: 'E1', classCode: 'CP', entryDate: '2027-01-11' } },
    ]);
  });

  it('pre-enrols with the formation and no class, abroad with the city', () => {
    const draft = {
      ...emptyRegistration('2027-01-11'),
      lastName: 'Rossi',
      firstName: 'Marco',
      sex: 'M',
      birthDate: '2018-10-20',
      country: '127',
      city: 'Milan',
      nationality: '',
      status: 'preinscrit' as const,
      formationCode: 'CE1',
    };
    const [register, enrol] = registrationCommands(draft, ref);
    expect(register!.payload).toMatchObject({ birthPlace: { country: '127', city: 'Milan' } });
    expect(register!.payload).not.toHaveProperty('nationality');
    expect(enrol).toEqual({
      type: 'PreEnrolPupil',
      payload: { uai: '0750680G', year: 2026, pupilId: 'E1', formationCode: 'CE1' },
    });
  });
});
