import {
  GUARDIAN_LEGAL_LEVELS,
  GUARDIAN_LINK_LABELS,
  GUARDIAN_LINK_ORDER,
  GUARDIAN_LINKS,
  guardianLegalLevelSchema,
  guardianLinkSchema,
} from './guardian-links';

describe('GUARDIAN_LINKS', () => {
  it('holds the 11 post-2018 CODE_PARENTE values, each with its labels and place in the order', () => {
    const codes = ['10', '20', '37', '38', '39', '41', '42', '50', '51', '70', '90'];
    expect(Object.keys(GUARDIAN_LINKS)).toEqual(codes);
    expect(Object.keys(GUARDIAN_LINK_LABELS)).toEqual(codes);
    expect([...GUARDIAN_LINK_ORDER].sort()).toEqual(codes);
    expect(GUARDIAN_LINKS['10']).toBe('MERE');
    expect(GUARDIAN_LINK_LABELS['50']).toBe('Tuteur');
  });

  it('names the three responsibility levels', () => {
    expect(GUARDIAN_LEGAL_LEVELS[1]).toBe('Représentant légal');
  });
});

describe('guardianLinkSchema', () => {
  it.each(['10', '20', '51', '90'])('accepts %s', (code) => {
    expect(guardianLinkSchema.parse(code)).toBe(code);
  });

  it.each(['1', '2', '30', 'MERE'])('refuses %s, listing the codes', (code) => {
    expect(guardianLinkSchema.safeParse(code).error?.issues[0]?.message).toMatch(
      new RegExp(`^lien de parenté « ${code} » invalide : codes SIECLE acceptés 10 \\(Mère\\), 20 \\(Père\\)`),
    );
  });
});

describe('guardianLegalLevelSchema', () => {
  it('accepts 1, 2 and 3 only', () => {
    expect([1, 2, 3].map((level) => guardianLegalLevelSchema.parse(level))).toEqual([1, 2, 3]);
    expect(guardianLegalLevelSchema.safeParse(4).error?.issues[0]?.message).toContain('niveau de responsabilité invalide');
    expect(guardianLegalLevelSchema.safeParse('1').success).toBe(false);
  });
});
