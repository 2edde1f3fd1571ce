import { InvalidValueError } from '../errors';
import { checkUai, isValidUai, uaiCheckLetter, uaiSchema } from './uai';

const VALID_UAIS = [
  '0750680G',
  '0752387M',
  '0660864F',
  '0931434D',
  '0590181B',
  '0540001H',
  '0140070A',
  '0123456S',
  '6200003J',
  '0382032C',
  '0750001U',
];

describe('uaiCheckLetter', () => {
  it.each(VALID_UAIS)('computes the key letter of %s', (uai) => {
    expect(uaiCheckLetter(uai.slice(0, 7))).toBe(uai.charAt(7));
  });

  it('never yields a letter that reads like a digit', () => {
    const letters = new Set(Array.from({ length: 23 }, (_, i) => uaiCheckLetter(String(i).padStart(7, '0'))));
    expect(letters.size).toBe(23);
    expect([...letters].some((letter) => 'IOQ'.includes(letter))).toBe(false);
  });

  it.each(['075068', '07506801', '075068A', ''])('refuses %j, which is not 7 digits', (input) => {
    expect(() => uaiCheckLetter(input)).toThrow(InvalidValueError);
  });
});

describe('checkUai', () => {
  it.each(VALID_UAIS)('accepts %s', (uai) => {
    expect(checkUai(uai)).toBeUndefined();
    expect(isValidUai(uai)).toBe(true);
  });

  it('names the expected key letter when the key is wrong', () => {
    expect(checkUai('0750001A')).toBe('UAI « 0750001A » invalide : la lettre clé attendue est « U »');
    expect(checkUai('0750680A')).toBe('UAI « 0750680A » invalide : la lettre clé attendue est « G »');
    expect(isValidUai('0750001A')).toBe(false);
  });

  it.each(['123ABC', '0750680g', '0750680', '07506800G', ' 0750680G', '0750680G ', 'O750680G', ''])(
    'explains the expected shape for %j',
    (input) => {
      expect(checkUai(input)).toBe(
        `UAI « ${input} » invalide : 7 chiffres suivis d'une lettre majuscule sont attendus (ex. 0750680G)`,
      );
    },
  );
});

describe('uaiSchema', () => {
  it('parses a valid UAI unchanged', () => {
    expect(uaiSchema.parse('0750680G')).toBe('0750680G');
  });

  it('reports the French reason for a wrong key', () => {
    const result = uaiSchema.safeParse('0750680A');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('UAI « 0750680A » invalide : la lettre clé attendue est « G »');
  });

  it('reports the French reason for a bad shape', () => {
    const result = uaiSchema.safeParse('123ABC');
    expect(result.error?.issues[0]?.message).toBe(
      "UAI « 123ABC » invalide : 7 chiffres suivis d'une lettre majuscule sont attendus (ex. 0750680G)",
    );
  });

  it('refuses a non-string in French', () => {
    const result = uaiSchema.safeParse(750680);
    expect(result.error?.issues[0]?.message).toBe('UAI invalide : une chaîne de caractères est attendue');
  });
});
