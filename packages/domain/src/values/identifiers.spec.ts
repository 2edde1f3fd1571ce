import { classCodeSchema, entityIdSchema } from './identifiers';

describe('entityIdSchema', () => {
  it.each(['p1', 'ELEVE-2026_001', 'a', 'A'.repeat(20)])('accepts %s', (id) => {
    expect(entityIdSchema.parse(id)).toBe(id);
  });

  it.each(['', 'A'.repeat(21), 'élève', 'p 1', 'p/1', 'p.1', ' p1'])('refuses %j', (id) => {
    expect(entityIdSchema.safeParse(id).error?.issues[0]?.message).toBe(
      `identifiant « ${id} » invalide : 1 à 20 caractères parmi A-Z, a-z, 0-9, - et _`,
    );
  });
});

describe('classCodeSchema', () => {
  it.each(['6e A', 'TS-2', '3ème B', 'CM1/CM2'])('accepts %s', (code) => {
    expect(classCodeSchema.parse(code)).toBe(code);
  });

  it('drops surrounding spaces', () => {
    expect(classCodeSchema.parse('  6e A ')).toBe('6e A');
  });

  it('accepts 20 characters, counting accented letters once', () => {
    expect(classCodeSchema.parse('é'.repeat(20))).toBe('é'.repeat(20));
  });

  it('refuses more than 20 characters', () => {
    const code = 'A'.repeat(21);
    expect(classCodeSchema.safeParse(code).error?.issues[0]?.message).toBe(
      `code de classe « ${code} » invalide : 20 caractères au plus`,
    );
  });

  it.each(['', '   '])('refuses the blank %j', (code) => {
    expect(classCodeSchema.safeParse(code).error?.issues[0]?.message).toBe('code de classe invalide : il ne peut pas être vide');
  });

  it.each(['6e\tA', '6e\nA', '6e\u0000A', '6e\u007fA'])('refuses control characters in %j', (code) => {
    expect(classCodeSchema.safeParse(code).error?.issues[0]?.message).toBe(
      'code de classe invalide : les caractères de contrôle sont interdits',
    );
  });
});
