import { canonicalJson, sameJson } from './same-json';

describe('sameJson', () => {
  it('ignores the order of keys and undefined fields, at any depth', () => {
    expect(sameJson({ a: 1, b: { c: [1, { d: 2, e: undefined }] } }, { b: { c: [1, { d: 2 }] }, a: 1 })).toBe(true);
    expect(canonicalJson({ b: 1, a: undefined, c: { z: 1, y: 2 } })).toEqual({ b: 1, c: { y: 2, z: 1 } });
    expect(JSON.stringify(canonicalJson({ b: 1, a: 2 }))).toBe('{"a":2,"b":1}');
  });

  it('tells values, list orders and null apart', () => {
    expect(sameJson({ a: 1 }, { a: 2 })).toBe(false);
    expect(sameJson([1, 2], [2, 1])).toBe(false);
    expect(sameJson({ a: null }, {})).toBe(false);
    expect(sameJson('1', 1)).toBe(false);
  });
});
