import { newEntityId } from './new-id';

describe('newEntityId', () => {
  it('is the kind, the time in base 36 and 4 random characters, within the ids’ alphabet and length', () => {
    const id = newEntityId('E', Date.UTC(2026, 8, 1), () => 0.5);
    expect(id).toBe(`E${Date.UTC(2026, 8, 1).toString(36).toUpperCase()}IIII`);
    expect(id).toMatch(/^[A-Za-z0-9_-]{1,20}$/);
    expect(newEntityId('G', 0, () => 0.999)).toBe('G00000000ZZZZ');
  });

  it('differs between two calls at the same millisecond', () => {
    const ids = new Set(Array.from({ length: 200 }, () => newEntityId('G', 1_800_000_000_000)));
    expect(ids.size).toBeGreaterThan(195);
  });
});
