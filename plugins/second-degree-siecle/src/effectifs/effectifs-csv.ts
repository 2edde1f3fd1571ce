import { type Effectifs, type HeadCount } from './effectifs';

/** The columns of `effectifs-<YYYY>.csv`, in order. */
export const EFFECTIFS_HEADER = [
  'Date',
  'Type',
  'Division',
  'Libellé division',
  'MEF',
  'Libellé MEF',
  'Effectif',
  'Garçons',
  'Filles',
] as const;

const BOM = '\uFEFF';

function cell(value: string): string {
  return /[;"\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * The head-counts as a CSV a spreadsheet opens as it is: UTF-8 with a byte-order mark (so that
 * Excel reads the accents right), `;` between fields, CRLF after every row. Rows: one `MEF` per
 * MEF, then per class one `DIVISION` row followed by its `DIVISION_MEF` rows, then `TOTAL`.
 */
export function effectifsCsv(e: Effectifs): Uint8Array {
  const date = `${e.date.slice(8, 10)}/${e.date.slice(5, 7)}/${e.date.slice(0, 4)}`;
  const rows: string[][] = [[...EFFECTIFS_HEADER]];
  const counts = (c: HeadCount) => [String(c.total), String(c.boys), String(c.girls)];
  const mefLabel = (mef: string, label: string | undefined) => (mef === '' ? 'MEF non renseigné' : (label ?? ''));
  for (const m of e.byMef) rows.push([date, 'MEF', '', '', m.mef, mefLabel(m.mef, m.label), ...counts(m)]);
  for (const d of e.byDivision) {
    rows.push([date, 'DIVISION', d.division, d.label, '', '', ...counts(d)]);
    for (const m of d.byMef)
      rows.push([date, 'DIVISION_MEF', d.division, d.label, m.mef, mefLabel(m.mef, m.label), ...counts(m)]);
  }
  rows.push([date, 'TOTAL', '', '', '', '', ...counts(e.total)]);
  const text = BOM + rows.map((r) => r.map(cell).join(';')).join('\r\n') + '\r\n';
  return new Uint8Array(Buffer.from(text, 'utf8'));
}
