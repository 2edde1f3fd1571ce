import { type ImportRow, parisDateOf } from '@liaison/domain';
import { type BeeEleve } from '../imports/eleves-file';
import { frenchDateOf } from '../xml';
import { type ComparedField, type Reconciliation, type ReconciliationDifference, type ReconciliationLine } from './reconcile';

const FIELD_LABELS: Readonly<Record<ComparedField, string>> = {
  lastName: 'nom',
  firstName: 'prénom',
  birthDate: 'date de naissance',
  ine: 'INE',
  mef: 'MEF',
  division: 'division',
};

const shown = (field: ComparedField, value: string | undefined) =>
  value === undefined
    ? 'aucun(e)'
    : `« ${field === 'birthDate' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? frenchDateOf(value) : value} »`;

export function describeDifference(d: ReconciliationDifference): string {
  return `${FIELD_LABELS[d.field]} ${shown(d.field, d.sent)} envoyé(e), ${shown(d.field, d.siecle)} dans SIECLE`;
}

function sendLabel(r: Reconciliation): string {
  let date = '';
  if (r.sentAt) {
    try {
      date = ` du ${frenchDateOf(parisDateOf(r.sentAt))}`;
    } catch {
      date = '';
    }
  }
  return `envoi n° ${r.sendNumber}${date}`;
}

const fileSubject = (f: BeeEleve) =>
  [f.lastName ?? '(sans nom)', f.firstName].filter(Boolean).join(' ') +
  (f.birthDate ? `, né(e) le ${frenchDateOf(f.birthDate)}` : '');

function rowOf(line: ReconciliationLine, r: Reconciliation): ImportRow {
  const prefix = `contrôle de l’${sendLabel(r).replace(/ du .*/, '')}`;
  const ref = line.sent
    ? `${prefix} — ID_PRV_ELE ${line.sent.privateId}`
    : `${prefix} — ELEVE_ID ${line.file?.eleveId ?? `n° ${line.file?.position}`}`;
  const subject = line.sent
    ? `${line.sent.lastName} ${line.sent.firstName}, né(e) le ${frenchDateOf(line.sent.birthDate)} (${line.sent.pupilId})`
    : fileSubject(line.file as BeeEleve);
  switch (line.status) {
    case 'integrated':
      return {
        ref,
        subject,
        outcome: 'unchanged',
        message: `intégré : dans SIECLE comme dans l’${sendLabel(r)} (rapproché par ${line.matchedBy})`,
      };
    case 'different':
      return {
        ref,
        subject,
        outcome: 'unmatched',
        message: `données différentes (rapproché par ${line.matchedBy}) : ${line.differences.map(describeDifference).join(' ; ')}`,
      };
    case 'absentFromSiecle':
      return {
        ref,
        subject,
        outcome: 'unmatched',
        message: `absent de SIECLE : envoyé dans l’${sendLabel(r)} mais absent du fichier — voyez le compte rendu de l’import du privé`,
      };
    case 'notSent': {
      const exit = line.file?.exitDate ? ` (sorti(e) le ${frenchDateOf(line.file.exitDate)} dans SIECLE)` : '';
      return {
        ref,
        subject,
        outcome: 'unmatched',
        message: `présent dans SIECLE mais pas dans notre ${sendLabel(r)}${exit}${line.remark ? ` ; ${line.remark}` : ''}`,
      };
    }
  }
}

/**
 * The reconciliation as report rows the CLI prints: « intégré » rows are `unchanged`; « données
 * différentes », « absent de SIECLE » and « présent dans SIECLE mais pas dans notre envoi » are
 * `unmatched` (printed, and never a reason to refuse the import), each with its explicit
 * message; plus one summary note.
 */
export function reconciliationReport(r: Reconciliation): { rows: ImportRow[]; notes: string[] } {
  const c = r.counts;
  const note =
    `Contrôle de l’intégration de l’${sendLabel(r)} : ${c.integrated} intégré(s), ${c.different} avec des données différentes, ` +
    `${c.absentFromSiecle} absent(s) de SIECLE, ${c.notSent} présent(s) dans SIECLE mais pas dans l’envoi`;
  return { rows: r.lines.map((line) => rowOf(line, r)), notes: [note] };
}
