import { type DomainEvent, type Evolver } from '@liaison/domain';
import {
  type LivretClassStatisticsRecordedData,
  type LivretHeadDeclaredData,
  type LivretProjectDeclaredData,
  type LivretSchemasChosenData,
  type LsuSchemaId,
  type LslSchemaId,
} from '../events/year-events';

export type Project = Omit<LivretProjectDeclaredData, 'uai' | 'year'>;
export type ClassStatistics = Omit<LivretClassStatisticsRecordedData, 'uai' | 'year'>;
export type Head = Omit<LivretHeadDeclaredData, 'uai' | 'year'>;

/** The folded state of `livretannee-<UAI>-<YYYY>`. JSON-safe. */
export interface YearLivretState {
  uai?: string;
  year?: number;
  /** By project id. */
  projects: Record<string, Project>;
  /** By `statisticsKey`. */
  statistics: Record<string, ClassStatistics>;
  head?: Head;
  schemas: { lsu?: LsuSchemaId; lsl?: LslSchemaId };
}

export const initialYearLivretState = (): YearLivretState => ({ projects: {}, statistics: {}, schemas: {} });

export const statisticsKey = (classCode: string, subjectCode: string, electionMode: string) =>
  `${classCode}|${subjectCode}|${electionMode}`;

export function evolveYearLivret(state: YearLivretState, event: DomainEvent): YearLivretState {
  switch (event.type) {
    case 'LivretProjectDeclared': {
      const { uai, year, ...project } = event.data as LivretProjectDeclaredData;
      return { ...state, uai, year, projects: { ...state.projects, [project.projectId]: project } };
    }
    case 'LivretClassStatisticsRecorded': {
      const { uai, year, ...stats } = event.data as LivretClassStatisticsRecordedData;
      const key = statisticsKey(stats.classCode, stats.subjectCode, stats.electionMode);
      return { ...state, uai, year, statistics: { ...state.statistics, [key]: stats } };
    }
    case 'LivretHeadDeclared': {
      const { uai, year, ...head } = event.data as LivretHeadDeclaredData;
      return { ...state, uai, year, head };
    }
    case 'LivretSchemasChosen': {
      const { uai, year, lsu, lsl } = event.data as LivretSchemasChosenData;
      return {
        ...state,
        uai,
        year,
        schemas: { ...state.schemas, ...(lsu ? { lsu } : {}), ...(lsl ? { lsl } : {}) },
      };
    }
    default:
      return state;
  }
}

/** How to fold a `livretannee` stream: the plugin's `aggregates.livretannee`. */
export const yearLivretAggregate: Evolver<YearLivretState> = {
  initialState: initialYearLivretState,
  evolve: evolveYearLivret,
};
