import { InvalidValueError, isDateInSchoolYear, isValidIsoDate, type Report } from '@liaison/domain';
import { EFFECTIFS_FORMAT_ID } from '../export/format-ids';
import { effectifs } from './effectifs';

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
  };
}
