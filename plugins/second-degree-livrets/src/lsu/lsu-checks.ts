import { type Anomaly, type PupilState } from '@liaison/domain';
import {
  ACCOMPANIMENT_CODES,
  COMPLEMENT_CODES,
  DIGITAL_SKILL_CODES,
  LSU_ELECTION_MODES,
  PARCOURS_CODES,
  REGIONAL_LANGUAGE_CODES,
  SOCLE_DOMAIN_CODES,
  TEACHER_TYPES,
} from '../codes/lsu-codes';
import { pupilLabel } from '../model/anomalies';
import { type LsuDocument, type LsuDomain, type LsuGuardian } from './lsu-document';
import { LSU_RULES as R } from './lsu-rules';
import { type LsuSchema } from './lsu-schemas';

/**
 * The pre-export checks of an LSU document (LSU FORMAT.md §5, §7, §9): what the XSD would refuse,
 * and what it would let through wrongly, said in French and naming the pupil rather than an
 * XPath. They run on the document the mapper built, before the server's XSD validation, and on
 * any document (the tests mutate one to check each rule).
 */

// `(.|\n)*[^\s](.|\n)*`: every `ChaineN` needs a non-blank character.
const blank = (s: string) => !/\S/.test(s);
const length = (s: string) => [...s].length;
const NCNAME = /^[A-Za-z_][A-Za-z0-9._-]*$/;
const DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;
const STRING_DATE_TIME = /^([0-9]{4}-[0-9]{2}-[0-9]{2})(T[0-9]{2}:[0-9]{2}:[0-9]{2})?$/;
const POSITIVE_INTEGER = /^\+?0*[1-9][0-9]*$/;

const validDate = (s: string) => {
  if (!DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};

export interface LsuCheckContext {
  schema: LsuSchema;
  /** Document pupil id → the pupil (the mapper's), so anomalies name them by their Liaison id. */
  pupils?: ReadonlyMap<string, PupilState>;
  year?: number;
}

export function checkLsuDocument(doc: LsuDocument, context: LsuCheckContext): Anomaly[] {
  const out: Anomaly[] = [];
  const { schema } = context;
  const docPupils = new Map(doc.pupils.map((p) => [p.id, p]));

  const establishment = (rule: string, message: string) =>
    out.push({
      rule,
      severity: 'error',
      entity: { kind: 'establishment', id: doc.header.establishment, label: doc.header.establishment },
      message,
    });
  const pupil = (ref: string) => (rule: string, message: string, field?: string) => {
    const known = context.pupils?.get(ref);
    const p = docPupils.get(ref);
    const entity = known
      ? {
          kind: 'pupil' as const,
          id: known.pupilId ?? ref,
          label: pupilLabel(known, context.year ?? Number(doc.periods[0]?.millesime ?? 0)),
        }
      : {
          kind: 'pupil' as const,
          id: ref,
          label: p ? [p.lastName?.toUpperCase(), p.firstName].filter(Boolean).join(' ') || ref : ref,
        };
    out.push({ rule, severity: 'error', entity, message, ...(field ? { field } : {}) });
  };

  /** A `ChaineN` value: non-blank, at most `max` characters. */
  const text = (report: (rule: string, message: string) => void, what: string, value: string | undefined, max: number) => {
    if (value === undefined) return;
    if (blank(value)) report(R.text, `${what} vide ou faite d’espaces : LSU la refuse (omettez-la ou complétez-la)`);
    else if (length(value) > max) report(R.length, `${what} de ${length(value)} caractères : ${max} au plus`);
  };

  // Header.
  if (doc.header.establishment.length !== 8) establishment(R.uai, `UAI « ${doc.header.establishment} » : 8 caractères attendus`);
  if (doc.header.applicationVersion !== undefined && !schema.applicationVersion) {
    establishment(R.ids, `le schéma LSU ${schema.id} n’accepte pas appliVersion`);
  }
  if (doc.heads.length === 0) establishment(R.head, 'aucun responsable d’établissement (responsable-etab)');
  if (doc.pupils.length === 0) establishment(R.nothing, 'aucun élève dans le fichier');

  // Ids: unique across the document and NCName-safe (FORMAT.md §5).
  const ids = new Map<string, string>();
  const declare = (id: string, what: string) => {
    if (!NCNAME.test(id))
      establishment(R.ids, `identifiant « ${id} » (${what}) invalide : il doit commencer par une lettre (NCName)`);
    const earlier = ids.get(id);
    if (earlier) establishment(R.ids, `identifiant « ${id} » porté par ${earlier} et ${what} : chaque id doit être unique`);
    ids.set(id, what);
  };
  doc.heads.forEach((h) => declare(h.id, 'un responsable'));
  doc.pupils.forEach((p) => declare(p.id, 'un élève'));
  doc.periods.forEach((p) => declare(p.id, 'une période'));
  doc.disciplines.forEach((d) => declare(d.id, 'une discipline'));
  doc.teachers.forEach((t) => declare(t.id, 'un enseignant'));
  doc.programmeElements.forEach((e) => declare(e.id, 'un élément de programme'));
  doc.digitalSkillsCommons.forEach((c) => declare(c.id, 'des compétences numériques communes'));
  [...doc.epis, ...doc.epiGroups, ...doc.aps, ...doc.apGroups].forEach((x) => declare(x.id, 'un projet'));
  const kindOf = (id: string) => ids.get(id);
  const refTo = (report: (rule: string, message: string) => void, ref: string, what: string, expected: string) => {
    if (kindOf(ref) !== expected) report(R.ids, `référence « ${ref} » : ${what} absent du fichier`);
  };
  const est = (rule: string, message: string) => establishment(rule, message);

  // Lists and their uniqueness constraints.
  const heads = new Set<string>();
  for (const h of doc.heads) {
    if (length(h.label) < 1 || length(h.label) > 100) est(R.length, `responsable « ${h.label} » : 1 à 100 caractères`);
    if (heads.has(h.label)) est(R.ids, `responsable « ${h.label} » déclaré deux fois`);
    heads.add(h.label);
  }
  const idBes = new Map<string, string>();
  for (const p of doc.pupils) {
    const report = pupil(p.id);
    if (!POSITIVE_INTEGER.test(p.idBe)) {
      report(
        R.eleveId,
        `identifiant SIECLE (id-be) « ${p.idBe} » invalide : l’ELEVE_ID, entier positif, est attendu (jamais l’INE)`,
        'siecleId',
      );
    } else if (idBes.has(p.idBe)) {
      report(R.eleveId, `identifiant SIECLE ${p.idBe} déjà porté par un autre élève du fichier`, 'siecleId');
    }
    idBes.set(p.idBe, p.id);
    if (length(p.division) < 1 || length(p.division) > schema.divisionMax) {
      report(
        R.division,
        `code division « ${p.division} » : 1 à ${schema.divisionMax} caractères pour le schéma LSU ${schema.id}`,
        'classCode',
      );
    }
    for (const [what, v] of [
      ['nom', p.lastName],
      ['prénom', p.firstName],
    ] as const) {
      if (v !== undefined && (length(v) < 1 || length(v) > 100)) report(R.length, `${what} : 1 à 100 caractères`);
    }
  }
  const periodKeys = new Set<string>();
  for (const p of doc.periods) {
    if (!/^[0-9]{4}$/.test(p.millesime))
      est(R.dates, `période ${p.id} : millésime « ${p.millesime} » (année de début sur 4 chiffres attendue)`);
    const key = `${p.millesime}/${p.index}/${p.count}`;
    if (periodKeys.has(key)) est(R.ids, `période ${key} déclarée deux fois`);
    periodKeys.add(key);
  }
  const disciplineKeys = new Set<string>();
  const modes: readonly string[] = schema.id === '7.0' ? [...LSU_ELECTION_MODES, 'D'] : LSU_ELECTION_MODES;
  for (const d of doc.disciplines) {
    if (length(d.code) !== 6) est(R.subject, `discipline ${d.id} : code matière « ${d.code} » de 6 caractères attendu`);
    if (d.nationalCode !== undefined && length(d.nationalCode) !== 6)
      est(R.subject, `discipline ${d.id} : code national de 6 caractères attendu`);
    if (!modes.includes(d.electionMode))
      est(R.subject, `discipline ${d.id} : modalité d’élection « ${d.electionMode} » inconnue`);
    text(est, `discipline ${d.id} : libellé`, d.label, 40);
    const key = `${d.code}/${d.electionMode}`;
    if (disciplineKeys.has(key)) est(R.ids, `discipline ${key} déclarée deux fois`);
    disciplineKeys.add(key);
  }
  const teacherKeys = new Set<string>();
  for (const t of doc.teachers) {
    if (!(TEACHER_TYPES as readonly string[]).includes(t.type))
      est(R.teacher, `enseignant ${t.id} : type « ${t.type} » (epp, local, dir ou autre)`);
    if (!POSITIVE_INTEGER.test(t.stsId)) est(R.teacher, `enseignant ${t.id} : identifiant STS « ${t.stsId} » non numérique`);
    if (t.civility !== undefined && t.civility !== 'M' && t.civility !== 'MME')
      est(R.teacher, `enseignant ${t.id} : civilité « ${t.civility} » (M ou MME)`);
    if (t.lastName !== undefined && (length(t.lastName) < 1 || length(t.lastName) > 100))
      est(R.length, `enseignant ${t.id} : nom de 1 à 100 caractères`);
    if (t.firstName !== undefined && (length(t.firstName) > 100 || (schema.strictNames && length(t.firstName) < 1))) {
      est(R.length, `enseignant ${t.id} : prénom de ${schema.strictNames ? '1' : '0'} à 100 caractères`);
    }
    const key = `${t.type}/${t.stsId}`;
    if (teacherKeys.has(key)) est(R.ids, `enseignant ${key} déclaré deux fois`);
    teacherKeys.add(key);
  }
  const labels = new Set<string>();
  for (const e of doc.programmeElements) {
    text(est, `élément de programme ${e.id}`, e.label, 300);
    if (labels.has(e.label)) est(R.ids, `élément de programme « ${e.label} » déclaré deux fois`);
    labels.add(e.label);
  }
  for (const c of doc.digitalSkillsCommons) text(est, `compétences numériques communes ${c.id}`, c.text, 600);
  for (const c of doc.commonParcours) {
    refTo(est, c.periodRef, 'période', 'une période');
    for (const p of c.parcours) text(est, `parcours commun ${p.code}`, p.text, 600);
  }
  for (const c of doc.commonSchoolLife) {
    refTo(est, c.periodRef, 'période', 'une période');
    text(est, 'vie scolaire commune', c.comment, 600);
  }
  for (const t of doc.epiThemes) text(est, `thématique ${t.code}`, t.label, 100);
  for (const p of [...doc.epis, ...doc.aps]) {
    text(est, `projet ${p.id} : intitulé`, p.title, 150);
    text(est, `projet ${p.id} : description`, p.description, 600);
    for (const ref of p.disciplineRefs) refTo(est, ref, 'discipline', 'une discipline');
  }
  for (const e of doc.epis) {
    if (e.disciplineRefs.length < 2) est(R.project, `EPI ${e.id} : au moins deux disciplines (AtLeast2IDREFS)`);
    if (e.theme === undefined || length(e.theme) < 1 || length(e.theme) > 50)
      est(R.project, `EPI ${e.id} : thématique de 1 à 50 caractères`);
  }
  for (const g of [...doc.epiGroups, ...doc.apGroups]) {
    refTo(est, g.projectRef, 'projet', 'un projet');
    text(est, `groupe ${g.id} : intitulé`, g.title, 150);
    text(est, `groupe ${g.id} : commentaire`, g.comment, 600);
    if (g.teacherDisciplines.length === 0) est(R.project, `groupe ${g.id} : au moins un enseignant`);
    for (const td of g.teacherDisciplines) {
      refTo(est, td.teacherRef, 'enseignant', 'un enseignant');
      refTo(est, td.disciplineRef, 'discipline', 'une discipline');
    }
  }

  const guardians = (report: (rule: string, message: string) => void, items: readonly LsuGuardian[]) => {
    for (const g of items) {
      if (schema.strictNames && (g.civility === undefined || g.lastName === undefined || g.firstName === undefined)) {
        report(R.guardian, `responsable : civilité, nom et prénom requis par le schéma LSU ${schema.id}`);
      }
      if (g.denomination !== undefined && !schema.applicationVersion)
        report(R.guardian, `responsable : dénomination refusée par le schéma ${schema.id}`);
      text(report, 'responsable : lien de parenté', g.link, 40);
      text(report, 'responsable : dénomination', g.denomination, 600);
      if (g.address) {
        if (g.address.line1 === undefined && schema.id !== '7.0')
          report(R.guardian, 'responsable : première ligne d’adresse requise');
        for (const line of [g.address.line1, g.address.line2, g.address.line3, g.address.line4])
          text(report, 'responsable : ligne d’adresse', line, 50);
        text(report, 'responsable : code postal', g.address.postalCode, 10);
        text(report, 'responsable : commune', g.address.commune, 100);
      }
    }
  };
  const socle = (
    report: (rule: string, message: string) => void,
    domains: readonly LsuDomain[],
    where: string,
    partial: boolean,
  ) => {
    const codes = domains.map((d) => d.code);
    if (!partial && (domains.length !== 8 || SOCLE_DOMAIN_CODES.some((c) => !codes.includes(c)))) {
      report(R.socle, `${where} : les 8 domaines du socle sont attendus, une fois chacun (${domains.length} présents)`);
    }
    if (new Set(codes).size !== codes.length) report(R.socle, `${where} : un domaine du socle est cité deux fois`);
    for (const d of domains) {
      if (!(SOCLE_DOMAIN_CODES as string[]).includes(d.code)) report(R.socle, `${where} : domaine « ${d.code} » inconnu`);
      if (d.positioning !== undefined && !(Number.isInteger(d.positioning) && d.positioning >= 0 && d.positioning <= 4)) {
        report(R.socle, `${where} : ${d.code} positionné ${d.positioning} (0 dispensé, 1 à 4)`);
      }
    }
  };
  const lockDate = (report: (rule: string, message: string) => void, value: string | undefined, where: string) => {
    if (value === undefined) {
      if (schema.lockDateRequired)
        report(R.dates, `${where} : date de verrouillage (date-verrou) exigée par le schéma LSU ${schema.id}`);
    } else if (!STRING_DATE_TIME.test(value) || !validDate(value.slice(0, 10))) {
      report(R.dates, `${where} : date de verrouillage « ${value} » (AAAA-MM-JJ ou AAAA-MM-JJTHH:MM:SS)`);
    }
  };
  const date = (report: (rule: string, message: string) => void, value: string, what: string) => {
    if (!validDate(value)) report(R.dates, `${what} « ${value} » invalide (AAAA-MM-JJ)`);
  };

  const periodicKeys = new Set<string>();
  for (const b of doc.periodicBilans) {
    const report = pupil(b.pupilRef);
    const where = `bilan ${b.periodRef}`;
    refTo(report, b.pupilRef, 'élève', 'un élève');
    refTo(report, b.periodRef, 'période', 'une période');
    refTo(report, b.headRef, 'responsable', 'un responsable');
    for (const t of b.mainTeacherRefs ?? []) refTo(report, t, 'professeur principal', 'un enseignant');
    const key = `${b.pupilRef}/${b.periodRef}`;
    if (periodicKeys.has(key)) report(R.ids, `${where} : deux bilans pour la même période`);
    periodicKeys.add(key);
    date(report, b.councilDate, `${where} : date du conseil de classe`);
    date(report, b.schoolingDate, `${where} : date de scolarité`);
    lockDate(report, b.lockDate, where);
    if (b.acquis.length === 0) report(R.acquis, `${where} : au moins une matière évaluée (liste-acquis)`);
    const disciplines = new Set<string>();
    for (const a of b.acquis) {
      const at = `${where}, ${a.disciplineRef}`;
      refTo(report, a.disciplineRef, 'discipline', 'une discipline');
      if (disciplines.has(a.disciplineRef)) report(R.ids, `${at} : matière citée deux fois`);
      disciplines.add(a.disciplineRef);
      if (a.teacherRefs.length === 0) report(R.teacher, `${at} : aucun enseignant`);
      for (const t of a.teacherRefs) refTo(report, t, 'enseignant', 'un enseignant');
      for (const e of a.programmeElementRefs ?? []) refTo(report, e, 'élément de programme', 'un élément de programme');
      if (schema.programmeElementsRequired && (a.programmeElementRefs ?? []).length === 0) {
        report(R.programme, `${at} : le schéma LSU ${schema.id} exige des éléments de programme`);
      }
      for (const [what, v] of [
        ['moyenne', a.average],
        ['moyenne de la classe', a.classAverage],
      ] as const) {
        if (v !== undefined && (length(v) < 1 || length(v) > 8)) report(R.length, `${at} : ${what} « ${v} » de 1 à 8 caractères`);
      }
      if (a.positioning !== undefined && !(Number.isInteger(a.positioning) && a.positioning >= 1 && a.positioning <= 4)) {
        report(R.evaluation, `${at} : positionnement ${a.positioning} (1 à 4)`);
      }
      text(report, `${at} : appréciation`, a.appraisal, 600);
    }
    if (b.digitalSkills) {
      const ds = b.digitalSkills;
      if (ds.appraisal !== undefined && blank(ds.appraisal)) {
        report(R.text, `${where} : appréciation des compétences numériques vide, LSU la refuse même vide : omettez-la`);
      } else text(report, `${where} : appréciation des compétences numériques`, ds.appraisal, 600);
      for (const ref of ds.commonRefs ?? [])
        refTo(report, ref, 'compétences numériques communes', 'des compétences numériques communes');
      const codes = new Set<string>();
      for (const s of ds.skills) {
        if (!(DIGITAL_SKILL_CODES as readonly string[]).includes(s.code))
          report(R.ids, `${where} : compétence numérique « ${s.code} » inconnue`);
        if (codes.has(s.code)) report(R.ids, `${where} : compétence numérique ${s.code} citée deux fois`);
        codes.add(s.code);
        if (!(Number.isInteger(s.level) && s.level >= 1 && s.level <= 3))
          report(R.counts, `${where} : ${s.code} niveau ${s.level} (1 à 3)`);
      }
    }
    for (const g of [...b.epis, ...b.aps]) {
      refTo(report, g.groupRef, 'groupe de projet', 'un projet');
      text(report, `${where} : commentaire de projet`, g.comment, 600);
    }
    const parcours = new Set<string>();
    for (const p of b.parcours) {
      if (!(PARCOURS_CODES as string[]).includes(p.code)) report(R.ids, `${where} : parcours « ${p.code} » inconnu`);
      if (parcours.has(p.code)) report(R.ids, `${where} : parcours ${p.code} cité deux fois`);
      parcours.add(p.code);
      text(report, `${where} : parcours ${p.code}`, p.text, 600);
    }
    for (const m of b.accompaniments) {
      if (!(ACCOMPANIMENT_CODES as string[]).includes(m.code))
        report(R.ids, `${where} : modalité d’accompagnement « ${m.code} » inconnue`);
      text(report, `${where} : complément PPRE`, m.ppre, 600);
      text(report, `${where} : complément contrat de réussite`, m.successContract, 600);
    }
    text(report, `${where} : synthèse du conseil de classe (acquis-conseils)`, b.advice, 1000);
    text(report, `${where} : devoirs faits`, b.homework, 600);
    const life = b.schoolLife;
    for (const [what, v] of [
      ['retards', life.lateArrivals],
      ['absences justifiées', life.justifiedAbsences],
      ['absences injustifiées', life.unjustifiedAbsences],
      ['heures manquées', life.missedHours],
    ] as const) {
      if (v !== undefined && !(Number.isInteger(v) && v >= 0 && v <= 999))
        report(R.counts, `${where} : ${what} ${v} (entier de 0 à 999)`);
    }
    text(report, `${where} : commentaire de vie scolaire`, life.comment, 600);
    if (b.socle) socle(report, b.socle, where, schema.id === '7.0');
    guardians(report, b.guardians);
  }

  const cycleKeys = new Set<string>();
  for (const b of doc.cycleBilans) {
    const report = pupil(b.pupilRef);
    const where = `bilan de fin de cycle ${b.cycle}`;
    refTo(report, b.pupilRef, 'élève', 'un élève');
    refTo(report, b.headRef, 'responsable', 'un responsable');
    for (const t of b.mainTeacherRefs ?? []) refTo(report, t, 'professeur principal', 'un enseignant');
    if (b.cycle !== 3 && b.cycle !== 4) report(R.cycle, `${where} : cycle 3 ou 4 attendu`);
    const key = `${b.pupilRef}/${b.cycle}`;
    if (cycleKeys.has(key)) report(R.ids, `${where} : deux bilans pour le même cycle`);
    cycleKeys.add(key);
    if (!/^[0-9]{4}$/.test(b.millesime))
      report(R.dates, `${where} : millésime « ${b.millesime} » (année de début sur 4 chiffres)`);
    date(report, b.createdOn, `${where} : date du bilan`);
    lockDate(report, b.lockDate, where);
    socle(report, b.socle, where, false);
    for (const d of b.socle) if (d.positioning === undefined) report(R.socle, `${where} : ${d.code} sans positionnement`);
    if (blank(b.synthesis)) report(R.text, `${where} : synthèse vide ou faite d’espaces : LSU la refuse`);
    else text(report, `${where} : synthèse`, b.synthesis, 1500);
    if (b.complement && !(COMPLEMENT_CODES as string[]).includes(b.complement.code))
      report(R.cycle, `${where} : enseignement de complément « ${b.complement.code} » inconnu`);
    if (b.regionalLanguage && !(REGIONAL_LANGUAGE_CODES as string[]).includes(b.regionalLanguage.code)) {
      report(R.cycle, `${where} : langue régionale « ${b.regionalLanguage.code} » inconnue`);
    }
    guardians(report, b.guardians);
  }
  return out;
}
