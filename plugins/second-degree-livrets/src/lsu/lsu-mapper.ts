import {
  GUARDIAN_LINK_LABELS,
  isValidUai,
  type PupilState,
  pupilsOfYear,
  type SchoolSnapshot,
  schoolYearLabel,
} from '@liaison/domain';
import { PERIODS, type Period, periodLabel, schemeOf } from '../codes/periods';
import { SOCLE_DOMAIN_CODES } from '../codes/lsu-codes';
import { LSU_FORMAT_ID } from '../format-ids';
import { AnomalyList, pupilLabel } from '../model/anomalies';
import { isNumericStsId, lsuCivility, mainTeachersOf, signatoryOf, teacherType } from '../model/heads-and-teachers';
import { levelOfPupil } from '../model/levels';
import { hasLivretData, pupilLivretOf, yearLivretOf } from '../model/livret-states';
import { type PeriodRecord, type PupilLivretState, type SubjectAssessment } from '../model/pupil-livret';
import { type Project, type YearLivretState } from '../model/year-livret';
import { divisionKnown, readSiecleReference, type SiecleReference } from '../reference/siecle-reference';
import { SOFTWARE } from '../software';
import {
  emptyLsuDocument,
  type LsuAcquis,
  type LsuDiscipline,
  type LsuDocument,
  type LsuGuardian,
  type LsuPeriodicBilan,
  type LsuTeacher,
} from './lsu-document';
import { LSU_RULES as R } from './lsu-rules';
import { DEFAULT_LSU_SCHEMA, LSU_SCHEMAS, type LsuSchema } from './lsu-schemas';

/**
 * From an establishment's year to the LSU document (LSU FORMAT.md §3, §6, §8): the collège
 * pupils (see `model/levels.ts`) with something in their livret, each with their periodic
 * bilans (T1–T3 or S1–S2) and end-of-cycle bilans; the subjects, teachers, periods and projects
 * they reference. Identifiers come from where LSU expects them: `id-be` the SIECLE ELEVE_ID,
 * `id-sts` the STS-web id, the division the SIECLE/STS division code. Everything that would
 * make the file invalid or wrong is reported, naming the pupil, as it is found.
 */

export interface LsuMapping {
  document: LsuDocument;
  schema: LsuSchema;
  anomalies: AnomalyList;
  /** Document pupil id (`EL_…`) → the pupil, for the checks' messages. */
  pupils: Map<string, PupilState>;
  counts: { pupils: number; periodicBilans: number; cycleBilans: number; withoutBilan: number };
}

export const pupilRefOf = (pupilId: string) => `EL_${pupilId}`;
export const periodRefOf = (period: Period) => `P_${period}`;
export const disciplineRefOf = (code: string, mode: string) => `DI_${code}_${mode}`;
export const teacherRefOf = (stsId: string) => `ENS_${stsId}`;
const HEAD_REF = 'RESP_1';

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const firstChars = (s: string, n: number) => [...s].slice(0, n).join('').trim();

/** Collects what the bilans reference, so each list holds each item once, in a stable order. */
class Registry {
  readonly disciplines = new Map<string, LsuDiscipline>();
  readonly teachers = new Map<string, LsuTeacher>();
  readonly programmeElements = new Set<string>();
  readonly periods = new Set<Period>();
  readonly projects = new Map<string, Project>();
}

interface Context {
  snapshot: SchoolSnapshot;
  schema: LsuSchema;
  reference: SiecleReference;
  yearLivret: YearLivretState;
  registry: Registry;
  anomalies: AnomalyList;
  lockDate: string;
}

/** Registers a subject as a discipline; false (and an anomaly) when the nomenclature lacks it. */
function discipline(ctx: Context, code: string, mode: string, report: (message: string) => void): boolean {
  const subject = ctx.reference.subjects[code];
  if (!subject) {
    report(`matière ${code} absente de la nomenclature ${schoolYearLabel(ctx.snapshot.year)} importée (SIECLE ou STS-web)`);
    return false;
  }
  const id = disciplineRefOf(code, mode);
  if (!ctx.registry.disciplines.has(id)) {
    ctx.registry.disciplines.set(id, {
      id,
      code,
      ...(subject.nationalCode && subject.nationalCode !== code && /^.{6}$/.test(subject.nationalCode)
        ? { nationalCode: subject.nationalCode }
        : {}),
      electionMode: mode,
      // Chaine40: SIECLE's edition label (« Mathématiques ») reads best, cut to 40 characters.
      label: firstChars(subject.editionLabel ?? subject.label, 40),
    });
  }
  return true;
}

/** Registers a teacher; false (and an anomaly) when STS-web lacks them or their id is not numeric. */
function teacher(ctx: Context, stsId: string, report: (message: string) => void): boolean {
  const t = ctx.reference.teachers[stsId];
  if (!t) {
    report(`enseignant ${stsId} absent des données STS-web ${schoolYearLabel(ctx.snapshot.year)} (importez sts_emp)`);
    return false;
  }
  if (!isNumericStsId(stsId)) {
    report(`enseignant ${t.lastName} ${t.firstName} : identifiant STS « ${stsId} » non numérique, LSU attend le numéro STS-web`);
    return false;
  }
  const id = teacherRefOf(stsId);
  if (!ctx.registry.teachers.has(id)) {
    const civility = lsuCivility(t.civility);
    ctx.registry.teachers.set(id, {
      id,
      type: teacherType(t),
      stsId,
      ...(civility ? { civility } : {}),
      lastName: firstChars(t.lastName, 100),
      firstName: firstChars(t.firstName, 100),
    });
  }
  return true;
}

function guardiansOf(ctx: Context, pupil: PupilState): LsuGuardian[] {
  const out: LsuGuardian[] = [];
  const relations = Object.entries(pupil.guardians)
    .filter(([, r]) => r.legalLevel === 1 || r.legalLevel === 2)
    .sort(([a, x], [b, y]) => x.legalLevel - y.legalLevel || byText(a, b));
  for (const [guardianId, relation] of relations) {
    const person = ctx.snapshot.guardians[guardianId]?.person;
    if (!person) continue;
    const { address } = person;
    const lines = [address.line1, address.line2].filter((l): l is string => l !== undefined);
    if (address.postalCode === undefined || lines.some((l) => [...l].length > 50)) {
      ctx.anomalies.pupil(
        R.guardian,
        'warning',
        pupil,
        ctx.snapshot.year,
        `responsable ${person.lastName.toUpperCase()} ${person.firstName} non transmis au LSU : ${address.postalCode === undefined ? 'code postal manquant' : 'ligne d’adresse de plus de 50 caractères'}`,
        'guardians',
      );
      continue;
    }
    const link = GUARDIAN_LINK_LABELS[relation.link];
    out.push({
      civility: person.civility === 'M.' ? 'M' : 'MME',
      lastName: firstChars(person.usageName ?? person.lastName, 100),
      firstName: firstChars(person.firstName, 100),
      legal1: relation.legalLevel === 1,
      legal2: relation.legalLevel === 2,
      ...(link ? { link: firstChars(link, 40) } : {}),
      address: {
        line1: address.line1,
        ...(address.line2 ? { line2: address.line2 } : {}),
        postalCode: address.postalCode,
        commune: address.commune,
      },
    });
  }
  return out;
}

function acquisOf(
  ctx: Context,
  pupil: PupilState,
  period: Period,
  a: SubjectAssessment,
  modes: Set<string>,
): LsuAcquis | undefined {
  const where = `${periodLabel(period)}, matière ${a.subjectCode}`;
  const error = (rule: string) => (message: string) =>
    ctx.anomalies.pupil(rule, 'error', pupil, ctx.snapshot.year, `${where} : ${message}`, 'livret');
  let ok = discipline(ctx, a.subjectCode, a.electionMode, error(R.subject));
  for (const stsId of a.teacherIds) ok = teacher(ctx, stsId, error(R.teacher)) && ok;
  if (a.positioning === undefined && a.average === undefined && a.notGraded !== true) {
    // Pronote refuses to export such a subject (FORMAT.md §1); so do we: it says nothing of the pupil.
    error(R.evaluation)('ni positionnement, ni moyenne, ni « non noté »');
    ok = false;
  }
  if (a.appraisal === undefined) {
    ctx.anomalies.pupil(R.appraisal, 'warning', pupil, ctx.snapshot.year, `${where} : pas d’appréciation`, 'livret');
  }
  const elements = a.programmeElements ?? [];
  if (ctx.schema.programmeElementsRequired && elements.length === 0) {
    error(R.programme)(`le schéma LSU ${ctx.schema.id} exige au moins un élément de programme`);
    ok = false;
  }
  for (const e of elements) ctx.registry.programmeElements.add(e);
  if (a.positioning !== undefined) modes.add('positionnements');
  else if (a.average !== undefined) modes.add('notes');
  if (!ok) return undefined;
  return {
    disciplineRef: disciplineRefOf(a.subjectCode, a.electionMode),
    teacherRefs: a.teacherIds.map(teacherRefOf),
    ...(elements.length > 0 ? { programmeElementRefs: elements } : {}),
    ...(a.average !== undefined ? { average: a.average } : {}),
    ...(a.classAverage !== undefined ? { classAverage: a.classAverage } : {}),
    ...(a.notGraded !== undefined ? { notGraded: a.notGraded } : {}),
    ...(a.positioning !== undefined ? { positioning: a.positioning } : {}),
    ...(a.appraisal !== undefined ? { appraisal: a.appraisal } : {}),
  };
}

/** Registers a project and its disciplines and teachers; false when something it names is unknown. */
function project(ctx: Context, pupil: PupilState, period: Period, projectId: string): Project | undefined {
  const p = ctx.yearLivret.projects[projectId];
  const report = (message: string) =>
    ctx.anomalies.pupil(R.project, 'error', pupil, ctx.snapshot.year, `${periodLabel(period)}, projet ${projectId} : ${message}`);
  if (!p) {
    report('non déclaré pour l’année');
    return undefined;
  }
  let ok = true;
  for (const d of p.disciplines) ok = discipline(ctx, d.subjectCode, d.electionMode, report) && ok;
  for (const t of p.teachers) ok = teacher(ctx, t.stsId, report) && ok;
  if (!ok) return undefined;
  ctx.registry.projects.set(projectId, p);
  return p;
}

const isEmptyPeriod = (r: PeriodRecord) => Object.keys(r.subjects).length === 0 && !r.synthesis && !r.attendance && !r.projects;

function periodicBilan(
  ctx: Context,
  pupil: PupilState,
  period: Period,
  record: PeriodRecord,
  base: { schoolingDate: string; mainTeacherRefs: string[]; guardians: LsuGuardian[] },
  modes: Set<string>,
): LsuPeriodicBilan | undefined {
  const { year } = ctx.snapshot;
  const error = (rule: string, message: string) =>
    ctx.anomalies.pupil(rule, 'error', pupil, year, `${periodLabel(period)} : ${message}`, 'livret');
  const subjects = Object.values(record.subjects).sort(
    (a, b) => byText(a.subjectCode, b.subjectCode) || byText(a.electionMode, b.electionMode),
  );
  if (subjects.length === 0) error(R.acquis, 'aucune matière évaluée (le bilan périodique en demande au moins une)');
  if (!record.synthesis) error(R.synthesis, 'synthèse et date du conseil de classe manquantes');
  if (!record.attendance) error(R.schoolLife, 'vie scolaire (retards, absences) manquante');
  const acquis = subjects.map((a) => acquisOf(ctx, pupil, period, a, modes));
  const epis: LsuPeriodicBilan['epis'] = [];
  const aps: LsuPeriodicBilan['aps'] = [];
  let projectsOk = true;
  for (const x of record.projects?.projects ?? []) {
    const p = project(ctx, pupil, period, x.projectId);
    if (!p) {
      projectsOk = false;
      continue;
    }
    const entry = {
      groupRef: `${p.kind === 'epi' ? 'EPIG' : 'APG'}_${p.projectId}`,
      ...(x.comment ? { comment: x.comment } : {}),
    };
    (p.kind === 'epi' ? epis : aps).push(entry);
  }
  if (subjects.length === 0 || !record.synthesis || !record.attendance || acquis.some((a) => a === undefined) || !projectsOk) {
    return undefined;
  }
  ctx.registry.periods.add(period);
  const { synthesis, attendance } = record;
  return {
    pupilRef: pupilRefOf(pupil.pupilId!),
    periodRef: periodRefOf(period),
    councilDate: synthesis.councilDate,
    schoolingDate: base.schoolingDate,
    lockDate: ctx.lockDate,
    headRef: HEAD_REF,
    ...(base.mainTeacherRefs.length > 0 ? { mainTeacherRefs: base.mainTeacherRefs } : {}),
    acquis: acquis as LsuAcquis[],
    epis,
    aps,
    parcours: (record.projects?.parcours ?? []).map((p) => ({ code: p.code, text: p.text })),
    accompaniments: (record.projects?.accompaniments ?? []).map((a) => ({
      code: a.code,
      ...(a.detail !== undefined && a.code === 'PPRE' ? { ppre: a.detail } : {}),
      ...(a.detail !== undefined && a.code === 'CTR' ? { successContract: a.detail } : {}),
    })),
    advice: synthesis.synthesis,
    ...(synthesis.homework !== undefined ? { homework: synthesis.homework } : {}),
    schoolLife: {
      lateArrivals: attendance.lateArrivals,
      justifiedAbsences: attendance.justifiedAbsences,
      unjustifiedAbsences: attendance.unjustifiedAbsences,
      ...(attendance.missedHours !== undefined ? { missedHours: attendance.missedHours } : {}),
      ...(attendance.comment !== undefined ? { comment: attendance.comment } : {}),
    },
    guardians: base.guardians,
  };
}

function mapPupil(
  ctx: Context,
  doc: LsuDocument,
  pupil: PupilState,
  livret: PupilLivretState,
  modesByDivision: Map<string, Set<string>>,
) {
  const { snapshot, reference } = ctx;
  const { year } = snapshot;
  const pupilYear = pupil.years[year]!;
  const klass = snapshot.classes.find((c) => c.classCode === pupilYear.classCode);
  const division = klass?.rectoratCode ?? klass?.classCode ?? pupilYear.classCode ?? '';
  if (pupil.siecleId === undefined) {
    ctx.anomalies.pupil(
      R.eleveId,
      'error',
      pupil,
      year,
      'identifiant SIECLE (ELEVE_ID) manquant : importez l’export SIECLE des élèves (siecle.eleves), LSU n’accepte pas l’INE',
      'siecleId',
    );
  } else if (!/^0*[1-9][0-9]*$/.test(pupil.siecleId)) {
    ctx.anomalies.pupil(
      R.eleveId,
      'error',
      pupil,
      year,
      `identifiant SIECLE « ${pupil.siecleId} » invalide : un entier positif est attendu`,
      'siecleId',
    );
  }
  if (!divisionKnown(reference, division)) {
    ctx.anomalies.pupil(
      R.division,
      'error',
      pupil,
      year,
      `division ${division || '(aucune)'} inconnue de SIECLE / STS-web pour ${schoolYearLabel(year)} : importez Structures.xml ou sts_emp, ou corrigez le code rectorat de la classe`,
      'classCode',
    );
  }
  const identity = pupil.identity;
  doc.pupils.push({
    id: pupilRefOf(pupil.pupilId!),
    idBe: pupil.siecleId ?? '',
    ...(identity
      ? { lastName: firstChars(identity.usageName ?? identity.lastName, 100), firstName: firstChars(identity.firstName, 100) }
      : {}),
    division,
  });
  const yearStart = `${year}-09-01`;
  const entry = pupilYear.entryDate;
  const mainTeacherRefs = mainTeachersOf(reference, division)
    .filter((t) => teacher(ctx, t.stsId, () => undefined))
    .map((t) => teacherRefOf(t.stsId));
  const base = {
    // ASSUMED (FORMAT.md gives no definition): the day the pupil's schooling of the year began here.
    schoolingDate: entry !== undefined && entry > yearStart ? entry : yearStart,
    mainTeacherRefs,
    guardians: guardiansOf(ctx, pupil),
  };
  // A pupil's year is cut in trimesters or in semesters: LSU numbers a period within its scheme
  // (1 of 3, 1 of 2), so a file mixing both for one pupil describes no real year.
  const schemes = new Set(
    PERIODS.filter((p) => livret.periods[p] && !isEmptyPeriod(livret.periods[p]!)).map((p) => schemeOf(p).kind),
  );
  if (schemes.size > 1) {
    ctx.anomalies.pupil(
      R.periods,
      'error',
      pupil,
      year,
      'trimestres et semestres mêlés : retirez les périodes enregistrées par erreur (WithdrawLivretRecord, record period)',
      'livret',
    );
  }
  const modes = modesByDivision.get(division) ?? new Set<string>();
  modesByDivision.set(division, modes);
  for (const period of PERIODS) {
    const record = livret.periods[period];
    // A period whose records were all withdrawn (WithdrawSubjectAssessment leaves it empty) is no bilan.
    if (!record || isEmptyPeriod(record)) continue;
    const bilan = periodicBilan(ctx, pupil, period, record, base, modes);
    if (bilan) doc.periodicBilans.push(bilan);
  }
  const level = levelOfPupil(snapshot, pupil);
  for (const bilan of Object.values(livret.cycleBilans).sort((a, b) => a.cycle - b.cycle)) {
    // LSU files the bilan under the pupil's level: sent for the wrong one, it stands as the pupil's cycle bilan.
    if (level?.livret === 'lsu' && (level.cycle !== bilan.cycle || !level.endsCycle)) {
      const expected = level.endsCycle
        ? `seul le bilan de fin de cycle ${level.cycle} est attendu en ${level.name}`
        : `aucun bilan de fin de cycle n’est attendu en ${level.name}`;
      ctx.anomalies.pupil(
        R.cycle,
        'error',
        pupil,
        year,
        `${pupilLabel(pupil, year)} : bilan de fin de cycle ${bilan.cycle} pour un élève de ${level.name} (le cycle 3 se termine en 6e, le cycle 4 en 3e ; ${expected}) : retirez-le (WithdrawLivretRecord, record cycleBilan, cycle ${bilan.cycle}) ou corrigez la formation de l’élève`,
        'livret',
      );
    }
    doc.cycleBilans.push({
      pupilRef: pupilRefOf(pupil.pupilId!),
      cycle: bilan.cycle,
      millesime: String(year),
      createdOn: bilan.date,
      lockDate: ctx.lockDate,
      headRef: HEAD_REF,
      ...(mainTeacherRefs.length > 0 ? { mainTeacherRefs } : {}),
      socle: SOCLE_DOMAIN_CODES.map((code) => ({ code, positioning: bilan.domains[code]! })),
      synthesis: bilan.synthesis,
      ...(bilan.complement ? { complement: bilan.complement } : {}),
      guardians: base.guardians,
      ...(bilan.regionalLanguage ? { regionalLanguage: bilan.regionalLanguage } : {}),
    });
  }
}

/** The projects the bilans reference, as LSU's `epi`/`acc-perso` and their one group each. */
function addProjects(ctx: Context, doc: LsuDocument): void {
  const projects = [...ctx.registry.projects.values()].sort((a, b) => byText(a.projectId, b.projectId));
  for (const p of projects) {
    const isEpi = p.kind === 'epi';
    const entry = {
      id: `${isEpi ? 'EPI' : 'AP'}_${p.projectId}`,
      title: p.title,
      ...(isEpi ? { theme: p.theme! } : {}),
      disciplineRefs: p.disciplines.map((d) => disciplineRefOf(d.subjectCode, d.electionMode)),
      ...(p.description ? { description: p.description } : {}),
    };
    const group = {
      id: `${isEpi ? 'EPIG' : 'APG'}_${p.projectId}`,
      projectRef: entry.id,
      title: p.title,
      ...(p.comment ? { comment: p.comment } : {}),
      teacherDisciplines: p.teachers.map((t) => ({
        teacherRef: teacherRefOf(t.stsId),
        disciplineRef: disciplineRefOf(t.subjectCode, t.electionMode),
      })),
    };
    if (isEpi) {
      doc.epis.push(entry);
      doc.epiGroups.push(group);
      if (p.themeLabel && !doc.epiThemes.some((t) => t.code === p.theme))
        doc.epiThemes.push({ code: p.theme!, label: p.themeLabel });
    } else {
      doc.aps.push(entry);
      doc.apGroups.push(group);
    }
  }
}

/**
 * The class average of a subject (`moyenne-structure`) comes with each pupil's assessment, as the
 * grade book gives it: a correction imported for some pupils only leaves the class with two
 * averages for one subject and period. The file carries them as given; the user is told.
 */
function warnDivergentClassAverages(document: LsuDocument, anomalies: AnomalyList): void {
  const divisionOf = new Map(document.pupils.map((p) => [p.id, p.division]));
  const averages = new Map<string, Set<string>>();
  for (const bilan of document.periodicBilans) {
    for (const a of bilan.acquis) {
      if (a.classAverage === undefined) continue;
      const key = `${divisionOf.get(bilan.pupilRef) ?? ''}|${bilan.periodRef}|${a.disciplineRef}`;
      averages.set(key, (averages.get(key) ?? new Set()).add(a.classAverage));
    }
  }
  for (const [key, values] of averages) {
    if (values.size < 2) continue;
    const [division, periodRef, disciplineRef] = key.split('|') as [string, string, string];
    const period = PERIODS.find((p) => periodRefOf(p) === periodRef);
    anomalies.add({
      rule: R.classAverage,
      severity: 'warning',
      entity: { kind: 'class', id: division, label: `division ${division}` },
      message: `division ${division}, ${period ? periodLabel(period) : periodRef}, matière ${disciplineRef.split('_')[1] ?? disciplineRef} : moyennes de la classe différentes selon les élèves (${[...values].sort().join(', ')}) ; réimportez la période entière depuis le carnet de notes`,
    });
  }
}

/** The LSU document of the snapshot's year, with what blocks or spoils it; `lockInstant` dates `date-verrou`. */
export function mapLsu(snapshot: SchoolSnapshot, lockDate: string): LsuMapping {
  const anomalies = new AnomalyList();
  const yearLivret = yearLivretOf(snapshot);
  const schema = LSU_SCHEMAS[yearLivret.schemas.lsu ?? DEFAULT_LSU_SCHEMA];
  const document = emptyLsuDocument(
    {
      editor: SOFTWARE.editor,
      application: SOFTWARE.application,
      ...(schema.applicationVersion ? { applicationVersion: SOFTWARE.version } : {}),
      establishment: snapshot.uai,
    },
    schema.schemaVersion,
  );
  const label = snapshot.establishment.name ?? snapshot.uai;
  const counts = { pupils: 0, periodicBilans: 0, cycleBilans: 0, withoutBilan: 0 };
  const pupils = new Map<string, PupilState>();
  const result = { document, schema, anomalies, pupils, counts };
  const read = readSiecleReference(snapshot);
  if (!read.ok) {
    anomalies.establishment(R.reference, 'error', snapshot.uai, label, read.message);
    return result;
  }
  if (!isValidUai(snapshot.uai)) {
    anomalies.establishment(
      R.uai,
      'error',
      snapshot.uai,
      label,
      `UAI ${snapshot.uai} invalide (lettre clé) : LSU refuserait le fichier`,
    );
  }
  const ctx: Context = {
    snapshot,
    schema,
    reference: read.reference,
    yearLivret,
    registry: new Registry(),
    anomalies,
    lockDate,
  };
  const signatory = signatoryOf(yearLivret.head, read.reference);
  if (signatory) document.heads.push({ id: HEAD_REF, label: firstChars(signatory.label, 100) });
  else
    anomalies.establishment(
      R.head,
      'error',
      snapshot.uai,
      label,
      'aucun chef d’établissement pour signer les bilans : déclarez-le (DeclareLivretHead) ou importez sts_emp avec la personne de fonction DIR',
    );

  const modesByDivision = new Map<string, Set<string>>();
  for (const pupil of pupilsOfYear(snapshot)) {
    if (pupil.years[snapshot.year]!.status === 'preinscrit') continue;
    if (levelOfPupil(snapshot, pupil)?.livret !== 'lsu') continue;
    const livret = pupilLivretOf(snapshot, pupil.pupilId!);
    if (!hasLivretData(livret)) {
      counts.withoutBilan += 1;
      anomalies.pupil(
        R.noBilan,
        'warning',
        pupil,
        snapshot.year,
        'aucun bilan saisi : l’élève ne figure pas dans le fichier LSU',
      );
      continue;
    }
    pupils.set(pupilRefOf(pupil.pupilId!), pupil);
    mapPupil(ctx, document, pupil, livret, modesByDivision);
  }
  for (const [division, modes] of modesByDivision) {
    if (modes.size > 1) {
      anomalies.add({
        rule: R.mode,
        severity: 'warning',
        entity: { kind: 'class', id: division, label: `division ${division}` },
        message: `division ${division} : des matières évaluées par positionnement, d’autres par notes seulement ; LSU attend un seul mode par classe`,
      });
    }
  }
  warnDivergentClassAverages(document, anomalies);
  if (document.pupils.length === 0) {
    anomalies.establishment(
      R.nothing,
      'error',
      snapshot.uai,
      label,
      `aucun bilan LSU à exporter pour ${schoolYearLabel(snapshot.year)} : importez les évaluations des collégiens (${LSU_FORMAT_ID} attend des bilans périodiques ou de fin de cycle)`,
    );
  }
  const { registry } = ctx;
  document.periods = [...registry.periods]
    .sort((a, b) => PERIODS.indexOf(a) - PERIODS.indexOf(b))
    .map((p) => ({ id: periodRefOf(p), millesime: String(snapshot.year), index: schemeOf(p).index, count: schemeOf(p).count }));
  document.disciplines = [...registry.disciplines.values()].sort(
    (a, b) => byText(a.code, b.code) || byText(a.electionMode, b.electionMode),
  );
  document.teachers = [...registry.teachers.values()].sort((a, b) => byText(a.stsId, b.stsId));
  const elements = [...registry.programmeElements].sort(byText);
  const elementIds = new Map(elements.map((label, i) => [label, `EP_${i + 1}`]));
  document.programmeElements = elements.map((label) => ({ id: elementIds.get(label)!, label }));
  for (const bilan of document.periodicBilans) {
    for (const a of bilan.acquis) {
      if (a.programmeElementRefs) a.programmeElementRefs = a.programmeElementRefs.map((label) => elementIds.get(label)!);
    }
  }
  addProjects(ctx, document);
  counts.pupils = document.pupils.length;
  counts.periodicBilans = document.periodicBilans.length;
  counts.cycleBilans = document.cycleBilans.length;
  return result;
}
