import { InvalidValueError } from '../errors';
import {
  addDays,
  compareIsoDates,
  fromFrenchDate,
  isoDateSchema,
  isValidIsoDate,
  parisDateOf,
  parisDateTime,
  parisWallClock,
  toFrenchDate,
} from './dates';

describe('isoDateSchema / isValidIsoDate', () => {
  it.each(['2026-09-01', '2024-02-29', '2000-02-29', '2027-08-31', '2026-12-31'])('accepts %s', (date) => {
    expect(isValidIsoDate(date)).toBe(true);
    expect(isoDateSchema.parse(date)).toBe(date);
  });

  it.each(['2026-02-30', '2025-02-29', '1900-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00'])(
    'refuses the impossible day %s',
    (date) => {
      expect(isValidIsoDate(date)).toBe(false);
      expect(isoDateSchema.safeParse(date).error?.issues[0]?.message).toBe(`date « ${date} » invalide : ce jour n'existe pas`);
    },
  );

  it.each(['2026-9-1', '01/09/2026', '2026-09-01T00:00:00Z', ' 2026-09-01', '20260901', ''])(
    'refuses the malformed %j',
    (date) => {
      expect(isValidIsoDate(date)).toBe(false);
      expect(isoDateSchema.safeParse(date).error?.issues[0]?.message).toBe(
        `date « ${date} » invalide : le format AAAA-MM-JJ est attendu (ex. 2026-09-01)`,
      );
    },
  );

  it('refuses a non-string in French', () => {
    expect(isoDateSchema.safeParse(20260901).error?.issues[0]?.message).toBe(
      'date invalide : une chaîne de caractères est attendue',
    );
  });
});

describe('compareIsoDates', () => {
  it('orders dates like a sort comparator', () => {
    expect(compareIsoDates('2026-09-01', '2026-09-02')).toBeLessThan(0);
    expect(compareIsoDates('2027-01-01', '2026-12-31')).toBeGreaterThan(0);
    expect(compareIsoDates('2026-09-01', '2026-09-01')).toBe(0);
    expect(['2027-01-01', '2026-09-01', '2026-12-31'].sort(compareIsoDates)).toEqual(['2026-09-01', '2026-12-31', '2027-01-01']);
  });

  it('refuses to compare an invalid date', () => {
    expect(() => compareIsoDates('2026-02-30', '2026-03-01')).toThrow(InvalidValueError);
  });
});

describe('addDays', () => {
  it('crosses month, year and leap-day boundaries', () => {
    expect(addDays('2026-08-31', 1)).toBe('2026-09-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2026-09-01', -1)).toBe('2026-08-31');
    expect(addDays('2026-09-01', 0)).toBe('2026-09-01');
  });

  it('is not thrown off by daylight-saving changes', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2026-10-25', 1)).toBe('2026-10-26');
  });

  it('keeps years below 100 as they are', () => {
    expect(addDays('0050-12-31', 1)).toBe('0051-01-01');
  });

  it('refuses an invalid date, a fractional count and an out-of-range result', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(InvalidValueError);
    expect(() => addDays('2026-09-01', 1.5)).toThrow(InvalidValueError);
    expect(() => addDays('9999-12-31', 1)).toThrow(InvalidValueError);
  });
});

describe('toFrenchDate / fromFrenchDate', () => {
  it('converts both ways', () => {
    expect(toFrenchDate('2026-09-01')).toBe('01/09/2026');
    expect(fromFrenchDate('01/09/2026')).toBe('2026-09-01');
    expect(fromFrenchDate(toFrenchDate('2024-02-29'))).toBe('2024-02-29');
  });

  it('refuses an invalid ISO date', () => {
    expect(() => toFrenchDate('2026-02-30')).toThrow(InvalidValueError);
  });

  it.each(['1/9/2026', '2026-09-01', '01-09-2026', '01/09/26', ''])('refuses the malformed %j', (input) => {
    expect(() => fromFrenchDate(input)).toThrow(
      new InvalidValueError(`date « ${input} » invalide : le format JJ/MM/AAAA est attendu (ex. 01/09/2026)`),
    );
  });

  it('refuses a day that does not exist', () => {
    expect(() => fromFrenchDate('30/02/2026')).toThrow(
      new InvalidValueError("date « 30/02/2026 » invalide : ce jour n'existe pas"),
    );
  });
});

describe('parisWallClock and parisDateTime', () => {
  it('read the instant as a clock in France does, across the autumn change of hour', () => {
    // 25 October 2026, 03:00 summer time becomes 02:00 winter time.
    expect(parisDateTime('2026-10-25T00:30:00Z')).toBe('2026-10-25T02:30:00');
    expect(parisDateTime('2026-10-25T01:30:00Z')).toBe('2026-10-25T02:30:00');
    expect(parisWallClock('2026-12-31T23:00:00Z')).toEqual({ year: 2027, month: 1, day: 1, hour: 0, minute: 0, second: 0 });
  });

  it('refuse an instant without a zone, whatever the machine’s TZ', () => {
    expect(() => parisDateTime('2026-10-25T01:30:00')).toThrow('le format ISO 8601 avec fuseau est attendu');
  });
});

describe('parisDateOf', () => {
  it('gives the Paris calendar day in summer (UTC+2)', () => {
    expect(parisDateOf('2026-06-30T22:30:00.000Z')).toBe('2026-07-01');
    expect(parisDateOf('2026-06-30T21:59:59Z')).toBe('2026-06-30');
  });

  it('gives the Paris calendar day in winter (UTC+1)', () => {
    expect(parisDateOf('2026-12-31T23:00:00Z')).toBe('2027-01-01');
    expect(parisDateOf('2026-12-31T22:59:59.999Z')).toBe('2026-12-31');
  });

  it('honours an explicit offset', () => {
    expect(parisDateOf('2026-09-01T01:00:00+02:00')).toBe('2026-09-01');
    expect(parisDateOf('2026-08-31T20:00:00-05:00')).toBe('2026-09-01');
  });

  it.each(['2026-09-01', '2026-09-01T08:00:00', '2026-02-30T08:00:00Z', 'hier', ''])(
    'refuses %j, which is not an instant with a zone',
    (input) => {
      expect(() => parisDateOf(input)).toThrow(InvalidValueError);
    },
  );
});
