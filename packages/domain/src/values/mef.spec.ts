import { isMefCode, mefSchema } from './mef';

describe('MEF code', () => {
  it.each(['10010012110', '20110019110', '99999999990'])('accepts %s', (code) => {
    expect(isMefCode(code)).toBe(true);
    expect(mefSchema.parse(code)).toBe(code);
  });

  it.each(['1001001211', '100100121100', '1001001211A', ' 10010012110', '', '١٠٠١٠٠١٢١١٠'])('refuses %j', (code) => {
    expect(isMefCode(code)).toBe(false);
    expect(mefSchema.safeParse(code).error?.issues[0]?.message).toBe(`code MEF « ${code} » invalide : 11 chiffres attendus`);
  });

  it('refuses a number: leading zeros would be lost', () => {
    expect(mefSchema.safeParse(10010012110).error?.issues[0]?.message).toBe(
      'code MEF invalide : une chaîne de caractères est attendue',
    );
  });
});
