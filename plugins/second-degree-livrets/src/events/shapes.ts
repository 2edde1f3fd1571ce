import { z } from 'zod';
import { COMPETENCE_LEVELS, ENGAGEMENT_CODES, EXAM_OPINION_CODES } from '../codes/lsl-codes';
import {
  ACCOMPANIMENT_CODES,
  COMPLEMENT_CODES,
  LSU_ELECTION_MODES,
  PARCOURS_CODES,
  REGIONAL_LANGUAGE_CODES,
  SOCLE_DOMAIN_CODES,
} from '../codes/lsu-codes';
import { PERIODS } from '../codes/periods';

/**
 * The value shapes of the livrets events and commands, with French messages naming the field.
 * They are part of the public `events` entry point: another plugin reading these events gets
 * the same shapes.
 */

// XML 1.0 forbids most control characters; a tab or a line break is fine in an appraisal.
const hasForbiddenControl = (s: string) =>
  [...s].some((c) => {
    const code = c.codePointAt(0)!;
    return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f;
  });

/**
 * Free text of a livret (an appraisal, a synthesis): trimmed, line ends made `\n`, never empty
 * nor blank (LSU's `ChaineN` types refuse blank text; LSL's accept it, our rule does not).
 */
export const freeText = (label: string, max: number) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `${label} : obligatoire` : `${label} : un texte est attendu`) })
    .transform((s) => s.replace(/\r\n?/g, '\n').trim())
    .pipe(
      z
        .string()
        .min(1, `${label} : ne peut pas être vide`)
        .max(max, `${label} : ${max} caractères au plus`)
        .refine((s) => !hasForbiddenControl(s), `${label} : les caractères de contrôle sont interdits`),
    );

/** A calendar date `AAAA-MM-JJ` that exists. */
export const dayShape = (label: string) =>
  z
    .string({ error: `${label} : une date AAAA-MM-JJ est attendue` })
    .regex(/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/, `${label} : le format AAAA-MM-JJ est attendu`)
    .refine((s) => {
      const d = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
    }, `${label} : ce jour n’existe pas`);

export const periodShape = z.enum(PERIODS, { error: `période invalide : ${PERIODS.join(', ')} sont attendues` });

/** CODE_MATIERE: 6 characters (national codes are digits; a local code such as `100A00` has letters). */
export const subjectCodeShape = z
  .string({ error: 'code matière : une chaîne de caractères est attendue' })
  .trim()
  .regex(/^[0-9A-Z]{6}$/, 'code matière invalide : 6 caractères (chiffres ou majuscules) sont attendus, ex. 061300');

export const electionModeShape = z.enum(LSU_ELECTION_MODES, {
  error: `modalité d’élection invalide : ${LSU_ELECTION_MODES.join(', ')} sont attendues`,
});

/** An STS-web individual id (`INDIVIDU/@ID` of sts_emp). */
export const stsIdShape = z
  .string({ error: 'identifiant STS : une chaîne de caractères est attendue' })
  .trim()
  .regex(/^[0-9A-Za-z]{1,20}$/, 'identifiant STS invalide : 1 à 20 lettres ou chiffres');

export const teacherIdsShape = z
  .array(stsIdShape, { error: 'enseignants : une liste d’identifiants STS est attendue' })
  .min(1, 'enseignants : au moins un enseignant (identifiant STS) est attendu')
  .refine((ids) => new Set(ids).size === ids.length, 'enseignants : un même enseignant est cité deux fois');

/** Positioning on the 1–4 scale (`PositionnementAcquis`). */
export const positioningShape = z
  .number({ error: 'positionnement : un nombre de 1 à 4 est attendu' })
  .int('positionnement : un entier de 1 à 4 est attendu')
  .min(1, 'positionnement : de 1 à 4')
  .max(4, 'positionnement : de 1 à 4');

/** A mark out of 20 with at most two decimals, `.` as separator: fits LSU's text and LSL's decimal. */
export const averageShape = (label: string) =>
  z
    .string({ error: `${label} : une note sur 20 est attendue (ex. 12.5)` })
    .trim()
    .regex(/^[0-9]{1,2}(\.[0-9]{1,2})?$/, `${label} : une note sur 20 avec deux décimales au plus est attendue (ex. 12.5)`)
    .refine((s) => Number(s) <= 20, `${label} : une note sur 20 est attendue`);

export const schoolLifeCount = (label: string) =>
  z
    .number({ error: `${label} : un nombre entier est attendu` })
    .int(`${label} : un nombre entier est attendu`)
    .min(0, `${label} : de 0 à 999`)
    .max(999, `${label} : de 0 à 999`);

export const socleDomainShape = z.enum(SOCLE_DOMAIN_CODES as [string, ...string[]]);

/** The eight domains of the socle with a positioning 0 (dispensé) to 4: all eight are required. */
export const socleShape = z
  .record(z.string(), z.number({ error: 'socle : un positionnement de 0 à 4 est attendu pour chaque domaine' }), {
    error: 'socle : les 8 domaines avec un positionnement de 0 à 4 sont attendus',
  })
  .superRefine((domains, ctx) => {
    const missing = SOCLE_DOMAIN_CODES.filter((c) => domains[c] === undefined);
    const unknown = Object.keys(domains).filter((c) => !(SOCLE_DOMAIN_CODES as string[]).includes(c));
    if (missing.length > 0) ctx.addIssue({ code: 'custom', message: `socle : domaine(s) manquant(s) ${missing.join(', ')}` });
    if (unknown.length > 0)
      ctx.addIssue({
        code: 'custom',
        message: `socle : domaine(s) inconnu(s) ${unknown.join(', ')} (attendus : ${SOCLE_DOMAIN_CODES.join(', ')})`,
      });
    for (const [code, value] of Object.entries(domains)) {
      if (!Number.isInteger(value) || value < 0 || value > 4)
        ctx.addIssue({ code: 'custom', message: `socle : ${code} doit être positionné de 0 (dispensé) à 4` });
    }
  });

export const parcoursEntryShape = z.object({
  code: z.enum(PARCOURS_CODES, { error: `parcours : ${PARCOURS_CODES.join(', ')} sont attendus` }),
  text: freeText('parcours', 600),
});

export const accompanimentShape = z.object({
  code: z.enum(ACCOMPANIMENT_CODES, { error: `accompagnement : ${ACCOMPANIMENT_CODES.join(', ')} sont attendus` }),
  /** `complement-ppre` (PPRE) or `complement-contrat-reussite` (CTR). */
  detail: freeText('complément de l’accompagnement', 600).optional(),
});

export const complementShape = z.object({
  code: z.enum(COMPLEMENT_CODES, { error: `enseignement de complément : ${COMPLEMENT_CODES.join(', ')} sont attendus` }),
  /** 1 objectifs atteints, 2 objectifs dépassés. */
  positioning: z.union([z.literal(1), z.literal(2)], { error: 'enseignement de complément : positionnement 1 ou 2' }).optional(),
});

export const regionalLanguageShape = z.object({
  code: z.enum(REGIONAL_LANGUAGE_CODES, { error: `langue régionale : ${REGIONAL_LANGUAGE_CODES.join(', ')} sont attendues` }),
  /** 1 niveau A2 non atteint, 2 atteint. */
  positioning: z.union([z.literal(1), z.literal(2)], { error: 'langue régionale : positionnement 1 ou 2' }).optional(),
});

export const competenceShape = z.object({
  /** 4-digit code of the LSL nomenclature. */
  code: z.string().regex(/^[0-9]{4}$/, 'compétence : un code à 4 chiffres est attendu'),
  level: z.enum(COMPETENCE_LEVELS, { error: `niveau de compétence : ${COMPETENCE_LEVELS.join(', ')} sont attendus` }),
});

export const engagementCodeShape = z.enum(ENGAGEMENT_CODES, {
  error: `engagement : ${ENGAGEMENT_CODES.join(', ')} sont attendus`,
});
export const examOpinionShape = z.enum(EXAM_OPINION_CODES, {
  error: `avis pour l’examen : ${EXAM_OPINION_CODES.join(', ')} sont attendus`,
});

/** Who wrote an opinion (the `@nom`, `@prenom` of LSL’s avis elements). */
export const authorShape = z.object({
  lastName: freeText('nom de l’auteur', 65),
  firstName: freeText('prénom de l’auteur', 50),
});

export const OPINION_KINDS = ['engagement', 'investissement', 'chef-etablissement'] as const;
export type OpinionKind = (typeof OPINION_KINDS)[number];
export const opinionKindShape = z.enum(OPINION_KINDS, { error: `avis : ${OPINION_KINDS.join(', ')} sont attendus` });

export const cycleShape = z.union([z.literal(3), z.literal(4)], { error: 'cycle : 3 ou 4' });

/** What `WithdrawLivretRecord` can withdraw: one record of the livret, or a whole period. */
export const LIVRET_RECORDS = [
  'period',
  'periodSynthesis',
  'attendance',
  'pupilProjects',
  'cycleBilan',
  'annualAssessment',
  'opinion',
  'examOpinion',
  'engagements',
] as const;
export type LivretRecord = (typeof LIVRET_RECORDS)[number];
export const livretRecordShape = z.enum(LIVRET_RECORDS, { error: `enregistrement : ${LIVRET_RECORDS.join(', ')} sont attendus` });
