import { InvalidValueError, isDateInSchoolYear, isValidIsoDate, type Report } from '@liaison/domain';
import { EFFECTIFS_FORMAT_ID } from '../export/format-ids';
import { type Effectifs, effectifs, type HeadCount } from './effectifs';

/**
 * The start-of-year head-counts as JSON: the same figures as the CSV export, at the snapshot's
 * day or at the `date` asked (a count « au 2 octobre » read from the state as of now, or as of
 * an earlier position with `asOf`).
 */
export function effectifsReport(): Report {
  return {
    id: EFFECTIFS_FORMAT_ID,
    displayName: 'Effectifs par MEF et par division',
    parameters: {
      date: 'jour compté (AAAA-MM-JJ, dans l’année scolaire) ; par défaut le jour de l’état lu, ramené dans l’année',
    },
    run(snapshot, parameters) {
      const date = parameters.date;
      if (date === undefined) return effectifs(snapshot);
      if (!isValidIsoDate(date))
        throw new InvalidValueError(`paramètre date « ${date} » invalide : le format AAAA-MM-JJ est attendu`);
      if (!isDateInSchoolYear(date, snapshot.year)) {
        throw new InvalidValueError(`paramètre date « ${date} » hors de l’année scolaire ${snapshot.year}-${snapshot.year + 1}`);
      }
      return effectifs(snapshot, date);
    },
    lines: (data) => effectifsLines(data as Effectifs),
  };
}

const frenchDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const counts = (c: HeadCount) =>
  `${c.total} (${c.boys} garçon${c.boys > 1 ? 's' : ''}, ${c.girls} fille${c.girls > 1 ? 's' : ''})`;

/** The head-counts as the secretary reads them: the total, then per MEF, then per division. */
export function effectifsLines(e: Effectifs): string[] {
  const lines = [`Effectifs ${e.uai} ${e.year}-${e.year + 1} au ${frenchDate(e.date)} : ${counts(e.total)}`, 'Par MEF :'];
  for (const m of e.byMef)
    lines.push(`  ${(m.mef || 'MEF non renseigné').padEnd(12)} ${(m.label ?? '').padEnd(32)} ${counts(m)}`);
  lines.push('Par division :');
  for (const d of e.byDivision) lines.push(`  ${d.division.padEnd(12)} ${d.label.padEnd(32)} ${counts(d)}`);
  if (e.withoutMef > 0) lines.push(`Élèves sans MEF connu : ${e.withoutMef}`);
  if (e.preEnrolled > 0) lines.push(`Préinscrits (non comptés) : ${e.preEnrolled}`);
  return lines;
}
