/**
 * THE Parcoursup writer — the one module that knows the layout of the post-2021 grades upload.
 * That layout is NOT PUBLIC (LSL FORMAT.md §9): what follows is our documented ASSUMPTION
 * (docs/formats/parcoursup.md), kept behind this single function so that the official layout,
 * once obtained, replaces this file and nothing else (not the data, not the controls).
 *
 * Assumed layout: a CSV file, UTF-8 with a byte-order mark, `;` separators, CRLF line ends, one
 * header line, then one line per pupil, subject and period with a mark, keyed by SIECLE ids
 * (ELEVE_ID, 6-digit CODE_MATIERE, election mode) as Pronote's documented prerequisites suggest;
 * decimals with a `.` and two digits, as LSL writes them.
 */

export interface ParcoursupLine {
  uai: string;
  year: number;
  eleveId: string;
  ine?: string;
  lastName: string;
  firstName: string;
  mef: string;
  division: string;
  subjectCode: string;
  electionMode: string;
  /** `T1`…`T3`, `S1`, `S2`. */
  period: string;
  average: string;
  classAverage?: string;
  headcount?: string;
  appraisal?: string;
}

export const PARCOURSUP_HEADER = [
  'UAI',
  'ANNEE_SCOLAIRE',
  'ELEVE_ID',
  'INE',
  'NOM',
  'PRENOM',
  'CODE_MEF',
  'CODE_DIVISION',
  'CODE_MATIERE',
  'MODALITE_ELECTION',
  'PERIODE',
  'MOYENNE_ELEVE',
  'MOYENNE_CLASSE',
  'EFFECTIF_CLASSE',
  'APPRECIATION',
] as const;

/** A field quoted when it holds a separator, a quote or a line break (RFC 4180). */
const field = (value: string | number | undefined) => {
  const s = value === undefined ? '' : String(value);
  return /[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function writeParcoursup(lines: readonly ParcoursupLine[]): Uint8Array {
  const rows = [
    PARCOURSUP_HEADER.join(';'),
    ...lines.map((l) =>
      [
        l.uai,
        l.year,
        l.eleveId,
        l.ine,
        l.lastName,
        l.firstName,
        l.mef,
        l.division,
        l.subjectCode,
        l.electionMode,
        l.period,
        l.average,
        l.classAverage,
        l.headcount,
        l.appraisal,
      ]
        .map(field)
        .join(';'),
    ),
  ];
  return new TextEncoder().encode(`\uFEFF${rows.join('\r\n')}\r\n`);
}
