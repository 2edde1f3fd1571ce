import { type DomainEvent, type Evolver } from '@liaison/domain';
import { type Period } from '../codes/periods';
import {
  type LivretAnnualAssessmentRecordedData,
  type LivretAttendanceRecordedData,
  type LivretCycleBilanRecordedData,
  type LivretEngagementsRecordedData,
  type LivretExamOpinionRecordedData,
  type LivretOpinionRecordedData,
  type LivretPeriodSynthesisRecordedData,
  type LivretPupilProjectsRecordedData,
  type LivretRecordWithdrawnData,
  type LivretSubjectAssessedData,
  type LivretSubjectAssessmentWithdrawnData,
} from '../events/pupil-events';
import { type OpinionKind } from '../events/shapes';

/** What each record keeps: the event's data without the stream's own identity. */
type Record_<T> = Omit<T, 'uai' | 'year' | 'pupilId'>;

export type SubjectAssessment = Record_<LivretSubjectAssessedData>;
export type PeriodSynthesis = Record_<LivretPeriodSynthesisRecordedData>;
export type Attendance = Record_<LivretAttendanceRecordedData>;
export type PupilProjects = Record_<LivretPupilProjectsRecordedData>;
export type CycleBilan = Record_<LivretCycleBilanRecordedData>;
export type AnnualAssessment = Record_<LivretAnnualAssessmentRecordedData>;
export type Opinion = Record_<LivretOpinionRecordedData>;
export type Engagements = Record_<LivretEngagementsRecordedData>;

export interface PeriodRecord {
  /** By `subjectKey` (subject code and election mode: LSU's discipline key). */
  subjects: Record<string, SubjectAssessment>;
  synthesis?: PeriodSynthesis;
  attendance?: Attendance;
  projects?: PupilProjects;
}

/** The folded state of `livret-<UAI>-<YYYY>-<pupilId>`. JSON-safe. */
export interface PupilLivretState {
  uai?: string;
  year?: number;
  pupilId?: string;
  periods: Partial<Record<Period, PeriodRecord>>;
  /** By cycle (`"3"`, `"4"`). */
  cycleBilans: Record<string, CycleBilan>;
  /** By `subjectKey`. */
  annual: Record<string, AnnualAssessment>;
  opinions: Partial<Record<OpinionKind, Opinion>>;
  examOpinion?: { classCode: string; opinion: LivretExamOpinionRecordedData['opinion'] };
  engagements?: Engagements;
}

export const initialPupilLivretState = (): PupilLivretState => ({ periods: {}, cycleBilans: {}, annual: {}, opinions: {} });

/** LSU's discipline key: the same subject may be followed under two election modes (`030201` S and F). */
export const subjectKey = (subjectCode: string, electionMode: string) => `${subjectCode}|${electionMode}`;

function strip<T extends { uai: string; year: number; pupilId: string }>(data: T): Omit<T, 'uai' | 'year' | 'pupilId'> {
  const { uai: _u, year: _y, pupilId: _p, ...rest } = data;
  return rest;
}

function withPeriod(state: PupilLivretState, period: Period, change: (record: PeriodRecord) => PeriodRecord): PupilLivretState {
  const current = state.periods[period] ?? { subjects: {} };
  return { ...state, periods: { ...state.periods, [period]: change(current) } };
}

function identify(state: PupilLivretState, data: { uai: string; year: number; pupilId: string }): PupilLivretState {
  return { ...state, uai: data.uai, year: data.year, pupilId: data.pupilId };
}

type RecordKey = Omit<LivretRecordWithdrawnData, 'uai' | 'year' | 'pupilId' | 'classCode'>;

/*
 * The payload's refinement guarantees the key fields of each record kind (`withdrawLivretRecordPayload`);
 * the non-null assertions below rely on it.
 */

/** What the livret holds under a `LivretRecordWithdrawn` key, undefined when nothing. */
export function withdrawnRecordOf(state: PupilLivretState, k: RecordKey): unknown {
  switch (k.record) {
    case 'period':
      return state.periods[k.period!];
    case 'periodSynthesis':
      return state.periods[k.period!]?.synthesis;
    case 'attendance':
      return state.periods[k.period!]?.attendance;
    case 'pupilProjects':
      return state.periods[k.period!]?.projects;
    case 'cycleBilan':
      return state.cycleBilans[String(k.cycle!)];
    case 'annualAssessment':
      return state.annual[subjectKey(k.subjectCode!, k.electionMode!)];
    case 'opinion':
      return state.opinions[k.kind!];
    case 'examOpinion':
      return state.examOpinion;
    case 'engagements':
      return state.engagements;
  }
}

const PERIOD_PARTS = { periodSynthesis: 'synthesis', attendance: 'attendance', pupilProjects: 'projects' } as const;

/** The state without that record. A period left with nothing goes too: LSU would report it as a bilan without subjects. */
function withoutRecord(state: PupilLivretState, k: RecordKey): PupilLivretState {
  switch (k.record) {
    case 'period':
    case 'periodSynthesis':
    case 'attendance':
    case 'pupilProjects': {
      const { [k.period!]: current, ...periods } = state.periods;
      if (!current || k.record === 'period') return { ...state, periods };
      const { [PERIOD_PARTS[k.record]]: _gone, ...rest } = current;
      const left = rest as PeriodRecord;
      const empty = Object.keys(left.subjects).length === 0 && !left.synthesis && !left.attendance && !left.projects;
      return { ...state, periods: empty ? periods : { ...periods, [k.period!]: left } };
    }
    case 'cycleBilan': {
      const { [String(k.cycle!)]: _gone, ...cycleBilans } = state.cycleBilans;
      return { ...state, cycleBilans };
    }
    case 'annualAssessment': {
      const { [subjectKey(k.subjectCode!, k.electionMode!)]: _gone, ...annual } = state.annual;
      return { ...state, annual };
    }
    case 'opinion': {
      const { [k.kind!]: _gone, ...opinions } = state.opinions;
      return { ...state, opinions };
    }
    case 'examOpinion': {
      const { examOpinion: _gone, ...rest } = state;
      return rest;
    }
    case 'engagements': {
      const { engagements: _gone, ...rest } = state;
      return rest;
    }
  }
}

/** Folds one livret event; other events leave the state as it is. */
export function evolvePupilLivret(state: PupilLivretState, event: DomainEvent): PupilLivretState {
  switch (event.type) {
    case 'LivretSubjectAssessed': {
      const d = event.data as LivretSubjectAssessedData;
      return withPeriod(identify(state, d), d.period, (r) => ({
        ...r,
        subjects: { ...r.subjects, [subjectKey(d.subjectCode, d.electionMode)]: strip(d) },
      }));
    }
    case 'LivretSubjectAssessmentWithdrawn': {
      const d = event.data as LivretSubjectAssessmentWithdrawnData;
      return withPeriod(identify(state, d), d.period, (r) => {
        const { [subjectKey(d.subjectCode, d.electionMode)]: _gone, ...subjects } = r.subjects;
        return { ...r, subjects };
      });
    }
    case 'LivretPeriodSynthesisRecorded': {
      const d = event.data as LivretPeriodSynthesisRecordedData;
      return withPeriod(identify(state, d), d.period, (r) => ({ ...r, synthesis: strip(d) }));
    }
    case 'LivretAttendanceRecorded': {
      const d = event.data as LivretAttendanceRecordedData;
      return withPeriod(identify(state, d), d.period, (r) => ({ ...r, attendance: strip(d) }));
    }
    case 'LivretPupilProjectsRecorded': {
      const d = event.data as LivretPupilProjectsRecordedData;
      return withPeriod(identify(state, d), d.period, (r) => ({ ...r, projects: strip(d) }));
    }
    case 'LivretCycleBilanRecorded': {
      const d = event.data as LivretCycleBilanRecordedData;
      return { ...identify(state, d), cycleBilans: { ...state.cycleBilans, [String(d.cycle)]: strip(d) } };
    }
    case 'LivretAnnualAssessmentRecorded': {
      const d = event.data as LivretAnnualAssessmentRecordedData;
      return { ...identify(state, d), annual: { ...state.annual, [subjectKey(d.subjectCode, d.electionMode)]: strip(d) } };
    }
    case 'LivretOpinionRecorded': {
      const d = event.data as LivretOpinionRecordedData;
      return { ...identify(state, d), opinions: { ...state.opinions, [d.kind]: strip(d) } };
    }
    case 'LivretExamOpinionRecorded': {
      const d = event.data as LivretExamOpinionRecordedData;
      return { ...identify(state, d), examOpinion: { classCode: d.classCode, opinion: d.opinion } };
    }
    case 'LivretEngagementsRecorded': {
      const d = event.data as LivretEngagementsRecordedData;
      return { ...identify(state, d), engagements: strip(d) };
    }
    case 'LivretRecordWithdrawn': {
      const d = event.data as LivretRecordWithdrawnData;
      return withoutRecord(identify(state, d), d);
    }
    default:
      return state;
  }
}

/** How to fold a `livret` stream: the plugin's `aggregates.livret`. */
export const pupilLivretAggregate: Evolver<PupilLivretState> = {
  initialState: initialPupilLivretState,
  evolve: evolvePupilLivret,
};
