import { accept, type Command, type Decider, type Decision, initialPupilState, type PupilState, sameJson } from '@liaison/domain';
import { type NewEvent } from '@liaison/events';
import {
  LivretAnnualAssessmentRecorded,
  LivretAttendanceRecorded,
  LivretCycleBilanRecorded,
  LivretEngagementsRecorded,
  LivretExamOpinionRecorded,
  LivretOpinionRecorded,
  LivretPeriodSynthesisRecorded,
  LivretPupilProjectsRecorded,
  LivretRecordWithdrawn,
  LivretSubjectAssessed,
  LivretSubjectAssessmentWithdrawn,
} from '../events/pupil-events';
import {
  evolvePupilLivret,
  initialPupilLivretState,
  type PupilLivretState,
  subjectKey,
  withdrawnRecordOf,
} from '../model/pupil-livret';
import { initialYearLivretState, type YearLivretState } from '../model/year-livret';
import { ProjectUnknownError } from './errors';
import {
  type RecordAnnualAssessment,
  type RecordAttendance,
  type RecordCycleBilan,
  type RecordEngagements,
  type RecordExamOpinion,
  type RecordPeriodSynthesis,
  type RecordPupilOpinion,
  type RecordPupilProjects,
  type RecordSubjectAssessment,
  type WithdrawLivretRecord,
  type WithdrawSubjectAssessment,
} from './payloads';
import { initialReferenceView, type ReferenceView } from './reference-view';
import { assertPupilInDivision, assertSubjectKnown, assertTeachersKnown } from './rules';

export type PupilLivretCommand =
  | Command<'RecordSubjectAssessment', RecordSubjectAssessment>
  | Command<'WithdrawSubjectAssessment', WithdrawSubjectAssessment>
  | Command<'RecordPeriodSynthesis', RecordPeriodSynthesis>
  | Command<'RecordAttendance', RecordAttendance>
  | Command<'RecordPupilProjects', RecordPupilProjects>
  | Command<'RecordCycleBilan', RecordCycleBilan>
  | Command<'RecordAnnualAssessment', RecordAnnualAssessment>
  | Command<'RecordPupilOpinion', RecordPupilOpinion>
  | Command<'RecordExamOpinion', RecordExamOpinion>
  | Command<'RecordEngagements', RecordEngagements>
  | Command<'WithdrawLivretRecord', WithdrawLivretRecord>;

/** The streams a pupil's livret command reads (see `definitions.ts`). */
export interface PupilLivretContext {
  /** The core pupil stream: is the pupil of that division this year? */
  pupil?: PupilState;
  /** The SIECLE reference stream of the year, folded by `referenceViewAggregate`. */
  reference?: ReferenceView;
  /** The year's shared livret data: the declared projects. */
  yearLivret?: YearLivretState;
}

const unchanged = (current: unknown, next: unknown) => sameJson(current, next);

/** The event when it says something new, nothing when the livret already holds it. */
function record(current: unknown, next: unknown, event: NewEvent): Decision {
  return accept(unchanged(current, next) ? [] : [event]);
}

function decide(command: PupilLivretCommand, state: PupilLivretState, context: PupilLivretContext): Decision {
  const p = command.payload;
  assertPupilInDivision(context.pupil ?? initialPupilState(), p);
  const reference = context.reference ?? initialReferenceView();
  // What each record would hold: the payload without the stream's identity.
  const { uai: _u, year: _y, pupilId: _p, ...fields } = p;
  switch (command.type) {
    case 'RecordSubjectAssessment': {
      const c = command.payload;
      assertSubjectKnown(reference, c.year, c.subjectCode);
      assertTeachersKnown(reference, c.year, c.teacherIds);
      const current = state.periods[c.period]?.subjects[subjectKey(c.subjectCode, c.electionMode)];
      return record(current, fields, LivretSubjectAssessed.create(c));
    }
    case 'WithdrawSubjectAssessment': {
      const c = command.payload;
      const current = state.periods[c.period]?.subjects[subjectKey(c.subjectCode, c.electionMode)];
      return accept(current ? [LivretSubjectAssessmentWithdrawn.create(c)] : []);
    }
    case 'RecordPeriodSynthesis': {
      const c = command.payload;
      return record(state.periods[c.period]?.synthesis, fields, LivretPeriodSynthesisRecorded.create(c));
    }
    case 'RecordAttendance': {
      const c = command.payload;
      return record(state.periods[c.period]?.attendance, fields, LivretAttendanceRecorded.create(c));
    }
    case 'RecordPupilProjects': {
      const c = command.payload;
      const declared = (context.yearLivret ?? initialYearLivretState()).projects;
      const unknown = c.projects.map((x) => x.projectId).filter((id) => !Object.hasOwn(declared, id));
      if (unknown.length > 0) {
        throw new ProjectUnknownError(
          `projet(s) ${unknown.join(', ')} non déclaré(s) pour l’année : déclarez-les d’abord (DeclareLivretProject)`,
          { projectIds: unknown, year: c.year },
        );
      }
      return record(state.periods[c.period]?.projects, fields, LivretPupilProjectsRecorded.create(c));
    }
    case 'RecordCycleBilan': {
      const c = command.payload;
      return record(state.cycleBilans[String(c.cycle)], fields, LivretCycleBilanRecorded.create(c));
    }
    case 'RecordAnnualAssessment': {
      const c = command.payload;
      assertSubjectKnown(reference, c.year, c.subjectCode);
      assertTeachersKnown(reference, c.year, c.teacherIds);
      return record(state.annual[subjectKey(c.subjectCode, c.electionMode)], fields, LivretAnnualAssessmentRecorded.create(c));
    }
    case 'RecordPupilOpinion': {
      const c = command.payload;
      return record(state.opinions[c.kind], fields, LivretOpinionRecorded.create(c));
    }
    case 'RecordExamOpinion': {
      const c = command.payload;
      return record(state.examOpinion, fields, LivretExamOpinionRecorded.create(c));
    }
    case 'RecordEngagements': {
      const c = command.payload;
      return record(state.engagements, fields, LivretEngagementsRecorded.create(c));
    }
    case 'WithdrawLivretRecord': {
      const c = command.payload;
      // Withdrawing what the livret does not hold says nothing new, like restating a value.
      return accept(withdrawnRecordOf(state, c) !== undefined ? [LivretRecordWithdrawn.create(c)] : []);
    }
  }
}

/** The decider of `livret-<UAI>-<YYYY>-<pupilId>`. */
export const pupilLivretDecider: Decider<PupilLivretCommand, PupilLivretState, PupilLivretContext> = {
  initialState: initialPupilLivretState,
  evolve: evolvePupilLivret,
  decide,
};
