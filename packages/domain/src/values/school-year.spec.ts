import { InvalidValueError } from '../errors';
import {
  isDateInSchoolYear,
  parseSchoolYear,
  schoolYearBounds,
  schoolYearLabel,
  schoolYearOfDate,
  schoolYearSchema,
} from './school-year';

describe('schoolYearSchema', () => {
  it.each([2000, 2026, 2100])('accepts %d', (year) => {
    expect(schoolYearSchema.parse(year)).toBe(year);
  });

  it.each([1999, 2101, 2026.5, Number.NaN])('refuses %d', (year) => {
    expect(schoolYearSchema.safeParse(year).success).toBe(false);
  });

  it('explains the expected range in French', () => {
    expect(schoolYearSchema.safeParse(1999).error?.issues[0]?.message).toBe(
      'année scolaire « 1999 » invalide : une année de début entière entre 2000 et 2100 est attendue (ex. 2026 pour 2026-2027)',
    );
  });

  it('refuses a string in French', () => {
    expect(schoolYearSchema.safeParse('2026').error?.issues[0]?.message).toBe(
      'année scolaire invalide : un nombre est attendu (ex. 2026 pour 2026-2027)',
    );
  });
});

describe('parseSchoolYear', () => {
  it('accepts the starting year as a number or a string', () => {
    expect(parseSchoolYear(2026)).toBe(2026);
    expect(parseSchoolYear('2026')).toBe(2026);
    expect(parseSchoolYear(' 2026 ')).toBe(2026);
  });

  it('accepts two consecutive years', () => {
    expect(parseSchoolYear('2026-2027')).toBe(2026);
  });

  it('refuses two years that do not follow each other', () => {
    expect(() => parseSchoolYear('2026-2028')).toThrow(
      new InvalidValueError('année scolaire « 2026-2028 » invalide : la seconde année doit suivre la première (ex. 2026-2027)'),
    );
    expect(() => parseSchoolYear('2027-2026')).toThrow(InvalidValueError);
  });

  it('refuses the short "2026-27" form and suggests the full one', () => {
    expect(() => parseSchoolYear('2026-27')).toThrow(
      new InvalidValueError(
        'année scolaire « 2026-27 » invalide : écrivez les deux années en entier (ex. 2026-2027) ou la seule année de début (ex. 2026)',
      ),
    );
  });

  it.each(['deux mille vingt-six', '', '26', '2026/2027', '20262027'])('refuses %j', (input) => {
    expect(() => parseSchoolYear(input)).toThrow(InvalidValueError);
  });

  it.each([1999, 2101, 2026.5])('refuses the out-of-range or fractional %d', (input) => {
    expect(() => parseSchoolYear(input)).toThrow(InvalidValueError);
  });

  it('refuses an out-of-range year written as text', () => {
    expect(() => parseSchoolYear('1999-2000')).toThrow(InvalidValueError);
  });
});

describe('schoolYearBounds / schoolYearLabel', () => {
  it('runs from 1 September to the next 31 August', () => {
    expect(schoolYearBounds(2026)).toEqual({ start: '2026-09-01', end: '2027-08-31' });
  });

  it('labels the year with both calendar years', () => {
    expect(schoolYearLabel(2026)).toBe('2026-2027');
  });

  it('refuses an invalid year', () => {
    expect(() => schoolYearBounds(1999)).toThrow(InvalidValueError);
    expect(() => schoolYearLabel(2026.5)).toThrow(InvalidValueError);
  });
});

describe('schoolYearOfDate / isDateInSchoolYear', () => {
  it('switches school year on 1 September', () => {
    expect(schoolYearOfDate('2026-08-31')).toBe(2025);
    expect(schoolYearOfDate('2026-09-01')).toBe(2026);
    expect(schoolYearOfDate('2026-12-31')).toBe(2026);
    expect(schoolYearOfDate('2027-01-01')).toBe(2026);
    expect(schoolYearOfDate('2027-08-31')).toBe(2026);
  });

  it('tells whether a date falls inside a school year', () => {
    expect(isDateInSchoolYear('2026-09-01', 2026)).toBe(true);
    expect(isDateInSchoolYear('2027-08-31', 2026)).toBe(true);
    expect(isDateInSchoolYear('2026-08-31', 2026)).toBe(false);
    expect(isDateInSchoolYear('2027-09-01', 2026)).toBe(false);
  });

  it('refuses an invalid date', () => {
    expect(() => schoolYearOfDate('2026-02-30')).toThrow(InvalidValueError);
    expect(() => isDateInSchoolYear('01/09/2026', 2026)).toThrow(InvalidValueError);
  });
});
