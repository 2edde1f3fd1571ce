import { ineSchema, ineWarning, inspectIne } from './ine';

describe('inspectIne — INE-RNIE', () => {
  it.each(['070832327JA', '060375611AC', '097000000KH'])('accepts %s', (ine) => {
    expect(inspectIne(ine)).toEqual({ kind: 'rnie', valid: true });
  });

  it('writes key 97 as KH when the number is a multiple of 97', () => {
    expect(inspectIne('097000000KH').valid).toBe(true);
    expect(inspectIne('097000000AA').message).toContain('« KH »');
  });

  it('refuses a wrong key and names the expected one', () => {
    expect(inspectIne('070876696HA')).toEqual({
      kind: 'rnie',
      valid: false,
      message: 'INE « 070876696HA » invalide : la clé INE-RNIE attendue est « EA »',
    });
  });

  it('does not treat letters outside A-H, J, K as an RNIE key', () => {
    // I is not a key letter, so this is neither RNIE- nor BEA-shaped.
    expect(inspectIne('070832327IA')).toMatchObject({ kind: 'unknown', valid: true });
    expect(inspectIne('070832327ZA')).toMatchObject({ kind: 'unknown', valid: true });
  });
});

describe('inspectIne — INE-BEA', () => {
  it.each(['0113014881M', '0494004062M'])('accepts %s', (ine) => {
    expect(inspectIne(ine)).toEqual({ kind: 'bea', valid: true });
  });

  it('checks a BEA-shaped value even when it looks like padding', () => {
    expect(inspectIne('0000000001X')).toEqual({
      kind: 'bea',
      valid: false,
      message: 'INE « 0000000001X » invalide : la lettre clé INE-BEA attendue est « B »',
    });
    expect(inspectIne('0000000001B')).toEqual({ kind: 'bea', valid: true });
  });

  it('refuses a wrong key letter', () => {
    expect(inspectIne('0113014881N')).toMatchObject({ kind: 'bea', valid: false });
  });
});

describe('inspectIne — formats without a known key', () => {
  it('accepts an apprentice number with a warning', () => {
    const inspection = inspectIne('1234A12345B');
    expect(inspection).toMatchObject({ kind: 'apprenti', valid: true });
    expect(inspection.message).toBe('INE « 1234A12345B » au format apprenti : sa clé ne peut pas être vérifiée');
  });

  it('accepts an unknown format with a warning', () => {
    expect(inspectIne('00000000123')).toEqual({
      kind: 'unknown',
      valid: true,
      message: 'INE « 00000000123 » de format inconnu : ni INE-RNIE (9 chiffres + 2 lettres) ni INE-BEA (10 chiffres + 1 lettre)',
    });
  });

  it('does not recognise lower-case keys, so they only get a warning', () => {
    expect(inspectIne('070832327ja')).toMatchObject({ kind: 'unknown', valid: true });
  });

  it.each(['', '070832327 JA', '0708-32327JA', 'A'.repeat(21), 'é12345678AB'])(
    'refuses %j, which is not 1 to 20 letters or digits',
    (input) => {
      expect(inspectIne(input)).toEqual({
        kind: 'unknown',
        valid: false,
        message: `INE « ${input} » invalide : 1 à 20 caractères parmi A-Z, a-z et 0-9 sont attendus`,
      });
    },
  );
});

describe('ineWarning', () => {
  it('warns about formats whose key cannot be checked', () => {
    expect(ineWarning('00000000123')).toBe(
      'INE « 00000000123 » de format inconnu : ni INE-RNIE (9 chiffres + 2 lettres) ni INE-BEA (10 chiffres + 1 lettre)',
    );
    expect(ineWarning('1234A12345B')).toContain('apprenti');
  });

  it('is silent for checked INEs and for refused ones', () => {
    expect(ineWarning('070832327JA')).toBeUndefined();
    expect(ineWarning('0113014881M')).toBeUndefined();
    expect(ineWarning('070876696HA')).toBeUndefined();
  });
});

describe('ineSchema', () => {
  it.each(['070832327JA', '0113014881M', '1234A12345B', '00000000123', 'abc123'])('accepts %s unchanged', (ine) => {
    expect(ineSchema.parse(ine)).toBe(ine);
  });

  it('refuses a wrong RNIE key in French', () => {
    const result = ineSchema.safeParse('070876696HA');
    expect(result.error?.issues[0]?.message).toBe('INE « 070876696HA » invalide : la clé INE-RNIE attendue est « EA »');
  });

  it('refuses a wrong BEA key in French', () => {
    const result = ineSchema.safeParse('0000000001X');
    expect(result.error?.issues[0]?.message).toBe('INE « 0000000001X » invalide : la lettre clé INE-BEA attendue est « B »');
  });

  it('trims nothing: surrounding spaces are refused', () => {
    expect(ineSchema.safeParse(' 070832327JA').success).toBe(false);
    expect(ineSchema.safeParse('070832327JA ').success).toBe(false);
  });

  it('refuses empty and over-long values', () => {
    expect(ineSchema.safeParse('').success).toBe(false);
    expect(ineSchema.safeParse('1'.repeat(20)).success).toBe(true);
    expect(ineSchema.safeParse('1'.repeat(21)).success).toBe(false);
  });
});
