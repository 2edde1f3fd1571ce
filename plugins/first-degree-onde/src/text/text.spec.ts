import * as iconv from 'iconv-lite';
import { decodeText } from './decode';
import { encodeLatin9, isLatin9Char, nonLatin9Chars } from './latin9';
import { normaliseHeader, normaliseName, toUpperLabel } from './normalise';

describe('decodeText', () => {
  it('reads strict UTF-8, strips BOMs, and falls back to ISO-8859-15', () => {
    expect(decodeText(new TextEncoder().encode('\uFEFFÉlève'))).toEqual({ text: 'Élève', encoding: 'utf-8' });
    expect(decodeText(new Uint8Array(iconv.encode('Élève Œuvre 5 €', 'iso-8859-15')))).toEqual({
      text: 'Élève Œuvre 5 €',
      encoding: 'iso-8859-15',
    });
  });
});

describe('ISO-8859-15', () => {
  it('holds French letters, Œ and €, not ¤, ł or emoji', () => {
    for (const c of ['é', 'Ç', 'Œ', 'œ', 'Ÿ', '€', 'Š', 'ß']) expect(isLatin9Char(c)).toBe(true);
    for (const c of ['¤', '¼', 'ł', '’', '😀']) expect(isLatin9Char(c)).toBe(false);
    // ó is Latin-9; each character is reported once.
    expect(nonLatin9Chars('Łucja ’s Łódź')).toEqual(['Ł', '’', 'ź']);
  });

  it('encodes to single bytes, and refuses what it cannot hold', () => {
    expect([...encodeLatin9('Œé€')]).toEqual([0xbc, 0xe9, 0xa4]);
    expect(() => encodeLatin9('Łucja')).toThrow(/« Ł » impossible\(s\) à écrire en ISO-8859-15/);
  });
});

describe('normalisation', () => {
  it('matches headers whatever their accents, case and spaces', () => {
    expect(normaliseHeader(' Cycle')).toBe('cycle');
    expect(normaliseHeader('Nom Elève')).toBe(normaliseHeader('nom élève'));
  });

  it('compares names without accents, case, ligatures, hyphens, apostrophes or spaces', () => {
    expect(normaliseName("N'Diaye")).toBe(normaliseName('NDIAYE'));
    expect(normaliseName('Lefèvre-Durand')).toBe(normaliseName('LEFEVRE DURAND'));
    expect(normaliseName('Cœur')).toBe('COEUR');
  });

  it('prints labels upper case without accents', () => {
    expect(toUpperLabel('Néerlandais')).toBe('NEERLANDAIS');
    expect(toUpperLabel('Anglais')).toBe('ANGLAIS');
  });
});
