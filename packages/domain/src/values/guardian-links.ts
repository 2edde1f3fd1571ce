import { z } from 'zod';

/**
 * SIECLE's `CODE_PARENTE` (post-2018 model, FORMAT.md §11.7), code → LIBELLE_LONG: what the
 * ONDE adapter writes (`MERE`) and the SIECLE writers translate from.
 */
export const GUARDIAN_LINKS: Readonly<Record<string, string>> = Object.freeze({
  '10': 'MERE',
  '20': 'PERE',
  '37': 'FRATRIE',
  '38': 'ASCENDANT',
  '39': 'AUTRE MEMBRE DE LA FAMILLE',
  '41': 'EDUCATEUR',
  '42': 'ASSISTANT FAMILIAL',
  '50': 'TUTEUR',
  '51': "AIDE SOCIALE A L'ENFANCE",
  '70': 'ELEVE LUI-MEME',
  '90': 'AUTRE LIEN',
});

/** The same codes with SIECLE's LIBELLE_EDITION, for screens. */
export const GUARDIAN_LINK_LABELS: Readonly<Record<string, string>> = Object.freeze({
  '10': 'Mère',
  '20': 'Père',
  '37': 'Fratrie',
  '38': 'Ascendant',
  '39': 'Autre membre de la famille',
  '41': 'Éducateur',
  '42': 'Assistant familial',
  '50': 'Tuteur',
  '51': 'Aide sociale à l’enfance',
  '70': 'Élève lui-même',
  '90': 'Autre lien',
});

/** SIECLE's display order (`TRI`); object keys that look like integers always sort numerically. */
export const GUARDIAN_LINK_ORDER: readonly string[] = Object.freeze([
  '10',
  '20',
  '38',
  '37',
  '39',
  '50',
  '70',
  '51',
  '41',
  '42',
  '90',
]);

/** `NIVEAU_RESPONSABILITE`, with SIECLE's LIBELLE_EDITION. */
export const GUARDIAN_LEGAL_LEVELS: Readonly<Record<1 | 2 | 3, string>> = Object.freeze({
  1: 'Représentant légal',
  2: 'Personne en charge de l’élève',
  3: 'Personne à contacter',
});

export function isGuardianLink(code: string): boolean {
  return Object.hasOwn(GUARDIAN_LINKS, code);
}

/** A `CODE_PARENTE`; anything else is invalid input. */
export const guardianLinkSchema = z
  .string({ error: 'lien de parenté invalide : un code CODE_PARENTE SIECLE est attendu (ex. « 10 » mère)' })
  .trim()
  .superRefine((value, ctx) => {
    if (!isGuardianLink(value)) {
      ctx.addIssue({
        code: 'custom',
        message: `lien de parenté « ${value} » invalide : codes SIECLE acceptés ${GUARDIAN_LINK_ORDER.map((c) => `${c} (${GUARDIAN_LINK_LABELS[c]})`).join(', ')}`,
      });
    }
  });

export const guardianLegalLevelSchema = z.union([z.literal(1), z.literal(2), z.literal(3)], {
  error:
    'niveau de responsabilité invalide : 1 (représentant légal), 2 (personne en charge) ou 3 (personne à contacter) est attendu',
});
