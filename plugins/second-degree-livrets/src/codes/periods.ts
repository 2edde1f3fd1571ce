/**
 * The periods of a school year the grade book hands over: three trimesters (`T1`–`T3`) or two
 * semesters (`S1`, `S2`). LSU describes a period by its index and the number of periods of the
 * year (`periode/@indice`, `@nb-periodes`); LSL by the period type (`code-periode` T or S) and
 * the period's number (`periode/@numero`).
 */
export const PERIODS = ['T1', 'T2', 'T3', 'S1', 'S2'] as const;
export type Period = (typeof PERIODS)[number];

export interface PeriodScheme {
  /** `T` trimestre, `S` semestre (LSL `code-periode`). */
  kind: 'T' | 'S';
  /** 1-based (LSU `indice`, LSL `numero`). */
  index: number;
  /** Periods in the year (LSU `nb-periodes`). */
  count: number;
}

export function schemeOf(period: Period): PeriodScheme {
  const kind = period[0] as 'T' | 'S';
  return { kind, index: Number(period.slice(1)), count: kind === 'T' ? 3 : 2 };
}

export const isPeriod = (value: string): value is Period => (PERIODS as readonly string[]).includes(value);

/** « 1er trimestre », « 2e semestre »: how a person reads it. */
export function periodLabel(period: Period): string {
  const { kind, index } = schemeOf(period);
  return `${index === 1 ? '1er' : `${index}e`} ${kind === 'T' ? 'trimestre' : 'semestre'}`;
}
