import { CLASS_HEAD_COUNT_LOOKUP, INE_HOLDER, type LookupResolver } from '@liaison/domain';

/** Look-ups the core commands ask for, answered from the inline read models. */
export const coreLookups: LookupResolver[] = [
  {
    // Pupils of the year placed in the class, enrolled or pre-enrolled: closing it would orphan them.
    kind: CLASS_HEAD_COUNT_LOOKUP,
    async resolve(params, sql) {
      const row = await sql.get<{ n: number }>(
        `SELECT COUNT(*) AS n FROM core_pupil_years
         WHERE uai = ? AND year = ? AND class_code = ? AND status IN ('inscrit', 'preinscrit')`,
        [params.uai, params.year, params.classCode],
      );
      return row?.n ?? 0;
    },
  },
  {
    kind: INE_HOLDER,
    async resolve(params, sql) {
      const row = await sql.get<{ pupil_id: string }>('SELECT pupil_id FROM core_pupils WHERE uai = ? AND ine = ?', [
        params.uai,
        params.ine,
      ]);
      return row?.pupil_id ?? null;
    },
  },
];
