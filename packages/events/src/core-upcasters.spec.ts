import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import { EventCatalogue } from './catalogue';
import { createCoreCatalogue } from './core-catalogue';
import { coreEventDefinitions, coreUpcasters } from './core';
import { type RecordedEvent } from './envelope';
import { defineEvent } from './event-definition';
import { defineUpcaster, type Upcaster } from './upcaster';

/**
 * Every core upcaster must be proven on a stored event: `__fixtures__/upcasters/<Type>.v<from>.json`
 * holds a RecordedEvent as the log stored it at version `from`, and `<Type>.v<from>.expected.json`
 * what reading it must give today. The folder holds core fixtures only.
 */
const CORE_FIXTURES = join(__dirname, '__fixtures__', 'upcasters');
const MECHANISM_FIXTURES = join(__dirname, '__fixtures__', 'upcasters-mechanism');

const FIXTURE_NAME = /^([A-Z][A-Za-z0-9]+)\.v(\d+)(\.expected)?\.json$/;

interface FixtureReport {
  /** `<Type>.v<from>` of every fixture pair that was upcast and checked. */
  exercised: string[];
  problems: string[];
}

/** Checks the fixtures of `dir` against `upcasters`, both ways; returns what is wrong. */
function checkUpcasterFixtures(
  catalogue: EventCatalogue,
  upcasters: readonly Upcaster[],
  dir: string,
  ownTypes: readonly string[],
): FixtureReport {
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => !f.startsWith('.')) : [];
  const read = (file: string): RecordedEvent => JSON.parse(readFileSync(join(dir, file), 'utf8'));
  const problems: string[] = [];
  const exercised: string[] = [];

  for (const up of upcasters) {
    const key = `${up.type}.v${up.from}`;
    if (!files.includes(`${key}.json`) || !files.includes(`${key}.expected.json`)) {
      problems.push(`${key}: upcaster without its fixture pair ${key}.json / ${key}.expected.json`);
      continue;
    }
    const stored = read(`${key}.json`);
    const expected = read(`${key}.expected.json`);
    if (stored.type !== up.type || stored.schemaVersion !== up.from) {
      problems.push(`${key}: the fixture is a ${stored.type} v${stored.schemaVersion}`);
      continue;
    }
    let upcast: RecordedEvent;
    try {
      upcast = catalogue.upcast(stored);
    } catch (error) {
      problems.push(`${key}: upcast failed: ${(error as Error).message}`);
      continue;
    }
    if (!isDeepStrictEqual(upcast, expected)) {
      problems.push(`${key}: upcast ${JSON.stringify(upcast)} differs from expected ${JSON.stringify(expected)}`);
    }
    if (upcast.schemaVersion !== catalogue.latestVersion(up.type)) {
      problems.push(`${key}: upcast stops at v${upcast.schemaVersion}`);
    }
    const parsed = catalogue.definition(up.type).schema.safeParse(upcast.data);
    if (!parsed.success) problems.push(`${key}: upcast data fails the latest schema: ${parsed.error.message}`);
    exercised.push(key);
  }

  for (const file of files) {
    const match = FIXTURE_NAME.exec(file);
    if (!match) {
      problems.push(`${file}: not named <Type>.v<from>.json or <Type>.v<from>.expected.json`);
      continue;
    }
    const [, type, from, isExpected] = match;
    const key = `${type}.v${from}`;
    if (isExpected) {
      if (!files.includes(`${key}.json`)) problems.push(`${file}: expected result without its stored fixture`);
      continue;
    }
    if (!ownTypes.includes(type!)) {
      problems.push(`${file}: ${type} is not one of this catalogue's event types`);
    } else if (!upcasters.some((up) => up.type === type && up.from === Number(from))) {
      problems.push(`${file}: no upcaster from ${type} v${from} exercises this fixture`);
    }
  }
  return { exercised, problems };
}

describe('core upcasters', () => {
  const catalogue = createCoreCatalogue().freeze();
  const coreTypes = catalogue.eventTypes();

  it('registers exactly the listed core upcasters', () => {
    expect(new Set(catalogue.upcasters())).toEqual(new Set(coreUpcasters));
    expect(coreTypes).toEqual([...new Set(coreEventDefinitions.map((d) => d.type))].sort());
  });

  it('has a fixture pair for every upcaster, and an upcaster for every core fixture', () => {
    const report = checkUpcasterFixtures(catalogue, catalogue.upcasters(), CORE_FIXTURES, coreTypes);
    expect(report.problems).toEqual([]);
    expect(report.exercised.sort()).toEqual(coreUpcasters.map((u) => `${u.type}.v${u.from}`).sort());
  });
});

describe('the fixture check itself', () => {
  // A real upcaster with a real fixture pair, kept apart from the core fixtures.
  const V1 = defineEvent('PupilNamed', z.strictObject({ name: z.string() }), 1);
  const V2 = defineEvent('PupilNamed', z.strictObject({ lastName: z.string(), firstName: z.string() }), 2);
  const split = defineUpcaster('PupilNamed', 1, (data) => {
    const { name } = data as { name: string };
    const space = name.indexOf(' ');
    return space < 0 ? { lastName: name, firstName: '' } : { lastName: name.slice(0, space), firstName: name.slice(space + 1) };
  });
  const withUpcaster = (up: Upcaster) => new EventCatalogue().register(V1, V2).registerUpcasters(up).freeze();

  it('passes a correct upcaster with its fixture pair', () => {
    const report = checkUpcasterFixtures(withUpcaster(split), [split], MECHANISM_FIXTURES, ['PupilNamed']);
    expect(report).toEqual({ exercised: ['PupilNamed.v1'], problems: [] });
  });

  it('fails an upcaster that has no fixture (as a new core upcaster without one would)', () => {
    const report = checkUpcasterFixtures(withUpcaster(split), [split], CORE_FIXTURES, ['PupilNamed']);
    expect(report.problems).toEqual([expect.stringContaining('PupilNamed.v1: upcaster without its fixture pair')]);
    expect(report.exercised).toEqual([]);
  });

  it('fails a fixture of a core type that no upcaster exercises', () => {
    const report = checkUpcasterFixtures(withUpcaster(split), [], MECHANISM_FIXTURES, ['PupilNamed']);
    expect(report.problems).toEqual([expect.stringContaining('no upcaster from PupilNamed v1 exercises')]);
  });

  it('fails a fixture whose type is not in the catalogue checked', () => {
    const core = createCoreCatalogue().freeze();
    const report = checkUpcasterFixtures(core, core.upcasters(), MECHANISM_FIXTURES, core.eventTypes());
    expect(report.problems).toEqual([expect.stringContaining('PupilNamed is not one of')]);
  });

  it('fails an upcaster whose result differs from the expected file', () => {
    const swapped = defineUpcaster('PupilNamed', 1, (data) => {
      const [last, ...first] = (data as { name: string }).name.split(' ');
      return { lastName: first.join(' '), firstName: last };
    });
    const report = checkUpcasterFixtures(withUpcaster(swapped), [swapped], MECHANISM_FIXTURES, ['PupilNamed']);
    expect(report.problems).toEqual([expect.stringContaining('differs from expected')]);
  });

  it('fails an upcaster whose result breaks the latest schema', () => {
    const leaky = defineUpcaster('PupilNamed', 1, (data) => ({ ...(split.upcast(data) as object), name: 'x' }));
    const report = checkUpcasterFixtures(withUpcaster(leaky), [leaky], MECHANISM_FIXTURES, ['PupilNamed']);
    expect(report.problems).toEqual(expect.arrayContaining([expect.stringContaining('fails the latest schema')]));
  });
});
