import { type FieldChange, pupilsOfYear, type SchoolSnapshot, streamIds } from '@liaison/domain';
import { type EventWithChanges } from '../history/history-service';

/** One change as the direction reviews it: who, when, from where, and the values. */
export interface ChangeEntry {
  position: number;
  recordedAt: string;
  occurredAt: string;
  actor: string;
  source: string;
  type: string;
  streamId: string;
  changes: FieldChange[];
  /** For a change of a guardian person: the guardian, listed under each of its children. */
  guardianId?: string;
}

export interface PupilChanges {
  pupilId: string;
  name: string;
  classCode?: string;
  changes: ChangeEntry[];
}

export interface ClassChanges {
  classCode: string;
  label?: string;
  /** Changes of the class itself (code rectorat, formations…). */
  changes: ChangeEntry[];
  /** The pupils of the class with changes of their own. */
  pupils: string[];
}

export interface ChangesBySubject {
  pupils: PupilChanges[];
  classes: ClassChanges[];
  /** The establishment and the year (nomenclatures, exchange mode). */
  establishment: ChangeEntry[];
}

const entryOf = (e: EventWithChanges): ChangeEntry => ({
  position: e.globalPosition,
  recordedAt: e.recordedAt,
  occurredAt: e.metadata.occurredAt,
  actor: e.metadata.actor,
  source: e.metadata.source,
  type: e.type,
  streamId: e.streamId,
  changes: e.changes,
});

const byText = (a: string, b: string) => a.localeCompare(b, 'fr');

/**
 * Groups an export's changes by pupil and by class, as the issue asks: a pupil's own events, the
 * events of other streams that name the pupil (a plugin's livret), and those of its guardians (a
 * guardian shared by siblings appears under each); a class's events,
 * with the pupils of the class who changed. Names and classes are read from `snapshot` (the
 * state at the end of the range).
 */
export function changesBySubject(events: readonly EventWithChanges[], snapshot: SchoolSnapshot): ChangesBySubject {
  const { uai, year } = snapshot;
  const pupils = pupilsOfYear(snapshot);
  const pupilPrefix = streamIds.pupil(uai, '');
  const guardianPrefix = streamIds.guardian(uai, '');
  const classPrefix = streamIds.class(uai, year, '');
  const byPupil = new Map<string, ChangeEntry[]>();
  const byClass = new Map<string, ChangeEntry[]>();
  const establishment: ChangeEntry[] = [];
  const childrenOf = (guardianId: string) => pupils.filter((p) => Object.hasOwn(p.guardians, guardianId)).map((p) => p.pupilId!);
  const ofYear = new Set(pupils.map((p) => p.pupilId!));
  // A plugin's own streams (a pupil's livret…) name the pupil in their events: filed under them.
  const pupilNamed = (e: EventWithChanges): string | undefined => {
    const pupilId = (e.data as { pupilId?: unknown } | null)?.pupilId;
    return typeof pupilId === 'string' && ofYear.has(pupilId) ? pupilId : undefined;
  };
  const add = (map: Map<string, ChangeEntry[]>, key: string, entry: ChangeEntry) =>
    map.set(key, [...(map.get(key) ?? []), entry]);
  for (const e of events) {
    if (e.streamId.startsWith(pupilPrefix)) add(byPupil, e.streamId.slice(pupilPrefix.length), entryOf(e));
    else if (e.streamId.startsWith(guardianPrefix)) {
      const guardianId = e.streamId.slice(guardianPrefix.length);
      for (const pupilId of childrenOf(guardianId)) add(byPupil, pupilId, { ...entryOf(e), guardianId });
    } else if (e.streamId.startsWith(classPrefix)) add(byClass, e.streamId.slice(classPrefix.length), entryOf(e));
    else if (pupilNamed(e)) add(byPupil, pupilNamed(e)!, entryOf(e));
    else establishment.push(entryOf(e));
  }
  const pupilChanges: PupilChanges[] = [...byPupil].map(([pupilId, changes]) => {
    const p = snapshot.pupils.find((x) => x.pupilId === pupilId);
    const classCode = p?.years[year]?.classCode;
    const name = p?.identity ? `${p.identity.lastName.toLocaleUpperCase('fr-FR')} ${p.identity.firstName}` : pupilId;
    return { pupilId, name, ...(classCode === undefined ? {} : { classCode }), changes };
  });
  pupilChanges.sort((a, b) => byText(a.name, b.name) || byText(a.pupilId, b.pupilId));
  const classCodes = new Set([...byClass.keys(), ...pupilChanges.flatMap((p) => (p.classCode ? [p.classCode] : []))]);
  const classes: ClassChanges[] = [...classCodes].sort(byText).map((classCode) => {
    const label = snapshot.classes.find((c) => c.classCode === classCode)?.label;
    return {
      classCode,
      ...(label === undefined ? {} : { label }),
      changes: byClass.get(classCode) ?? [],
      pupils: pupilChanges.filter((p) => p.classCode === classCode).map((p) => p.pupilId),
    };
  });
  return { pupils: pupilChanges, classes, establishment };
}
