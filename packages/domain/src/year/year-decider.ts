import { ClassTypesDeclared, FormationsDeclared, LanguagesDeclared, YearOpened } from '@liaison/events';
import { type Command } from '../commands/command';
import { accept, type Decider, type Decision } from '../decider';
import { RuleViolationError } from '../errors';
import { type EstablishmentState } from '../establishment/establishment-state';
import { schoolYearLabel } from '../values';
import { diffNomenclature } from './nomenclature-diff';
import { type DeclareClassTypes, type DeclareFormations, type DeclareLanguages, type OpenYear } from './year-commands';
import { evolveYear } from './year-evolve';
import { assertYearOpen } from './year-rules';
import { initialYearState, type NomenclatureEntry, type YearState } from './year-state';

export type YearCommand =
  | Command<'OpenYear', OpenYear>
  | Command<'DeclareFormations', DeclareFormations>
  | Command<'DeclareLanguages', DeclareLanguages>
  | Command<'DeclareClassTypes', DeclareClassTypes>;

export interface YearContext {
  /** Only `OpenYear` reads the establishment; the declarations have no context. */
  establishment?: EstablishmentState;
}

/** The declared entries that are new or differ from the year's current ones, in declaration order. */
function newOrChanged<T extends NomenclatureEntry>(current: Record<string, NomenclatureEntry>, entries: readonly T[]): T[] {
  const diff = diffNomenclature(current, entries);
  const keep = new Set([...diff.added, ...diff.changed]);
  return entries.filter((entry) => keep.has(entry.code));
}

function decide(command: YearCommand, state: YearState, context: YearContext): Decision {
  switch (command.type) {
    case 'OpenYear': {
      const p = command.payload;
      if (!context.establishment?.registered) {
        throw new RuleViolationError('establishment_unknown', `l’établissement ${p.uai} n’est pas enregistré`);
      }
      if (state.opened) {
        throw new RuleViolationError(
          'year_already_open',
          `l’année ${schoolYearLabel(p.year)} est déjà ouverte pour l’établissement ${p.uai}`,
        );
      }
      return accept([YearOpened.create(p)]);
    }
    case 'DeclareFormations': {
      const { uai, year, source, entries } = command.payload;
      assertYearOpen(state, uai, year, 'ouvrez-la avant d’en déclarer les formations');
      const declared = newOrChanged(state.formations, entries);
      return accept(declared.length > 0 ? [FormationsDeclared.create({ uai, year, source, entries: declared })] : []);
    }
    case 'DeclareLanguages': {
      const { uai, year, source, entries } = command.payload;
      assertYearOpen(state, uai, year, 'ouvrez-la avant d’en déclarer les langues');
      const declared = newOrChanged(state.languages, entries);
      return accept(declared.length > 0 ? [LanguagesDeclared.create({ uai, year, source, entries: declared })] : []);
    }
    case 'DeclareClassTypes': {
      const { uai, year, source, entries } = command.payload;
      assertYearOpen(state, uai, year, 'ouvrez-la avant d’en déclarer les types de classe');
      const declared = newOrChanged(state.classTypes, entries);
      return accept(declared.length > 0 ? [ClassTypesDeclared.create({ uai, year, source, entries: declared })] : []);
    }
  }
}

export const yearDecider: Decider<YearCommand, YearState, YearContext> = {
  initialState: initialYearState,
  evolve: evolveYear,
  decide,
};
