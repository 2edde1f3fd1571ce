import { ClassTypesDeclared, type EventData, FormationsDeclared, LanguagesDeclared, YearOpened } from '@liaison/events';
import { type Evolver } from '../commands/command';
import { type DomainEvent } from '../decider';
import { initialYearState, type NomenclatureEntry, type YearState } from './year-state';

const withEntries = (current: Record<string, NomenclatureEntry>, entries: readonly NomenclatureEntry[]) => {
  const next = { ...current };
  for (const entry of entries) next[entry.code] = entry;
  return next;
};

export function evolveYear(state: YearState, event: DomainEvent): YearState {
  switch (event.type) {
    case YearOpened.type: {
      const d = event.data as EventData<typeof YearOpened>;
      return { ...state, opened: true, uai: d.uai, year: d.year };
    }
    case FormationsDeclared.type:
      return {
        ...state,
        formations: withEntries(state.formations, (event.data as EventData<typeof FormationsDeclared>).entries),
      };
    case LanguagesDeclared.type:
      return { ...state, languages: withEntries(state.languages, (event.data as EventData<typeof LanguagesDeclared>).entries) };
    case ClassTypesDeclared.type:
      return {
        ...state,
        classTypes: withEntries(state.classTypes, (event.data as EventData<typeof ClassTypesDeclared>).entries),
      };
    default:
      return state;
  }
}

/** What another command needs to fold a year stream into its context (`context: { year: … }`). */
export const yearAggregate: Evolver<YearState> = { initialState: initialYearState, evolve: evolveYear };
