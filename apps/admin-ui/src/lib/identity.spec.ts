import { draftOf, identityChanges } from './identity';

describe('identityChanges', () => {
  const identity = { lastName: 'Frémont', firstName: 'Côme', sex: 'M', birthDate: '2018-03-01', usageName: 'X' };

  it('sends only what changed; a cleared optional field is null', () => {
    const draft = { ...draftOf(identity), usageName: '', firstName2: 'Joachim' };
    expect(identityChanges(identity, draft)).toEqual({ usageName: null, firstName2: 'Joachim' });
  });

  it('sends a birth place as a whole', () => {
    const draft = { ...draftOf(identity), country: '100', department: '075', city: 'Paris' };
    expect(identityChanges(identity, draft)).toEqual({ birthPlace: { country: '100', department: '075', city: 'Paris' } });
    expect(identityChanges(identity, draftOf(identity))).toEqual({});
  });
});
