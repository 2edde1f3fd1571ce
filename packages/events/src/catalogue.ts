import { type EventDefinition } from './event-definition';
import { type Upcaster } from './upcaster';
import { type NewEvent, type RecordedEvent } from './envelope';

export class UnknownEventTypeError extends Error {
  constructor(readonly eventType: string) {
    super(`Unknown event type "${eventType}"`);
  }
}

export class InvalidEventDataError extends Error {
  constructor(
    readonly eventType: string,
    readonly version: number,
    readonly issues: string,
  ) {
    super(`Invalid data for event ${eventType} v${version}: ${issues}`);
  }
}

interface TypeEntry {
  versions: Map<number, EventDefinition>;
  latest: number;
  upcasters: Map<number, Upcaster>;
}

/**
 * The registry of every event type the log may hold: core events, then plugin events at boot,
 * then frozen. Reading goes through `upcast`, so consumers only ever see the latest shape.
 */
export class EventCatalogue {
  private readonly types = new Map<string, TypeEntry>();
  private frozen = false;

  register(...definitions: EventDefinition[]): this {
    this.assertOpen();
    for (const def of definitions) {
      let entry = this.types.get(def.type);
      if (!entry) {
        entry = { versions: new Map(), latest: 0, upcasters: new Map() };
        this.types.set(def.type, entry);
      }
      if (entry.versions.has(def.version)) {
        throw new Error(`Event ${def.type} v${def.version} is registered twice`);
      }
      entry.versions.set(def.version, def);
      entry.latest = Math.max(entry.latest, def.version);
    }
    return this;
  }

  registerUpcasters(...upcasters: Upcaster[]): this {
    this.assertOpen();
    for (const up of upcasters) {
      const entry = this.types.get(up.type);
      if (!entry) throw new UnknownEventTypeError(up.type);
      if (entry.upcasters.has(up.from)) {
        throw new Error(`Upcaster ${up.type} v${up.from} is registered twice`);
      }
      entry.upcasters.set(up.from, up);
    }
    return this;
  }

  /** Checks that every older version can reach the latest one, then forbids changes. */
  freeze(): this {
    for (const [type, entry] of this.types) {
      for (let v = 1; v < entry.latest; v++) {
        if (entry.versions.has(v) && !entry.upcasters.has(v)) {
          throw new Error(`Event ${type}: no upcaster from v${v} to v${v + 1}`);
        }
      }
    }
    this.frozen = true;
    return this;
  }

  get isFrozen(): boolean {
    return this.frozen;
  }

  has(type: string): boolean {
    return this.types.has(type);
  }

  eventTypes(): string[] {
    return [...this.types.keys()].sort();
  }

  latestVersion(type: string): number {
    return this.entry(type).latest;
  }

  definition(type: string, version?: number): EventDefinition {
    const entry = this.entry(type);
    const def = entry.versions.get(version ?? entry.latest);
    if (!def) throw new Error(`Event ${type} has no schema v${version}`);
    return def;
  }

  upcasters(): Upcaster[] {
    return [...this.types.values()].flatMap((e) => [...e.upcasters.values()]);
  }

  /** Validates a new event against the latest schema and returns its stored form. */
  prepare(event: NewEvent): { type: string; schemaVersion: number; data: unknown } {
    const def = this.definition(event.type);
    const parsed = def.schema.safeParse(event.data);
    if (!parsed.success) {
      throw new InvalidEventDataError(event.type, def.version, parsed.error.message);
    }
    return { type: event.type, schemaVersion: def.version, data: parsed.data };
  }

  /** Brings stored data up to the latest schema version through the chain of upcasters. */
  upcastData(type: string, schemaVersion: number, data: unknown): { schemaVersion: number; data: unknown } {
    const entry = this.entry(type);
    let version = schemaVersion;
    let current = data;
    while (version < entry.latest) {
      const up = entry.upcasters.get(version);
      if (!up) throw new Error(`Event ${type}: no upcaster from v${version}`);
      current = up.upcast(current);
      version++;
    }
    return { schemaVersion: version, data: current };
  }

  upcast<E extends RecordedEvent>(event: E): E {
    if (event.schemaVersion === this.entry(event.type).latest) return event;
    const { schemaVersion, data } = this.upcastData(event.type, event.schemaVersion, event.data);
    return { ...event, schemaVersion, data };
  }

  private entry(type: string): TypeEntry {
    const entry = this.types.get(type);
    if (!entry) throw new UnknownEventTypeError(type);
    return entry;
  }

  private assertOpen(): void {
    if (this.frozen) throw new Error('The event catalogue is frozen');
  }
}
