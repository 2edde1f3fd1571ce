import { tieredMatch } from './matching';

const tiers = [
  {
    name: 'id',
    left: (l: { id?: string; name: string }) => (l.id ? [l.id] : []),
    right: (r: { id?: string; name: string }) => (r.id ? [r.id] : []),
  },
  { name: 'nom', left: (l: { name: string }) => [l.name], right: (r: { name: string }) => [r.name] },
];

describe('tieredMatch', () => {
  it('pairs by the strongest key first; a weaker key cannot take a pupil already paired', () => {
    const rights = [{ id: '1', name: 'A' }, { name: 'B' }];
    const lefts = [{ id: '1', name: 'Z' }, { name: 'A' }, { name: 'B' }];
    expect(tieredMatch(lefts, rights, tiers)).toEqual([
      { kind: 'matched', right: rights[0], tier: 'id' },
      { kind: 'taken', right: rights[0], tier: 'nom', by: lefts[0] },
      { kind: 'matched', right: rights[1], tier: 'nom' },
    ]);
  });

  it('reports several candidates, and several claimants of one candidate, without choosing', () => {
    const rights = [{ name: 'A' }, { name: 'A' }, { name: 'B' }];
    const lefts = [{ name: 'A' }, { name: 'B' }, { name: 'B' }, { name: 'C' }];
    const outcomes = tieredMatch(lefts, rights, tiers);
    expect(outcomes[0]).toEqual({ kind: 'ambiguous', candidates: [rights[0], rights[1]], tier: 'nom' });
    expect(outcomes[1]).toEqual({ kind: 'contested', right: rights[2], tier: 'nom', rivals: [lefts[2]] });
    expect(outcomes[2]).toEqual({ kind: 'contested', right: rights[2], tier: 'nom', rivals: [lefts[1]] });
    expect(outcomes[3]).toEqual({ kind: 'none' });
  });
});
