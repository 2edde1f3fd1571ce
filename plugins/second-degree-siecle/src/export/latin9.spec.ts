import { encodeLatin9, isWritableChar, plainText, unwritableChars } from './latin9';

describe('ISO-8859-15 text', () => {
  it('agrees with the character-by-character rule on every code point up to U+2FFF', () => {
    for (let code = 0; code < 0x3000; code += 1) {
      const char = String.fromCodePoint(code);
      expect([code, unwritableChars(char).length === 0]).toEqual([code, isWritableChar(char)]);
    }
  });

  it('writes the eight letters Latin-9 adds, refuses the Latin-1 signs it drops', () => {
    expect(unwritableChars('€ŠšŽžŒœŸ')).toEqual([]);
    expect(unwritableChars('¤¦¨´¸¼½¾')).toEqual(['¤', '¦', '¨', '´', '¸', '¼', '½', '¾']);
    expect([...encodeLatin9('Œœ€')]).toEqual([0xbc, 0xbd, 0xa4]);
    expect(() => encodeLatin9('Łucja')).toThrow(/« Ł » \(U\+0141\)/);
  });

  it('writes typographic punctuation plain, and never replaces a letter', () => {
    expect(plainText(' l’Église — « 10 h » … ')).toBe("l'Église - « 10 h » ...");
    expect(plainText('Łucja')).toBe('Łucja');
  });
});
