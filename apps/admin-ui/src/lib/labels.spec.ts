import { countsText, describeStream, fieldLabel, frenchDate, frenchDateTime, showValue } from './labels';

describe('labels', () => {
  it('reads a state path as a person would', () => {
    expect(fieldLabel('years.2026.lv1')).toBe('LV1 (2026-2027)');
    expect(fieldLabel('identity.birthPlace.city')).toBe('Lieu de naissance › commune');
    expect(fieldLabel('guardians.R12.parentalAuthority')).toBe('Responsable R12 › autorité parentale');
    expect(fieldLabel('rectoratCode')).toBe('Code rectorat');
    expect(fieldLabel('somethingNew')).toBe('SomethingNew');
  });

  it('shows values in French', () => {
    expect(showValue(undefined)).toBe('—');
    expect(showValue(true)).toBe('oui');
    expect(showValue([])).toBe('(aucun)');
    expect(showValue(['ULIS', 'PAP'])).toBe('ULIS, PAP');
    expect(showValue({ country: '100', city: 'Paris' })).toBe('pays : 100 ; commune : Paris');
  });

  it('writes dates the French way, instants in Paris time', () => {
    expect(frenchDate('2026-09-01')).toBe('01/09/2026');
    expect(frenchDate(null)).toBe('—');
    expect(frenchDateTime('2026-11-28T20:05:00.000Z')).toBe('28/11/2026 à 21:05');
  });

  it('names streams and counts', () => {
    expect(describeStream('pupil-0754321P-E0291')).toEqual({ kind: 'pupil', id: 'E0291' });
    expect(describeStream('class-0754321P-2026-CE1-CE2')).toEqual({ kind: 'class', id: 'CE1-CE2 (2026)' });
    expect(countsText({ pupils: 251, guardians: 367 })).toBe('élèves : 251, responsables : 367');
  });
});
