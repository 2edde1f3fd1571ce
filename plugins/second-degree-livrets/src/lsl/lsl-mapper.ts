import { isValidUai, type PupilState, pupilsOfYear, type SchoolSnapshot, schoolYearLabel } from '@liaison/domain';
import { LSL_ELECTION_MODES } from '../codes/lsl-codes';
import { PERIODS, schemeOf } from '../codes/periods';
import { LSL_FORMAT_ID } from '../format-ids';
import { AnomalyList } from '../model/anomalies';
import { levelOfPupil } from '../model/levels';
import { hasLivretData, pupilLivretOf, yearLivretOf } from '../model/livret-states';
import { type Opinion, type PupilLivretState } from '../model/pupil-livret';
import { statisticsKey } from '../model/year-livret';
import { readSiecleReference, type SiecleReference } from '../reference/siecle-reference';
import { SOFTWARE } from '../software';
import { computedStructure, decimal2, meanOf, recordedStructure } from './class-statistics';
import { type LslDocument, type LslEvaluation, type LslOpinion, type LslPupil } from './lsl-document';
import { LSL_RULES as R } from './lsl-rules';
import { DEFAULT_LSL_SCHEMA, LSL_SCHEMAS, type LslSchema } from './lsl-schemas';

/**
 * From an establishment's year to the LSL document of its classes de première (pupils whose MEF
 * is a première, `model/levels.ts`): per pupil `eleve/@id` = SIECLE ELEVE_ID, engagements and
 * the exam opinion, one `scolarite` for the year with the opinions and one `evaluation` per
 * subject — periodic averages, annual appraisal and competences, teachers from STS-web, the
 * class's statistics (as recorded, else computed from the class's averages).
 */

export interface LslMapping {
  document: LslDocument;
  schema: LslSchema;
  anomalies: AnomalyList;
  /** ELEVE_ID → the pupil, for the checks' messages. */
  pupils: Map<string, PupilState>;
  counts: { pupils: number; evaluations: number; withoutLivret: number };
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const firstChars = (s: string, n: number) => [...s].slice(0, n).join('').trim();

/** Each subject key's annual average (mean of its periodic averages). */
function annualAverages(livret: PupilLivretState): Map<string, number> {
  const marks = new Map<string, string[]>();
  for (const period of PERIODS) {
    for (const [key, a] of Object.entries(livret.periods[period]?.subjects ?? {})) {
      if (a.average !== undefined) marks.set(key, [...(marks.get(key) ?? []), a.average]);
    }
  }
  return new Map([...marks].map(([key, m]) => [key, meanOf(m)!]));
}

const opinionOf = (o: Opinion | undefined): LslOpinion | undefined =>
  o && {
    text: o.text,
    lastName: firstChars(o.author.lastName, 65),
    firstName: firstChars(o.author.firstName, 50),
    ...(o.date ? { date: o.date } : {}),
  };

interface Covered {
  pupil: PupilState;
  livret: PupilLivretState;
  classCode: string;
}

function evaluations(
  snapshot: SchoolSnapshot,
  schema: LslSchema,
  reference: SiecleReference,
  anomalies: AnomalyList,
  covered: Covered,
  classAverages: Map<string, number[]>,
): LslEvaluation[] {
  const { pupil, livret, classCode } = covered;
  const { year } = snapshot;
  const stats = yearLivretOf(snapshot).statistics;
  const keys = new Set<string>(Object.keys(livret.annual));
  for (const period of PERIODS) for (const key of Object.keys(livret.periods[period]?.subjects ?? {})) keys.add(key);
  const out: LslEvaluation[] = [];
  for (const key of [...keys].sort(byText)) {
    const [subjectCode, electionMode] = key.split('|') as [string, string];
    const error = (rule: string, message: string) =>
      anomalies.pupil(rule, 'error', pupil, year, `matière ${subjectCode} (${electionMode}) : ${message}`, 'livret');
    let ok = true;
    if (!(LSL_ELECTION_MODES as readonly string[]).includes(electionMode)) {
      error(R.mode, `modalité d’élection ${electionMode} : le LSL n’accepte que O, F et S`);
      ok = false;
    }
    if (!/^[0-9]{6}$/.test(subjectCode)) {
      error(R.subject, 'le LSL attend un code matière national de 6 chiffres');
      ok = false;
    } else if (!reference.subjects[subjectCode]) {
      error(R.subject, `absente de la nomenclature ${schoolYearLabel(year)} importée (SIECLE ou STS-web)`);
      ok = false;
    }
    const annual = livret.annual[key];
    const periods: LslEvaluation['periods'] = [];
    const teacherIds: string[] = [];
    for (const period of PERIODS) {
      const a = livret.periods[period]?.subjects[key];
      if (!a) continue;
      teacherIds.push(...a.teacherIds);
      if (a.average !== undefined) periods.push({ number: schemeOf(period).index, average: decimal2(Number(a.average)) });
    }
    teacherIds.push(...(annual?.teacherIds ?? []));
    const teachers: LslEvaluation['teachers'] = [];
    for (const stsId of [...new Set(teacherIds)]) {
      const t = reference.teachers[stsId];
      if (!t) {
        error(R.teacher, `enseignant ${stsId} absent des données STS-web ${schoolYearLabel(year)}`);
        ok = false;
      } else teachers.push({ lastName: firstChars(t.lastName, 65), firstName: firstChars(t.firstName, 50) });
    }
    if (schema.annualRequired && annual?.appraisal === undefined) {
      error(R.annual, `le schéma LSL ${schema.id} exige une appréciation annuelle`);
      ok = false;
    }
    if (!ok) continue;
    const recorded = stats[statisticsKey(classCode, subjectCode, electionMode)];
    out.push({
      electionMode,
      subjectCode,
      structure: recorded ? recordedStructure(recorded) : computedStructure(classAverages.get(`${classCode}|${key}`) ?? []),
      ...(annual?.appraisal !== undefined ? { annual: annual.appraisal } : {}),
      periods,
      competences: (annual?.competences ?? []).map((c) => ({ code: c.code, level: c.level })),
      teachers,
    });
  }
  return out;
}

/** The LSL document of the snapshot's year, with what blocks or spoils it. */
export function mapLsl(snapshot: SchoolSnapshot): LslMapping {
  const anomalies = new AnomalyList();
  const schema = LSL_SCHEMAS[yearLivretOf(snapshot).schemas.lsl ?? DEFAULT_LSL_SCHEMA];
  const document: LslDocument = {
    schemaVersion: schema.schemaVersion,
    header: { editor: SOFTWARE.editor, application: SOFTWARE.application, establishment: snapshot.uai },
    pupils: [],
  };
  const pupils = new Map<string, PupilState>();
  const counts = { pupils: 0, evaluations: 0, withoutLivret: 0 };
  const result = { document, schema, anomalies, pupils, counts };
  const label = snapshot.establishment.name ?? snapshot.uai;
  const { year } = snapshot;
  const read = readSiecleReference(snapshot);
  if (!read.ok) {
    anomalies.establishment(R.reference, 'error', snapshot.uai, label, read.message);
    return result;
  }
  if (!isValidUai(snapshot.uai)) {
    anomalies.establishment(R.uai, 'error', snapshot.uai, label, `UAI ${snapshot.uai} invalide (lettre clé)`);
  }
  const covered: Covered[] = [];
  for (const pupil of pupilsOfYear(snapshot)) {
    const pupilYear = pupil.years[year]!;
    if (pupilYear.status === 'preinscrit' || levelOfPupil(snapshot, pupil)?.livret !== 'lsl') continue;
    const livret = pupilLivretOf(snapshot, pupil.pupilId!);
    if (!hasLivretData(livret)) {
      counts.withoutLivret += 1;
      anomalies.pupil(R.noLivret, 'warning', pupil, year, 'aucune évaluation saisie : l’élève ne figure pas dans le fichier LSL');
      continue;
    }
    covered.push({ pupil, livret, classCode: pupilYear.classCode ?? '' });
  }
  // The class averages a computed `structure` needs: every covered pupil's annual average by class and subject.
  const classAverages = new Map<string, number[]>();
  for (const c of covered) {
    for (const [key, average] of annualAverages(c.livret)) {
      const k = `${c.classCode}|${key}`;
      classAverages.set(k, [...(classAverages.get(k) ?? []), average]);
    }
  }
  for (const c of covered) {
    const { pupil, livret } = c;
    const before = anomalies.errors.length;
    const evaluationList = evaluations(snapshot, schema, read.reference, anomalies, c, classAverages);
    if (evaluationList.length === 0 && anomalies.errors.length === before) {
      anomalies.pupil(R.noLivret, 'warning', pupil, year, 'aucune matière évaluée : l’élève ne figure pas dans le fichier LSL');
      continue;
    }
    if (pupil.siecleId === undefined) {
      anomalies.pupil(
        R.eleveId,
        'error',
        pupil,
        year,
        'identifiant SIECLE (ELEVE_ID) manquant : importez l’export SIECLE des élèves (siecle.eleves), le LSL n’accepte pas l’INE',
        'siecleId',
      );
    }
    const kinds = new Set(
      PERIODS.filter((p) => Object.keys(livret.periods[p]?.subjects ?? {}).length > 0).map((p) => schemeOf(p).kind),
    );
    if (kinds.size > 1) {
      anomalies.pupil(
        R.periods,
        'error',
        pupil,
        year,
        'trimestres et semestres mêlés : le LSL attend un seul découpage de l’année (code-periode T ou S)',
      );
    }
    const id = pupil.siecleId ?? '';
    pupils.set(id, pupil);
    const entry: LslPupil = {
      id,
      ...(livret.engagements
        ? {
            engagements: {
              codes: livret.engagements.codes,
              ...(livret.engagements.other ? { other: livret.engagements.other } : {}),
            },
          }
        : {}),
      ...(livret.examOpinion ? { examOpinion: livret.examOpinion.opinion } : {}),
      schoolYears: [
        {
          year: String(year),
          periodType: [...kinds][0] ?? 'T',
          ...(livret.opinions.engagement ? { engagementOpinion: opinionOf(livret.opinions.engagement) } : {}),
          ...(livret.opinions.investissement ? { investmentOpinion: opinionOf(livret.opinions.investissement) } : {}),
          ...(livret.opinions['chef-etablissement'] ? { headOpinion: opinionOf(livret.opinions['chef-etablissement']) } : {}),
          evaluations: evaluationList,
        },
      ],
    };
    document.pupils.push(entry);
    counts.evaluations += evaluationList.length;
  }
  if (document.pupils.length === 0) {
    anomalies.establishment(
      R.nothing,
      'error',
      snapshot.uai,
      label,
      `aucun livret de première à exporter pour ${schoolYearLabel(year)} : importez les évaluations des classes de première (${LSL_FORMAT_ID})`,
    );
  }
  counts.pupils = document.pupils.length;
  return result;
}
