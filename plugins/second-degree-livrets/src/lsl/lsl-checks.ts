import { type Anomaly, type PupilState } from '@liaison/domain';
import { COMPETENCE_LEVELS, ENGAGEMENT_CODES, EXAM_OPINION_CODES, LSL_ELECTION_MODES } from '../codes/lsl-codes';
import { pupilLabel } from '../model/anomalies';
import { type LslDocument, type LslOpinion } from './lsl-document';
import { LSL_RULES as R } from './lsl-rules';
import { type LslSchema } from './lsl-schemas';

/**
 * The pre-export checks of an LSL document (LSL FORMAT.md §4–§7). Unlike LSU, the LSL text types
 * have no « non-blank » pattern: a whitespace-only appraisal passes the XSD, so it is refused
 * here. Everything else the XSD refuses is said in French, naming the pupil.
 */

const blank = (s: string) => !/\S/.test(s);
const length = (s: string) => [...s].length;
const DECIMAL2 = /^[+-]?[0-9]+(\.[0-9]{1,2})?$/;
const POSITIVE_INTEGER = /^\+?0*[1-9][0-9]*$/;
const DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;

export interface LslCheckContext {
  schema: LslSchema;
  /** ELEVE_ID → the pupil (the mapper's), so anomalies name them. */
  pupils?: ReadonlyMap<string, PupilState>;
  year?: number;
}

export function checkLslDocument(doc: LslDocument, context: LslCheckContext): Anomaly[] {
  const out: Anomaly[] = [];
  const establishment = (rule: string, message: string) =>
    out.push({
      rule,
      severity: 'error',
      entity: { kind: 'establishment', id: doc.header.establishment, label: doc.header.establishment },
      message,
    });
  if (doc.schemaVersion !== context.schema.schemaVersion)
    establishment(R.decimal, `schemaVersion « ${doc.schemaVersion} » : ${context.schema.schemaVersion} attendu`);
  if (length(doc.header.establishment) !== 8) establishment(R.uai, `UAI « ${doc.header.establishment} » : 8 caractères attendus`);
  if (length(doc.header.application) > 50) establishment(R.length, 'nom de l’application : 50 caractères au plus');
  if (doc.pupils.length === 0) establishment(R.nothing, 'aucun élève dans le fichier');
  const seen = new Set<string>();

  for (const p of doc.pupils) {
    const known = context.pupils?.get(p.id);
    const entity = known
      ? {
          kind: 'pupil' as const,
          id: known.pupilId ?? p.id,
          label: pupilLabel(known, context.year ?? Number(p.schoolYears[0]?.year ?? 0)),
        }
      : { kind: 'pupil' as const, id: p.id, label: `élève ${p.id}` };
    const report = (rule: string, message: string, field?: string) =>
      out.push({ rule, severity: 'error', entity, message, ...(field ? { field } : {}) });
    /** Free text: 1 to `max` characters, and (our rule) not blank. */
    const text = (what: string, value: string | undefined, max: number) => {
      if (value === undefined) return;
      if (blank(value)) report(R.text, `${what} vide ou faite d’espaces : refusée (le schéma l’accepterait, pas le livret)`);
      else if (length(value) > max) report(R.length, `${what} de ${length(value)} caractères : ${max} au plus`);
    };
    const opinion = (what: string, o: LslOpinion | undefined) => {
      if (!o) return;
      text(what, o.text, 300);
      if (blank(o.lastName) || length(o.lastName) > 65) report(R.opinion, `${what} : nom de l’auteur de 1 à 65 caractères`);
      if (blank(o.firstName) || length(o.firstName) > 50) report(R.opinion, `${what} : prénom de l’auteur de 1 à 50 caractères`);
      if (o.date !== undefined && !DATE.test(o.date)) report(R.opinion, `${what} : date « ${o.date} » (AAAA-MM-JJ)`);
    };

    if (!POSITIVE_INTEGER.test(p.id)) {
      report(R.eleveId, `identifiant « ${p.id} » : l’ELEVE_ID de SIECLE, entier positif, est attendu (jamais l’INE)`, 'siecleId');
    } else if (seen.has(p.id))
      report(R.eleveId, `identifiant SIECLE ${p.id} déjà porté par un autre élève du fichier`, 'siecleId');
    seen.add(p.id);
    if (p.engagements) {
      const codes = new Set<string>();
      for (const c of p.engagements.codes) {
        if (!(ENGAGEMENT_CODES as string[]).includes(c)) report(R.engagement, `engagement « ${c} » inconnu (C, V, A, E, S)`);
        if (codes.has(c)) report(R.engagement, `engagement ${c} cité deux fois`);
        codes.add(c);
      }
      text('autre engagement', p.engagements.other, 300);
    }
    if (p.examOpinion !== undefined && !(EXAM_OPINION_CODES as string[]).includes(p.examOpinion)) {
      report(R.opinion, `avis pour l’examen « ${p.examOpinion} » inconnu (T, F, A, D)`);
    }
    if (p.schoolYears.length === 0) report(R.nothing, 'aucune année scolaire (scolarite)');
    for (const y of p.schoolYears) {
      const where = `année ${y.year}`;
      if (!/^[0-9]{4}$/.test(y.year) || Number(y.year) < 2000)
        report(R.periods, `${where} : année scolaire de début sur 4 chiffres attendue`);
      if (y.periodType !== 'T' && y.periodType !== 'S') report(R.periods, `${where} : code période « ${y.periodType} » (T ou S)`);
      opinion(`${where} : avis du CPE (engagement)`, y.engagementOpinion);
      opinion(`${where} : avis de l’équipe pédagogique (investissement)`, y.investmentOpinion);
      opinion(`${where} : avis du chef d’établissement`, y.headOpinion);
      if (y.evaluations.length === 0) report(R.nothing, `${where} : aucune évaluation`);
      const maxPeriod = y.periodType === 'S' ? 2 : 3;
      for (const e of y.evaluations) {
        const at = `${where}, matière ${e.subjectCode}`;
        if (!(LSL_ELECTION_MODES as readonly string[]).includes(e.electionMode))
          report(R.mode, `${at} : modalité « ${e.electionMode} » (O, F ou S)`);
        if (!/^[0-9]{6}$/.test(e.subjectCode)) report(R.subject, `${at} : code matière de 6 chiffres attendu`);
        if (e.date !== undefined && !DATE.test(e.date)) report(R.structure, `${at} : date « ${e.date} » (AAAA-MM-JJ)`);
        const s = e.structure;
        if (s.headcount !== undefined && !POSITIVE_INTEGER.test(s.headcount))
          report(R.structure, `${at} : effectif « ${s.headcount} » (entier positif)`);
        for (const [what, v] of [
          ['moyenne de la classe', s.average],
          ['part sous 8', s.below8],
          ['part de 8 à 12', s.between8and12],
          ['part au-dessus de 12', s.above12],
        ] as const) {
          if (v !== undefined && !DECIMAL2.test(v))
            report(R.decimal, `${at} : ${what} « ${v} » (nombre, point décimal, 2 décimales au plus)`);
        }
        if (e.annual === undefined) {
          if (context.schema.annualRequired)
            report(R.annual, `${at} : appréciation annuelle exigée par le schéma LSL ${context.schema.id}`);
        } else if (length(e.annual) === 0) report(R.annual, `${at} : appréciation annuelle vide`);
        else text(`${at} : appréciation annuelle`, e.annual, 300);
        const numbers = new Set<number>();
        for (const period of e.periods) {
          if (!Number.isInteger(period.number) || period.number < 1 || period.number > maxPeriod) {
            report(R.periods, `${at} : période ${period.number} (1 à ${maxPeriod} pour code-periode ${y.periodType})`);
          }
          if (numbers.has(period.number)) report(R.periods, `${at} : période ${period.number} citée deux fois`);
          numbers.add(period.number);
          if (!DECIMAL2.test(period.average))
            report(R.decimal, `${at} : moyenne « ${period.average} » (point décimal, 2 décimales au plus)`);
        }
        const codes = new Set<string>();
        for (const c of e.competences) {
          if (c.code !== undefined && !/^[0-9]{4}$/.test(c.code))
            report(R.competence, `${at} : compétence « ${c.code} » (4 chiffres)`);
          if (c.code !== undefined && codes.has(c.code)) report(R.competence, `${at} : compétence ${c.code} citée deux fois`);
          if (c.code !== undefined) codes.add(c.code);
          if (!(COMPETENCE_LEVELS as readonly string[]).includes(c.level))
            report(R.competence, `${at} : niveau « ${c.level} » inconnu`);
        }
        if (e.teachers.length === 0) report(R.teacher, `${at} : aucun enseignant (enseignants est obligatoire)`);
        for (const t of e.teachers) {
          if (t.lastName !== undefined && length(t.lastName) > 65)
            report(R.length, `${at} : nom d’enseignant de plus de 65 caractères`);
          if (t.firstName !== undefined && length(t.firstName) > 50)
            report(R.length, `${at} : prénom d’enseignant de plus de 50 caractères`);
        }
      }
    }
  }
  return out;
}
