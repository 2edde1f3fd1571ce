import { ClassTypesDeclared, FormationsDeclared, LanguagesDeclared, YearOpened } from '@liaison/events';
import { fold } from '../decider';
import { RuleViolationError } from '../errors';
import { yearAggregate } from './year-evolve';
import { assertClassTypeDeclared, assertFormationDeclared, assertLanguageDeclared, assertYearOpen } from './year-rules';

const UAI = '0750680G';
const YEAR = 2026;
const source = 'test';
const opened = YearOpened.create({ uai: UAI, year: YEAR });
const empty = fold(yearAggregate, [opened]);
const full = fold(yearAggregate, [
  opened,
  FormationsDeclared.create({ uai: UAI, year: YEAR, source, entries: [{ code: 'CP', label: 'CP', cycle: '2' }] }),
  LanguagesDeclared.create({ uai: UAI, year: YEAR, source, entries: [{ code: 'ENG', label: 'anglais' }] }),
  ClassTypesDeclared.create({ uai: UAI, year: YEAR, source, entries: [{ code: 'ordinaire', label: 'ordinaire' }] }),
]);

const refusal = (run: () => void): RuleViolationError => {
  try {
    run();
  } catch (error) {
    if (error instanceof RuleViolationError) return error;
    throw error;
  }
  throw new Error('expected a RuleViolationError');
};

describe('year rules', () => {
  it('assertYearOpen refuses a year never opened, with the purpose', () => {
    expect(() => assertYearOpen(empty, UAI, YEAR)).not.toThrow();
    const error = refusal(() => assertYearOpen(yearAggregate.initialState(), UAI, YEAR, 'ouvrez-la d’abord'));
    expect(error.code).toBe('year_not_open');
    expect(error.message).toBe('l’année 2026-2027 n’est pas ouverte pour l’établissement 0750680G : ouvrez-la d’abord');
  });

  it.each([
    ['formation_unknown', assertFormationDeclared, 'CP', 'CM3', 'aucune formation n’est encore déclarée pour 2026-2027'],
    ['language_unknown', assertLanguageDeclared, 'ENG', 'KLI', 'aucune langue n’est encore déclarée pour 2026-2027'],
    [
      'class_type_unknown',
      assertClassTypeDeclared,
      'ordinaire',
      'segpa',
      'la nomenclature de 2026-2027 n’a encore aucun type de classe',
    ],
  ] as const)(
    '%s: a declared code passes, an unknown one or an empty nomenclature is refused',
    (code, assert, known, unknown, none) => {
      expect(() => assert(full, YEAR, known)).not.toThrow();
      const unknownError = refusal(() => assert(full, YEAR, unknown, 'élève P1'));
      expect(unknownError.code).toBe(code);
      expect(unknownError.message).toMatch(
        new RegExp(`^élève P1 : .*« ${unknown} » n’est pas dans la nomenclature de 2026-2027`),
      );
      const noneError = refusal(() => assert(empty, YEAR, known));
      expect(noneError.code).toBe(code);
      expect(noneError.message).toContain(none);
    },
  );

  it('does not take inherited properties for declared codes', () => {
    expect(refusal(() => assertFormationDeclared(full, YEAR, 'toString')).code).toBe('formation_unknown');
  });
});
