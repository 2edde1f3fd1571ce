import { diffStates } from './state-diff';

describe('diffStates', () => {
  it('lists changed, added and removed leaves by dotted path', () => {
    const before = { registered: true, lastName: 'Martin', years: { 2026: { classCode: 'CP-A', dispositifs: [] } } };
    const after = {
      registered: true,
      lastName: 'Martín',
      ine: '070832327JA',
      years: { 2026: { classCode: 'CE1-B', dispositifs: ['ULIS'] } },
    };
    expect(diffStates(before, after)).toEqual([
      { field: 'ine', before: undefined, after: '070832327JA' },
      { field: 'lastName', before: 'Martin', after: 'Martín' },
      { field: 'years.2026.classCode', before: 'CP-A', after: 'CE1-B' },
      { field: 'years.2026.dispositifs', before: [], after: ['ULIS'] },
    ]);
  });

  it('is empty when nothing changed', () => {
    expect(diffStates({ a: { b: [1, 2] } }, { a: { b: [1, 2] } })).toEqual([]);
  });

  it('reports a removed field with after undefined', () => {
    expect(diffStates({ usageName: 'Dupont' }, {})).toEqual([{ field: 'usageName', before: 'Dupont', after: undefined }]);
  });
});
