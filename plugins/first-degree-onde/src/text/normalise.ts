/** Removes diacritics: « Élève » → « Eleve », « Åland » → « Aland ». */
export function stripAccents(value: string): string {
  return value.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/**
 * A column header as it is matched: trimmed, lower case, accents removed, inner spaces
 * collapsed. ONDE headers vary in case and accents between versions (« Nom élève » /
 * « Nom Elève ») and one of them starts with a space (« ␣Cycle »), FORMAT.md §4.7.
 */
export function normaliseHeader(header: string): string {
  return stripAccents(header).replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * A name as it is compared: accents, case, ligatures, hyphens, apostrophes and spaces do not
 * count, so « Lefèvre-Durand », « LEFEVRE DURAND », « N'Diaye » / « NDIAYE » and « Cœur » /
 * « COEUR » are one name each. Only for matching and ordering: names are always written as
 * they were entered.
 */
export function normaliseName(name: string): string {
  return stripAccents(name.replace(/œ/g, 'oe').replace(/Œ/g, 'OE').replace(/æ/g, 'ae').replace(/Æ/g, 'AE'))
    .toUpperCase()
    .replace(/[\s\-‐‑–—'’`´.]/g, '');
}

/**
 * A label as ONDE and INSEE print code labels: upper case without accents (« Anglais » →
 * « ANGLAIS », « Néerlandais » → « NEERLANDAIS »). The ligatures Œ/Æ become OE/AE.
 */
export function toUpperLabel(label: string): string {
  return stripAccents(label)
    .replace(/œ/g, 'oe')
    .replace(/Œ/g, 'OE')
    .replace(/æ/g, 'ae')
    .replace(/Æ/g, 'AE')
    .replace(/’/g, "'")
    .toUpperCase()
    .trim();
}

/** Code-point order: the same on every machine and locale, unlike `localeCompare`. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
