import { rebase } from './use-draft';

describe('rebase', () => {
  it('keeps what the user typed and takes the rest from the new version', () => {
    const opened = { usageName: '', firstName3: '', lv1: '' };
    const typed = { usageName: 'Martin', firstName3: '', lv1: '' };
    const meanwhile = { usageName: '', firstName3: 'Solène', lv1: '' };
    expect(rebase(opened, meanwhile, typed)).toEqual({ usageName: 'Martin', firstName3: 'Solène', lv1: '' });
  });

  it('keeps the user’s value when both changed the same field', () => {
    expect(rebase({ a: '1' }, { a: '2' }, { a: '3' })).toEqual({ a: '3' });
  });

  it('compares lists by value', () => {
    expect(rebase({ d: ['ULIS'] }, { d: ['PAP'] }, { d: ['ULIS'] })).toEqual({ d: ['PAP'] });
  });
});
