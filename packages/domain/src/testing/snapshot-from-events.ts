import { type ClassState } from '../class/class-state';
import { type Evolver } from '../commands/command';
import { coreAggregates } from '../core-aggregates';
import { fold } from '../decider';
import { type EstablishmentState } from '../establishment/establishment-state';
import { type GuardianState } from '../guardian/guardian-state';
import { type SchoolSnapshot } from '../plugin/school-snapshot';
import { type PupilState } from '../pupil/pupil-state';
import { streamIds, streamTypeOf } from '../streams';
import { type YearState } from '../year/year-state';
import { type StreamHistory } from './given-when-then';

/** What a test snapshot says it reflects; the events given are taken as the whole history up to it. */
export interface SnapshotAsOf {
  /** Default: the number of events given, as if they were the whole log. */
  position?: number;
  /** Default: a fixed instant, so that anything built from the snapshot is reproducible. */
  time?: string;
  /** Evolvers of plugin stream kinds (`LiaisonPlugin.aggregates`): their streams fill `pluginStates`. */
  pluginAggregates?: Record<string, Evolver<unknown>>;
}

/** The `asOfTime` of a test snapshot when none is given: fixed, never the clock. */
export const DEFAULT_SNAPSHOT_TIME = '2026-11-28T09:00:00.000Z';

const aggregates = new Map<string, Evolver<unknown>>(coreAggregates);

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The SchoolSnapshot the server would build for `uai` and `year` from these streams (as
 * `stream(...)` of given-when-then states them): each core stream folded with the core
 * aggregates' own `evolve`, classes of the year by code, pupils by id. For plugin specs that
 * run controls, importers and exporters without a server. Streams named twice are
 * concatenated in order; other establishments' streams and plugin streams are ignored.
 */
export function snapshotFromEvents(
  uai: string,
  year: number,
  history: readonly StreamHistory[],
  asOf: SnapshotAsOf = {},
): SchoolSnapshot {
  const streams = new Map<string, StreamHistory['events']>();
  for (const s of history) streams.set(s.streamId, [...(streams.get(s.streamId) ?? []), ...s.events]);
  const folded = (streamId: string): unknown => {
    const aggregate = aggregates.get(streamTypeOf(streamId));
    if (!aggregate) return undefined;
    return fold(aggregate, streams.get(streamId) ?? []);
  };
  const of = (kind: string, prefix: string) =>
    [...streams.keys()].filter((id) => streamTypeOf(id) === kind && id.startsWith(prefix)).sort(byText);

  const classes = of('class', `class-${uai}-${year}-`)
    .map((id) => folded(id) as ClassState)
    .filter((c) => c.created && c.uai === uai && c.year === year)
    .sort((a, b) => byText(a.classCode ?? '', b.classCode ?? ''));
  const pupils = of('pupil', `pupil-${uai}-`)
    .map((id) => folded(id) as PupilState)
    .filter((p) => p.registered && p.uai === uai)
    .sort((a, b) => byText(a.pupilId ?? '', b.pupilId ?? ''));
  const guardians: Record<string, GuardianState> = {};
  for (const id of of('guardian', `guardian-${uai}-`)) {
    const state = folded(id) as GuardianState;
    if (state.registered && state.uai === uai && state.guardianId !== undefined) guardians[state.guardianId] = state;
  }
  const pluginStates: Record<string, unknown> = {};
  for (const [kind, evolver] of Object.entries(asOf.pluginAggregates ?? {})) {
    for (const id of of(kind, `${kind}-${uai}`)) pluginStates[id] = fold(evolver, streams.get(id) ?? []);
  }
  const eventCount = [...streams.values()].reduce((n, events) => n + events.length, 0);
  return {
    uai,
    year,
    asOf: asOf.position ?? eventCount,
    asOfTime: asOf.time ?? DEFAULT_SNAPSHOT_TIME,
    establishment: folded(streamIds.establishment(uai)) as EstablishmentState,
    schoolYear: folded(streamIds.year(uai, year)) as YearState,
    classes,
    pupils,
    guardians,
    pluginStates,
  };
}

/** A snapshot of an establishment nobody registered: what a control must survive. */
export function emptySnapshot(uai: string, year: number): SchoolSnapshot {
  return snapshotFromEvents(uai, year, []);
}
