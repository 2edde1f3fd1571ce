import {
  ClassClosed,
  ClassCoded,
  ClassContractSet,
  ClassCreated,
  ClassRenamed,
  ClassTypeSet,
  type EventData,
  FormationAssigned,
  FormationUnassigned,
} from '@liaison/events';
import { type DomainEvent } from '../decider';
import { type ClassState } from './class-state';

export function evolveClass(state: ClassState, event: DomainEvent): ClassState {
  switch (event.type) {
    case ClassCreated.type: {
      const d = event.data as EventData<typeof ClassCreated>;
      return { ...state, created: true, uai: d.uai, year: d.year, classCode: d.classCode, label: d.label };
    }
    case ClassRenamed.type:
      return { ...state, label: (event.data as EventData<typeof ClassRenamed>).label };
    case ClassClosed.type:
      return { ...state, closedOn: (event.data as EventData<typeof ClassClosed>).closedOn };
    case ClassCoded.type:
      return { ...state, rectoratCode: (event.data as EventData<typeof ClassCoded>).rectoratCode };
    case ClassContractSet.type:
      return { ...state, contractType: (event.data as EventData<typeof ClassContractSet>).contractType };
    case ClassTypeSet.type:
      return { ...state, classType: (event.data as EventData<typeof ClassTypeSet>).classType };
    case FormationAssigned.type: {
      const code = (event.data as EventData<typeof FormationAssigned>).formationCode;
      return state.formations.includes(code) ? state : { ...state, formations: [...state.formations, code] };
    }
    case FormationUnassigned.type: {
      const code = (event.data as EventData<typeof FormationUnassigned>).formationCode;
      return { ...state, formations: state.formations.filter((f) => f !== code) };
    }
    default:
      return state;
  }
}
