import { diffNomenclature, sameNomenclatureEntry } from './nomenclature-diff';

const CP = { code: 'CP', label: 'Cours préparatoire', cycle: '2' };
const CE1 = { code: 'CE1', label: 'Cours élémentaire 1re année', cycle: '2' };

describe('diffNomenclature', () => {
  it('sorts declared codes into added, changed and unchanged, in declaration order', () => {
    const current = { CP, CE1 };
    const entries = [{ code: 'CE2', label: 'CE2', cycle: '2' }, { ...CE1, label: 'CE1' }, CP, { code: 'CM1', label: 'CM1' }];
    expect(diffNomenclature(current, entries)).toEqual({ added: ['CE2', 'CM1'], changed: ['CE1'], unchanged: ['CP'] });
  });

  it('does not list codes the declaration leaves out', () => {
    expect(diffNomenclature({ CP, CE1 }, [CP])).toEqual({ added: [], changed: [], unchanged: ['CP'] });
  });

  it('treats every code as added for a year without a nomenclature', () => {
    expect(diffNomenclature({}, [CP, CE1])).toEqual({ added: ['CP', 'CE1'], changed: [], unchanged: [] });
  });

  it('counts a code given twice once', () => {
    expect(diffNomenclature({}, [CP, { ...CP, label: 'autre' }])).toEqual({ added: ['CP'], changed: [], unchanged: [] });
  });

  it('does not take inherited properties for declared codes', () => {
    expect(diffNomenclature({}, [{ code: 'constructor', label: 'x' }]).added).toEqual(['constructor']);
  });
});

describe('sameNomenclatureEntry', () => {
  it('compares label, cycle and attributes deeply', () => {
    expect(sameNomenclatureEntry(CP, { ...CP })).toBe(true);
    expect(sameNomenclatureEntry(CP, { ...CP, label: 'CP' })).toBe(false);
    expect(sameNomenclatureEntry(CP, { ...CP, cycle: '1' })).toBe(false);
    expect(sameNomenclatureEntry(CP, { code: 'CP', label: CP.label })).toBe(false);
    expect(sameNomenclatureEntry({ ...CP, attributes: { a: '1', b: '2' } }, { ...CP, attributes: { b: '2', a: '1' } })).toBe(
      true,
    );
    expect(sameNomenclatureEntry({ ...CP, attributes: { a: '1' } }, { ...CP, attributes: { a: '2' } })).toBe(false);
    expect(sameNomenclatureEntry({ ...CP, attributes: { a: '1' } }, { ...CP, attributes: { b: '1' } })).toBe(false);
    expect(sameNomenclatureEntry({ ...CP, attributes: { a: '1' } }, CP)).toBe(false);
  });

  it('takes an absent attributes map for an empty one', () => {
    expect(sameNomenclatureEntry({ ...CP, attributes: {} }, CP)).toBe(true);
  });
});
