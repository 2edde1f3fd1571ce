/** The school year running on a day: 1 September Y to 31 August Y+1 is year Y. */
export function schoolYearOf(date: Date): number {
  return date.getMonth() >= 8 ? date.getFullYear() : date.getFullYear() - 1;
}

export const currentSchoolYear = () => schoolYearOf(new Date());

/** Today as `YYYY-MM-DD` in the browser's time zone. */
export function todayIso(date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
