import {
  type CommandDefinition,
  type ContextStream,
  type Decider,
  defineCommand,
  evolveClass,
  evolvePupil,
  evolveYear,
  initialClassState,
  initialPupilState,
  initialYearState,
  streamIds,
} from '@liaison/domain';
import { referenceStreamId } from '@liaison/plugin-second-degree-siecle/events';
import { type z } from 'zod';
import { livretStreamId, livretYearStreamId } from '../events/streams';
import { yearLivretAggregate } from '../model/year-livret';
import {
  chooseLivretSchemasPayload,
  declareLivretHeadPayload,
  declareLivretProjectPayload,
  recordAnnualAssessmentPayload,
  recordAttendancePayload,
  recordClassStatisticsPayload,
  recordCycleBilanPayload,
  recordEngagementsPayload,
  recordExamOpinionPayload,
  recordPeriodSynthesisPayload,
  recordPupilOpinionPayload,
  recordPupilProjectsPayload,
  recordSubjectAssessmentPayload,
  withdrawLivretRecordPayload,
  withdrawSubjectAssessmentPayload,
} from './payloads';
import { type PupilLivretCommand, type PupilLivretContext, pupilLivretDecider } from './pupil-decider';
import { referenceViewAggregate } from './reference-view';
import { type YearLivretCommand, type YearLivretContext, yearLivretDecider } from './year-decider';

const pupilAggregate = { initialState: initialPupilState, evolve: evolvePupil };
const yearAggregate = { initialState: initialYearState, evolve: evolveYear };
const classAggregate = { initialState: initialClassState, evolve: evolveClass };

const referenceStream = (uai: string, year: number): ContextStream => ({
  streamId: referenceStreamId(uai, year),
  aggregate: referenceViewAggregate,
});

type PupilType = PupilLivretCommand['type'];
type PupilPayload<T extends PupilType> = Extract<PupilLivretCommand, { type: T }>['payload'];

/**
 * A command on a pupil's livret (`livret-<UAI>-<YYYY>-<pupilId>`). It reads the pupil's core
 * stream (enrolled in the division?), the SIECLE reference stream of the year (subject and
 * teachers known?) and the year's livret stream (projects declared?); the pipeline re-checks
 * their versions when the events are appended.
 */
function pupilCommand<T extends PupilType>(type: T, payload: z.ZodType<PupilPayload<T>>) {
  // The pipeline hands each decider only commands of the type it was registered for.
  const decider = pupilLivretDecider as unknown as Decider<
    { type: string; payload: PupilPayload<T> },
    unknown,
    PupilLivretContext
  >;
  return defineCommand<PupilPayload<T>, unknown, PupilLivretContext>({
    type,
    payload,
    decider,
    streamId: (p) => livretStreamId(p.uai, p.year, p.pupilId),
    context: (p) => ({
      pupil: { streamId: streamIds.pupil(p.uai, p.pupilId), aggregate: pupilAggregate },
      reference: referenceStream(p.uai, p.year),
      yearLivret: { streamId: livretYearStreamId(p.uai, p.year), aggregate: yearLivretAggregate },
    }),
  });
}

type YearType = YearLivretCommand['type'];
type YearPayload<T extends YearType> = Extract<YearLivretCommand, { type: T }>['payload'];

/** A command on the year's shared livret data (`livretannee-<UAI>-<YYYY>`); the year must be open. */
function yearCommand<T extends YearType>(type: T, payload: z.ZodType<YearPayload<T>>) {
  const decider = yearLivretDecider as unknown as Decider<{ type: string; payload: YearPayload<T> }, unknown, YearLivretContext>;
  return defineCommand<YearPayload<T>, unknown, YearLivretContext>({
    type,
    payload,
    decider,
    streamId: (p) => livretYearStreamId(p.uai, p.year),
    context: (p) => ({
      year: { streamId: streamIds.year(p.uai, p.year), aggregate: yearAggregate },
      reference: referenceStream(p.uai, p.year),
      ...('classCode' in p && typeof p.classCode === 'string'
        ? { class: { streamId: streamIds.class(p.uai, p.year, p.classCode), aggregate: classAggregate } }
        : {}),
    }),
  });
}

export const RecordSubjectAssessmentCommand = pupilCommand('RecordSubjectAssessment', recordSubjectAssessmentPayload);
export const WithdrawSubjectAssessmentCommand = pupilCommand('WithdrawSubjectAssessment', withdrawSubjectAssessmentPayload);
export const RecordPeriodSynthesisCommand = pupilCommand('RecordPeriodSynthesis', recordPeriodSynthesisPayload);
export const RecordAttendanceCommand = pupilCommand('RecordAttendance', recordAttendancePayload);
export const RecordPupilProjectsCommand = pupilCommand('RecordPupilProjects', recordPupilProjectsPayload);
export const RecordCycleBilanCommand = pupilCommand('RecordCycleBilan', recordCycleBilanPayload);
export const RecordAnnualAssessmentCommand = pupilCommand('RecordAnnualAssessment', recordAnnualAssessmentPayload);
export const RecordPupilOpinionCommand = pupilCommand('RecordPupilOpinion', recordPupilOpinionPayload);
export const RecordExamOpinionCommand = pupilCommand('RecordExamOpinion', recordExamOpinionPayload);
export const RecordEngagementsCommand = pupilCommand('RecordEngagements', recordEngagementsPayload);
export const WithdrawLivretRecordCommand = pupilCommand('WithdrawLivretRecord', withdrawLivretRecordPayload);

export const DeclareLivretProjectCommand = yearCommand('DeclareLivretProject', declareLivretProjectPayload);
export const RecordClassStatisticsCommand = yearCommand('RecordClassStatistics', recordClassStatisticsPayload);
export const DeclareLivretHeadCommand = yearCommand('DeclareLivretHead', declareLivretHeadPayload);
export const ChooseLivretSchemasCommand = yearCommand('ChooseLivretSchemas', chooseLivretSchemasPayload);

/** Every command of the plugin, for `LiaisonPlugin.commands`. */
export const livretCommands: CommandDefinition[] = [
  RecordSubjectAssessmentCommand,
  WithdrawSubjectAssessmentCommand,
  RecordPeriodSynthesisCommand,
  RecordAttendanceCommand,
  RecordPupilProjectsCommand,
  RecordCycleBilanCommand,
  RecordAnnualAssessmentCommand,
  RecordPupilOpinionCommand,
  RecordExamOpinionCommand,
  RecordEngagementsCommand,
  WithdrawLivretRecordCommand,
  DeclareLivretProjectCommand,
  RecordClassStatisticsCommand,
  DeclareLivretHeadCommand,
  ChooseLivretSchemasCommand,
];
