import {
  type ClassState,
  type Command,
  type DemoContext,
  type DemoContribution,
  parisDateOf,
  type SchoolSnapshot,
} from '@liaison/domain';
import { EXAM_OPINION_CODES, LSL_ELECTION_MODES } from '../codes/lsl-codes';
import { LSU_ELECTION_MODES, SOCLE_DOMAIN_CODES } from '../codes/lsu-codes';
import { isNumericStsId, signatoryOf } from '../model/heads-and-teachers';
import { levelOfClass, type LivretLevel } from '../model/levels';
import { yearLivretOf } from '../model/livret-states';
import { readSiecleReference, type SiecleReference } from '../reference/siecle-reference';

/**
 * What the plugin adds to `liaison demo` for a second-degree establishment: the first term of the
 * current year for the collège classes (positionings and appraisals by subject, the council's
 * synthesis, vie scolaire), the end-of-cycle-4 bilans of the 3e, and the first term's marks of
 * the classes de première — enough for `liaison export lsu.bilans` and `lsl.livret` to produce
 * valid files. Subjects, teachers and services come from the SIECLE plugin's demo data in the
 * snapshot: without them (or without pupils' ELEVE_IDs) there is nothing to add. Deterministic
 * (a hash of the seed and the ids), and no date after the demo's « now ».
 */

const APPRAISALS: Record<number, string> = {
  1: 'Des difficultés importantes : un travail régulier est indispensable.',
  2: 'Des acquis encore fragiles ; il faut persévérer.',
  3: 'Un bon trimestre, un travail sérieux.',
  4: 'Excellent trimestre, bravo.',
};

const SYNTHESES = [
  'Un premier trimestre encourageant : continuez ainsi.',
  'Un trimestre satisfaisant ; la participation orale doit progresser.',
  'Des résultats en progrès, un travail à poursuivre avec régularité.',
  'Un trimestre sérieux et des résultats solides.',
];

/** FNV-1a: a stable number from the seed and the ids, the same on every machine. */
function hash(...parts: Array<string | number>): number {
  let h = 0x811c9dc5;
  for (const c of parts.join('|')) {
    h ^= c.charCodeAt(0);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** The school year `now` falls in (September starts it). */
function schoolYearOf(day: string): number {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return m >= 9 ? y : y - 1;
}

const earliest = (a: string, b: string) => (a < b ? a : b);

interface Service {
  subjectCode: string;
  electionMode: string;
  teacherIds: string[];
}

/** The class's services LSU and LSL can use: known subject, known teachers with a numeric STS id. */
function servicesOf(reference: SiecleReference, klass: ClassState, level: LivretLevel): Service[] {
  const structure = reference.services[klass.rectoratCode ?? klass.classCode!] ?? reference.services[klass.classCode!];
  if (!structure) return [];
  const modes: readonly string[] = level.livret === 'lsl' ? LSL_ELECTION_MODES : LSU_ELECTION_MODES;
  const programme = reference.mefSubjects[klass.formations[0] ?? '']?.programme ?? [];
  const bySubject = new Map<string, Service>();
  for (const s of structure.services) {
    const teacherIds = s.teachers.map((t) => t.stsId).filter((id) => reference.teachers[id] !== undefined && isNumericStsId(id));
    if (!reference.subjects[s.subjectCode] || teacherIds.length === 0) continue;
    if (level.livret === 'lsl' && !/^[0-9]{6}$/.test(s.subjectCode)) continue;
    const modality = programme.find((p) => p.subjectCode === s.subjectCode)?.modality;
    const current = bySubject.get(s.subjectCode);
    bySubject.set(s.subjectCode, {
      subjectCode: s.subjectCode,
      electionMode: modality !== undefined && modes.includes(modality) ? modality : 'S',
      teacherIds: [...new Set([...(current?.teacherIds ?? []), ...teacherIds])].sort(),
    });
  }
  return [...bySubject.values()].sort((a, b) => (a.subjectCode < b.subjectCode ? -1 : 1));
}

function classCommands(
  snapshot: SchoolSnapshot,
  context: DemoContext,
  reference: SiecleReference,
  klass: ClassState,
  today: string,
): Command[] {
  const level = levelOfClass(klass);
  if (!level) return [];
  const services = servicesOf(reference, klass, level);
  if (services.length === 0) return [];
  const { uai, year } = snapshot;
  const councilDate = earliest(`${year}-12-05`, today);
  const commands: Command[] = [];
  const pupils = snapshot.pupils.filter((p) => {
    const y = p.years[year];
    return y?.status === 'inscrit' && y.classCode === klass.classCode && p.siecleId !== undefined;
  });
  for (const pupil of pupils) {
    const ref = { uai, year, pupilId: pupil.pupilId!, classCode: klass.classCode! };
    const h = (...parts: Array<string | number>) => hash(context.seed, pupil.pupilId!, ...parts);
    for (const s of services) {
      const positioning = 1 + (h(s.subjectCode) % 4);
      const assessment =
        level.livret === 'lsu'
          ? { positioning }
          : // Quarter points from 6 to 19.5: exact in binary, written « 12.25 », « 12.5 », « 12 ».
            { average: String((24 + (h(s.subjectCode, 'note') % 55)) / 4) };
      commands.push({
        type: 'RecordSubjectAssessment',
        payload: {
          ...ref,
          period: 'T1',
          subjectCode: s.subjectCode,
          electionMode: s.electionMode,
          teacherIds: s.teacherIds,
          ...assessment,
          appraisal: APPRAISALS[positioning],
        },
      });
    }
    commands.push({
      type: 'RecordPeriodSynthesis',
      payload: { ...ref, period: 'T1', councilDate, synthesis: SYNTHESES[h('synthese') % SYNTHESES.length] },
    });
    commands.push({
      type: 'RecordAttendance',
      payload: {
        ...ref,
        period: 'T1',
        lateArrivals: h('retards') % 4,
        justifiedAbsences: h('absences') % 5,
        unjustifiedAbsences: h('injustifiees') % 7 === 0 ? 1 : 0,
      },
    });
    if (level.livret === 'lsu' && level.name === '3e') {
      commands.push({
        type: 'RecordCycleBilan',
        payload: {
          ...ref,
          cycle: 4,
          date: earliest(`${year + 1}-06-20`, today),
          domains: Object.fromEntries(SOCLE_DOMAIN_CODES.map((code) => [code, 1 + (h('socle', code) % 4)])),
          synthesis: 'Les composantes du socle sont maîtrisées dans l’ensemble ; un parcours à poursuivre au lycée.',
          complement: { code: 'AUC' },
          regionalLanguage: { code: 'AUC' },
        },
      });
    }
    if (level.livret === 'lsl') {
      commands.push({
        type: 'RecordExamOpinion',
        payload: { ...ref, opinion: EXAM_OPINION_CODES[h('avis') % EXAM_OPINION_CODES.length] },
      });
    }
  }
  return commands;
}

export const livretsDemo: DemoContribution = (snapshot, context) => {
  if (snapshot.establishment.degree !== 'second') return [];
  const today = parisDateOf(context.now);
  if (snapshot.year !== schoolYearOf(today)) return [];
  const read = readSiecleReference(snapshot);
  if (!read.ok) return [];
  const reference = read.reference;
  if (Object.keys(reference.subjects).length === 0 || Object.keys(reference.teachers).length === 0) return [];
  const perClass = [...snapshot.classes]
    .sort((a, b) => (a.classCode! < b.classCode! ? -1 : 1))
    .flatMap((klass) => classCommands(snapshot, context, reference, klass, today));
  if (perClass.length === 0) return [];
  const head = signatoryOf(yearLivretOf(snapshot).head, reference)
    ? []
    : [
        {
          type: 'DeclareLivretHead',
          payload: { uai: snapshot.uai, year: snapshot.year, civility: 'MME', lastName: 'Delorme', firstName: 'Claire' },
        },
      ];
  return [...head, ...perClass];
};
