import { DEFAULT_EXIT_MOTIVE, EXIT_MOTIVES, exitMotiveSchema, isExitMotive } from './exit-motives';

describe('EXIT_MOTIVES', () => {
  it('holds SIECLE’s 29 codes with their long labels', () => {
    expect(Object.keys(EXIT_MOTIVES)).toHaveLength(29);
    expect(EXIT_MOTIVES['11']).toBe('SUITE ETUDES 2D DEG. MEN:PRIVE ACADEMIE');
    expect(EXIT_MOTIVES['44']).toBe("NE S'EST PAS PRESENTE DANS L'ETABLISSEM.");
    expect(EXIT_MOTIVES[DEFAULT_EXIT_MOTIVE]).toBe('AUTRE MOTIF SANS PRECISION');
    expect(Object.keys(EXIT_MOTIVES).every((code) => /^[0-9]{2}$/.test(code))).toBe(true);
  });

  it('does not take inherited keys for codes', () => {
    expect(isExitMotive('toString')).toBe(false);
  });
});

describe('exitMotiveSchema', () => {
  it.each(['10', '40', '99', ' 45 '])('accepts %j', (code) => {
    expect(exitMotiveSchema.parse(code)).toBe(code.trim());
  });

  it.each(['5', '05', '15', '100', ''])('refuses %j, saying it is not in the national list', (code) => {
    expect(exitMotiveSchema.safeParse(code).error?.issues[0]?.message).toMatch(
      new RegExp(
        `^motif de sortie « ${code} » invalide : ce code n’est pas dans la liste nationale des 29 motifs SIECLE \\(10, 11, .*, 99\\)$`,
      ),
    );
  });

  it('refuses a number', () => {
    expect(exitMotiveSchema.safeParse(40).error?.issues[0]?.message).toContain('code à 2 chiffres');
  });
});
