import { type ClassStatistics } from '../model/year-livret';
import { type LslStructure } from './lsl-document';

/** A decimal as LSL writes it: `.` separator, two fraction digits (`decimal2Scale`). */
export const decimal2 = (value: number) => (Math.round(value * 100) / 100).toFixed(2);

/** The mean of marks out of 20 given as text (`"12.5"`), or undefined when there are none. */
export function meanOf(marks: readonly string[]): number | undefined {
  if (marks.length === 0) return undefined;
  return marks.reduce((sum, m) => sum + Number(m), 0) / marks.length;
}

/** LSL's `structure` from the statistics the grade book gave for the class and subject. */
export function recordedStructure(stats: ClassStatistics): LslStructure {
  return {
    ...(stats.headcount !== undefined ? { headcount: String(stats.headcount) } : {}),
    ...(stats.average !== undefined ? { average: decimal2(Number(stats.average)) } : {}),
    ...(stats.below8 !== undefined ? { below8: decimal2(stats.below8) } : {}),
    ...(stats.between8and12 !== undefined ? { between8and12: decimal2(stats.between8and12) } : {}),
    ...(stats.above12 !== undefined ? { above12: decimal2(stats.above12) } : {}),
  };
}

/**
 * LSL's `structure` computed from the annual averages of the class's pupils in the subject, when
 * the grade book gave none: head-count, mean, and the share (in %) of pupils below 8, from 8 to
 * 12 inclusive, above 12. ASSUMED that `repar-*` are percentages (LSL FORMAT.md §6).
 */
export function computedStructure(annualAverages: readonly number[]): LslStructure {
  const n = annualAverages.length;
  if (n === 0) return {};
  const share = (count: number) => decimal2((100 * count) / n);
  return {
    headcount: String(n),
    average: decimal2(annualAverages.reduce((a, b) => a + b, 0) / n),
    below8: share(annualAverages.filter((a) => a < 8).length),
    between8and12: share(annualAverages.filter((a) => a >= 8 && a <= 12).length),
    above12: share(annualAverages.filter((a) => a > 12).length),
  };
}
