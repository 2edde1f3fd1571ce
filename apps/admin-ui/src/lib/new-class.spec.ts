import { newClassCommands } from './new-class';

describe('newClassCommands', () => {
  it('creates the class (label defaulting to its code), then codes it and gives what the form says, in one batch', () => {
    const draft = {
      classCode: ' CE2 ',
      label: '',
      rectoratCode: 'CE2A',
      contractType: 'association',
      classType: '',
      formations: ['CE2'],
    };
    expect(newClassCommands(draft, { uai: '0750680G', year: 2026 })).toEqual([
      { type: 'CreateClass', payload: { uai: '0750680G', year: 2026, classCode: 'CE2', label: 'CE2' } },
      { type: 'CodeClass', payload: { uai: '0750680G', year: 2026, classCode: 'CE2', rectoratCode: 'CE2A' } },
      { type: 'SetClassContract', payload: { uai: '0750680G', year: 2026, classCode: 'CE2', contractType: 'association' } },
      { type: 'AssignFormation', payload: { uai: '0750680G', year: 2026, classCode: 'CE2', formationCode: 'CE2' } },
    ]);
  });
});
