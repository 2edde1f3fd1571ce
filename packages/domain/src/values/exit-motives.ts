import { z } from 'zod';

/**
 * SIECLE's national list of exit motives (`CODE_MOTIF_SORTIE`, 29 codes), code → LIBELLE_LONG,
 * as found in `Nomenclature.xml` (FORMAT.md §11.1). Both degrees use it.
 */
export const EXIT_MOTIVES: Readonly<Record<string, string>> = Object.freeze({
  '10': 'SUITE ETUDES 2D DEG. MEN:PUBLIC ACADEMIE',
  '11': 'SUITE ETUDES 2D DEG. MEN:PRIVE ACADEMIE',
  '12': 'SUITE ETUDES 2D DEG. MEN:PUBLIC HORS ACA',
  '13': 'SUITE ETUDES 2D DEG. MEN:PRIVE HORS ACA.',
  '14': 'SUITE ETUDES 2D DEG. MEN:ETAB. ETRANGER',
  '19': 'SUITE ETUDES 2D DEG. MEN:SANS PRECISIONS',
  '20': 'AUTRE SUITE ETUDES : ENSEIGT SUPERIEUR',
  '21': 'AUTRE SUITE ETUDES : MINIST.AGRICULTURE',
  '22': 'AUTRE SUITE ETUDES : MINISTERE SANTE',
  '23': 'AUTRE SUITE ETUDES : AUTRE MINISTERE',
  '24': 'AUTRE SUITE ETUDES : APPRENTISSAGE',
  '25': 'AUTRE SUITE ETUDES : ETRANGER UE',
  '26': 'AUTRE SUITE ETUDES : ETRANGER HORS UE',
  '27': 'AUTRE SUITE ETUDES : CNED',
  '29': 'AUTRE SUITE ETUDES : SANS PRECISION',
  '30': "FIN D'ETUDES : EMPLOI HORS CONTRAT AIDE",
  '31': "FIN D'ETUDES : CONTRAT AIDE",
  '32': "FIN D'ETUDES : RECHERCHE D'EMPLOI",
  '33': "FIN D'ETUDES : STAGES DE FORMATION PROF.",
  '34': "FIN D'ETUDES : SERVICE NATIONAL",
  '35': "FIN D'ETUDES : SANS ACTIVITE PROFESS.",
  '39': "FIN D'ETUDES : SANS PRECISION",
  '40': 'AUTRE MOTIF SANS PRECISION',
  '41': 'INTERRUPTION ETUDES',
  '42': "DEPART A L'ETRANGER SANS PRECISION",
  '43': 'DECES',
  '44': "NE S'EST PAS PRESENTE DANS L'ETABLISSEM.",
  '45': 'CESURE',
  '99': 'INCONNU',
});

/** "Autre motif sans précision": the motive the year rollover uses when a sortie plan names none. */
export const DEFAULT_EXIT_MOTIVE = '40';

export function isExitMotive(code: string): boolean {
  return Object.hasOwn(EXIT_MOTIVES, code);
}

/** A `CODE_MOTIF_SORTIE` of the national list; anything else is invalid input. */
export const exitMotiveSchema = z
  .string({ error: 'motif de sortie invalide : un code à 2 chiffres de la liste nationale est attendu (ex. « 40 »)' })
  .trim()
  .superRefine((value, ctx) => {
    if (!isExitMotive(value)) {
      ctx.addIssue({
        code: 'custom',
        message: `motif de sortie « ${value} » invalide : ce code n’est pas dans la liste nationale des 29 motifs SIECLE (${Object.keys(EXIT_MOTIVES).join(', ')})`,
      });
    }
  });
