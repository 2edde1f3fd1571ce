import {
  type EventData,
  GuardianAdded,
  GuardianLinkCorrected,
  GuardianRemoved,
  NationalIdAssigned,
  NextYearPlanned,
  PupilClassChanged,
  PupilDispositifsSet,
  PupilEnrolled,
  PupilExited,
  PupilFormationSet,
  PupilIdentityCorrected,
  PupilLanguagesSet,
  PupilPreEnrolled,
  PupilRegistered,
  PupilSchoolingSet,
  PupilSiecleIdSet,
} from '@liaison/events';
import { type DomainEvent } from '../decider';
import { type GuardianRelation, type NextYearPlan, type PupilIdentity, type PupilState, type PupilYear } from './pupil-state';

const emptyYear = (): PupilYear => ({ status: 'preinscrit', dispositifs: [], schooling: {} });

/** Drops `undefined` members so that states compare and serialise the same after any history. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function withYear(state: PupilState, year: number, update: (current: PupilYear) => PupilYear): PupilState {
  return { ...state, years: { ...state.years, [year]: defined(update(state.years[year] ?? emptyYear())) } };
}

function correctedIdentity(identity: PupilIdentity, changes: EventData<typeof PupilIdentityCorrected>['changes']): PupilIdentity {
  const next: Record<string, unknown> = { ...identity };
  for (const [field, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    if (value === null) delete next[field];
    else next[field] = value;
  }
  return next as unknown as PupilIdentity;
}

export function evolvePupil(state: PupilState, event: DomainEvent): PupilState {
  switch (event.type) {
    case PupilRegistered.type: {
      const { uai, pupilId, ...identity } = event.data as EventData<typeof PupilRegistered>;
      return { ...state, registered: true, uai, pupilId, identity: defined(identity) };
    }
    case PupilIdentityCorrected.type: {
      if (!state.identity) return state;
      const { changes } = event.data as EventData<typeof PupilIdentityCorrected>;
      return { ...state, identity: correctedIdentity(state.identity, changes) };
    }
    case NationalIdAssigned.type:
      return { ...state, ine: (event.data as EventData<typeof NationalIdAssigned>).ine };
    case PupilSiecleIdSet.type:
      return { ...state, siecleId: (event.data as EventData<typeof PupilSiecleIdSet>).eleveId };

    case GuardianAdded.type: {
      const { guardianId, link, legalLevel, parentalAuthority, livesWith } = event.data as EventData<typeof GuardianAdded>;
      const relation: GuardianRelation = defined({ link, legalLevel, parentalAuthority, livesWith });
      return { ...state, guardians: { ...state.guardians, [guardianId]: relation } };
    }
    case GuardianLinkCorrected.type: {
      const { guardianId, changes } = event.data as EventData<typeof GuardianLinkCorrected>;
      const current = state.guardians[guardianId];
      if (!current) return state;
      return { ...state, guardians: { ...state.guardians, [guardianId]: defined({ ...current, ...defined(changes) }) } };
    }
    case GuardianRemoved.type: {
      const { guardianId } = event.data as EventData<typeof GuardianRemoved>;
      const guardians = { ...state.guardians };
      delete guardians[guardianId];
      return { ...state, guardians };
    }

    case PupilPreEnrolled.type: {
      const d = event.data as EventData<typeof PupilPreEnrolled>;
      return withYear(state, d.year, (y) => ({
        ...y,
        status: 'preinscrit',
        classCode: d.classCode,
        formationCode: d.formationCode,
      }));
    }
    case PupilEnrolled.type: {
      const d = event.data as EventData<typeof PupilEnrolled>;
      return withYear(state, d.year, (y) => ({
        ...y,
        status: 'inscrit',
        classCode: d.classCode,
        entryDate: d.entryDate,
        formationCode: d.formationCode,
      }));
    }
    case PupilClassChanged.type: {
      const d = event.data as EventData<typeof PupilClassChanged>;
      return withYear(state, d.year, (y) => {
        const left = y.classCode;
        const former = (y.formerClassCodes ?? []).filter((c) => c !== left && c !== d.classCode);
        return { ...y, classCode: d.classCode, ...(left ? { formerClassCodes: [...former, left] } : {}) };
      });
    }
    case PupilFormationSet.type: {
      const d = event.data as EventData<typeof PupilFormationSet>;
      return withYear(state, d.year, (y) => ({ ...y, formationCode: d.formationCode }));
    }
    case PupilLanguagesSet.type: {
      const d = event.data as EventData<typeof PupilLanguagesSet>;
      return withYear(state, d.year, (y) => ({ ...y, lv1: d.lv1, lv2: d.lv2 }));
    }
    case PupilDispositifsSet.type: {
      const d = event.data as EventData<typeof PupilDispositifsSet>;
      return withYear(state, d.year, (y) => ({ ...y, dispositifs: [...d.dispositifs] }));
    }
    case PupilSchoolingSet.type: {
      const { uai: _uai, pupilId: _pupilId, year, ...schooling } = event.data as EventData<typeof PupilSchoolingSet>;
      return withYear(state, year, (y) => ({ ...y, schooling: defined({ ...y.schooling, ...defined(schooling) }) }));
    }
    case PupilExited.type: {
      const d = event.data as EventData<typeof PupilExited>;
      return withYear(state, d.year, (y) => ({ ...y, status: 'sorti', exitDate: d.exitDate, exitMotive: d.motive }));
    }
    case NextYearPlanned.type: {
      const { uai: _uai, pupilId: _pupilId, year, ...plan } = event.data as EventData<typeof NextYearPlanned>;
      return withYear(state, year, (y) => ({ ...y, plan: defined(plan) as NextYearPlan }));
    }
    default:
      return state;
  }
}
