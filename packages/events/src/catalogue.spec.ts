import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { EventCatalogue, InvalidEventDataError, UnknownEventTypeError } from './catalogue';
import { type RecordedEvent } from './envelope';
import { defineEvent } from './event-definition';
import { defineUpcaster } from './upcaster';

// A test event whose schema changed once: v1 held the whole name, v2 splits it.
const PupilNamedV1 = defineEvent('PupilNamed', z.strictObject({ name: z.string().min(1) }), 1);
const PupilNamedV2 = defineEvent('PupilNamed', z.strictObject({ lastName: z.string().min(1), firstName: z.string() }), 2);
/** "DUPONT Marie Claire" → last name before the first space, first name(s) after it. */
const PupilNamedV1ToV2 = defineUpcaster('PupilNamed', 1, (data) => {
  const { name } = data as { name: string };
  const space = name.indexOf(' ');
  return space < 0 ? { lastName: name, firstName: '' } : { lastName: name.slice(0, space), firstName: name.slice(space + 1) };
});

const FIXTURES = join(__dirname, '__fixtures__', 'upcasters-mechanism');
const readFixture = (file: string): RecordedEvent => JSON.parse(readFileSync(join(FIXTURES, file), 'utf8'));

const pupilCatalogue = () =>
  new EventCatalogue().register(PupilNamedV1, PupilNamedV2).registerUpcasters(PupilNamedV1ToV2).freeze();

describe('EventCatalogue registration', () => {
  it('refuses the same type and version twice', () => {
    const catalogue = new EventCatalogue().register(PupilNamedV1);
    expect(() => catalogue.register(PupilNamedV1)).toThrow('Event PupilNamed v1 is registered twice');
    expect(() => new EventCatalogue().register(PupilNamedV2, PupilNamedV2)).toThrow(/registered twice/);
  });

  it('accepts several versions of a type and reports the latest, whatever the order', () => {
    const catalogue = new EventCatalogue().register(PupilNamedV2, PupilNamedV1);
    expect(catalogue.latestVersion('PupilNamed')).toBe(2);
    expect(catalogue.definition('PupilNamed')).toBe(PupilNamedV2);
    expect(catalogue.definition('PupilNamed', 1)).toBe(PupilNamedV1);
    expect(() => catalogue.definition('PupilNamed', 3)).toThrow(/no schema v3/);
    expect(catalogue.eventTypes()).toEqual(['PupilNamed']);
  });

  it('refuses an upcaster for an unknown type, and the same upcaster twice', () => {
    const catalogue = new EventCatalogue().register(PupilNamedV1, PupilNamedV2);
    expect(() => catalogue.registerUpcasters(defineUpcaster('Nope', 1, (d) => d))).toThrow(UnknownEventTypeError);
    catalogue.registerUpcasters(PupilNamedV1ToV2);
    expect(() => catalogue.registerUpcasters(PupilNamedV1ToV2)).toThrow('Upcaster PupilNamed v1 is registered twice');
  });

  it('refuses to freeze when an older version has no upcaster to the next one', () => {
    const catalogue = new EventCatalogue().register(PupilNamedV1, PupilNamedV2);
    expect(() => catalogue.freeze()).toThrow('Event PupilNamed: no upcaster from v1 to v2');
    expect(catalogue.isFrozen).toBe(false);
    catalogue.registerUpcasters(PupilNamedV1ToV2);
    expect(catalogue.freeze().isFrozen).toBe(true);
  });

  it('refuses any registration once frozen', () => {
    const catalogue = new EventCatalogue().register(PupilNamedV1).freeze();
    const other = defineEvent('PupilMoved', z.object({ to: z.string() }));
    expect(() => catalogue.register(other)).toThrow('The event catalogue is frozen');
    expect(() => catalogue.registerUpcasters(PupilNamedV1ToV2)).toThrow('The event catalogue is frozen');
    expect(catalogue.has('PupilMoved')).toBe(false);
  });
});

describe('EventCatalogue.prepare', () => {
  it('validates a new event against the latest schema and stores it at that version', () => {
    const catalogue = pupilCatalogue();
    expect(catalogue.prepare(PupilNamedV2.create({ lastName: 'MARTIN', firstName: 'Léa' }))).toEqual({
      type: 'PupilNamed',
      schemaVersion: 2,
      data: { lastName: 'MARTIN', firstName: 'Léa' },
    });
  });

  it('refuses data in an older shape, even one that was valid in its day', () => {
    const catalogue = pupilCatalogue();
    const attempt = () => catalogue.prepare({ type: 'PupilNamed', data: { name: 'MARTIN Léa' } });
    expect(attempt).toThrow(InvalidEventDataError);
    expect(attempt).toThrow(/Invalid data for event PupilNamed v2/);
  });

  it('returns the parsed data, not the raw input', () => {
    const Trimmed = defineEvent('NoteWritten', z.object({ text: z.string().trim() }));
    const catalogue = new EventCatalogue().register(Trimmed).freeze();
    const prepared = catalogue.prepare({ type: 'NoteWritten', data: { text: '  bonjour  ', extra: 1 } });
    expect(prepared.data).toEqual({ text: 'bonjour' });
  });

  it('refuses an unknown event type', () => {
    const catalogue = pupilCatalogue();
    expect(() => catalogue.prepare({ type: 'PupilVanished', data: {} })).toThrow(UnknownEventTypeError);
  });
});

describe('upcasting', () => {
  it('turns the stored v1 fixture into the current shape', () => {
    const catalogue = pupilCatalogue();
    const stored = readFixture('PupilNamed.v1.json');
    const expected = readFixture('PupilNamed.v1.expected.json');
    expect(stored.schemaVersion).toBe(1);
    // The fixture really is a valid v1 event, and not already a v2 one.
    expect(PupilNamedV1.schema.safeParse(stored.data).success).toBe(true);
    expect(PupilNamedV2.schema.safeParse(stored.data).success).toBe(false);

    const upcast = catalogue.upcast(stored);

    expect(upcast).toEqual(expected);
    expect(upcast.schemaVersion).toBe(catalogue.latestVersion('PupilNamed'));
    expect(catalogue.definition('PupilNamed').schema.parse(upcast.data)).toEqual(expected.data);
    // The stored event is not modified in place.
    expect(stored.data).toEqual({ name: 'DUPONT Marie Claire' });
  });

  it('leaves an event already at the latest version untouched', () => {
    const catalogue = pupilCatalogue();
    const current = readFixture('PupilNamed.v1.expected.json');
    expect(catalogue.upcast(current)).toBe(current);
  });

  it('chains upcasters across several versions', () => {
    const V3 = defineEvent(
      'PupilNamed',
      z.strictObject({ lastName: z.string(), firstName: z.string(), usualName: z.string().nullable() }),
      3,
    );
    const catalogue = new EventCatalogue()
      .register(PupilNamedV1, PupilNamedV2, V3)
      .registerUpcasters(
        PupilNamedV1ToV2,
        defineUpcaster('PupilNamed', 2, (d) => ({ ...(d as object), usualName: null })),
      )
      .freeze();
    expect(catalogue.upcastData('PupilNamed', 1, { name: 'NGUYEN Anh' })).toEqual({
      schemaVersion: 3,
      data: { lastName: 'NGUYEN', firstName: 'Anh', usualName: null },
    });
  });

  it('refuses to upcast an unknown type', () => {
    const catalogue = pupilCatalogue();
    expect(() => catalogue.upcastData('PupilVanished', 1, {})).toThrow(UnknownEventTypeError);
  });
});
