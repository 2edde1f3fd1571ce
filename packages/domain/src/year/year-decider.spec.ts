import { ClassTypesDeclared, EstablishmentRegistered, FormationsDeclared, LanguagesDeclared, YearOpened } from '@liaison/events';
import { classCommands } from '../class/class-commands';
import { CommandRegistry } from '../commands/command-registry';
import { fold } from '../decider';
import { establishmentCommands } from '../establishment/establishment-command-definitions';
import { streamIds } from '../streams';
import { scenario, stream } from '../testing/given-when-then';
import { yearCommands } from './year-command-definitions';
import { yearAggregate } from './year-evolve';

const registry = new CommandRegistry().register(...establishmentCommands, ...yearCommands, ...classCommands);
const UAI = '0750680G';
const YEAR = 2026;
const establishment = streamIds.establishment(UAI);
const yearStream = streamIds.year(UAI, YEAR);
const registered = EstablishmentRegistered.create({
  uai: UAI,
  name: 'École Sainte-Marie',
  degree: 'first',
  contract: 'association',
});
const opened = YearOpened.create({ uai: UAI, year: YEAR });

const CP = { code: 'CP', label: 'Cours préparatoire', cycle: '2' };
const CE1 = { code: 'CE1', label: 'Cours élémentaire 1re année', cycle: '2' };
const CM1 = { code: 'CM1', label: 'Cours moyen 1re année', cycle: '3', attributes: { niveau: '11', ordre: '7' } };
const formationsDeclared = (...entries: object[]) =>
  FormationsDeclared.create({ uai: UAI, year: YEAR, source: 'onde.formations:défaut', entries: entries as never });
const declareFormations = (...entries: object[]) => ({
  type: 'DeclareFormations',
  payload: { uai: UAI, year: YEAR, source: 'onde.formations:défaut', entries },
});

describe('OpenYear', () => {
  it('opens a year of a registered establishment', () => {
    scenario(registry)
      .given(stream(establishment, registered))
      .when({ type: 'OpenYear', payload: { uai: UAI, year: YEAR } })
      .thenEmits(opened);
  });

  it('refuses a year of an establishment that is not registered', () => {
    scenario(registry)
      .when({ type: 'OpenYear', payload: { uai: UAI, year: YEAR } })
      .thenRejects('establishment_unknown', /l’établissement 0750680G n’est pas enregistré/);
  });

  it('refuses a year already open', () => {
    scenario(registry)
      .given(stream(establishment, registered), stream(yearStream, opened))
      .when({ type: 'OpenYear', payload: { uai: UAI, year: YEAR } })
      .thenRejects('year_already_open', /l’année 2026-2027 est déjà ouverte pour l’établissement 0750680G/);
  });
});

describe('DeclareFormations', () => {
  it('refuses a year that is not open', () => {
    scenario(registry)
      .given(stream(establishment, registered))
      .when(declareFormations(CP))
      .thenRejects('year_not_open', /l’année 2026-2027 n’est pas ouverte pour l’établissement 0750680G/);
  });

  it('declares every entry of a first declaration', () => {
    scenario(registry)
      .given(stream(yearStream, opened))
      .when(declareFormations(CP, CE1, CM1))
      .thenEmits(formationsDeclared(CP, CE1, CM1));
  });

  it('records nothing when the declaration changes nothing', () => {
    scenario(registry)
      .given(stream(yearStream, opened, formationsDeclared(CP, CE1, CM1)))
      .when(declareFormations(CM1, CP))
      .thenEmits();
  });

  it('carries only the entries that are new or differ, in declaration order', () => {
    const ce1Renamed = { ...CE1, label: 'CE1' };
    const ce2 = { code: 'CE2', label: 'Cours élémentaire 2e année', cycle: '2' };
    scenario(registry)
      .given(stream(yearStream, opened, formationsDeclared(CP, CE1)))
      .when(declareFormations(ce2, CP, ce1Renamed))
      .thenEmits(formationsDeclared(ce2, ce1Renamed));
  });

  it('compares cycles and attributes too', () => {
    const cpInCycle1 = { ...CP, cycle: '1' };
    const cm1Reordered = { ...CM1, attributes: { niveau: '11', ordre: '8' } };
    scenario(registry)
      .given(stream(yearStream, opened, formationsDeclared(CP, CM1)))
      .when(declareFormations(cpInCycle1, cm1Reordered))
      .thenEmits(formationsDeclared(cpInCycle1, cm1Reordered));
  });

  it('ignores the order of attributes', () => {
    scenario(registry)
      .given(stream(yearStream, opened, formationsDeclared(CM1)))
      .when(declareFormations({ ...CM1, attributes: { ordre: '7', niveau: '11' } }))
      .thenEmits();
  });

  it('refuses a code declared twice, naming both entries', () => {
    scenario(registry)
      .given(stream(yearStream, opened))
      .when(declareFormations(CP, CE1, { ...CP, label: 'autre' }))
      .thenRejects('invalid_value', /payload\.entries\.2\.code : code « CP » déclaré deux fois \(entrées 1 et 3\)/);
  });

  it('refuses an empty declaration', () => {
    scenario(registry)
      .given(stream(yearStream, opened))
      .when(declareFormations())
      .thenRejects('invalid_value', /la déclaration ne contient aucune formation/);
  });

  it('refuses an entry without a label', () => {
    scenario(registry)
      .given(stream(yearStream, opened))
      .when(declareFormations({ code: 'CP', label: '  ' }))
      .thenRejects('invalid_value', /payload\.entries\.0\.label : le libellé est obligatoire/);
  });

  it('refuses a declaration without a source', () => {
    scenario(registry)
      .given(stream(yearStream, opened))
      .when({ type: 'DeclareFormations', payload: { uai: UAI, year: YEAR, source: '', entries: [CP] } })
      .thenRejects('invalid_value', /la source de la nomenclature est obligatoire/);
  });
});

describe('DeclareLanguages', () => {
  const ENG = { code: 'ENG', label: 'anglais' };
  const GER = { code: 'GER', label: 'allemand' };
  const declareLanguages = (...entries: object[]) => ({
    type: 'DeclareLanguages',
    payload: { uai: UAI, year: YEAR, source: 'onde.formations:défaut', entries },
  });
  const languagesDeclared = (...entries: { code: string; label: string }[]) =>
    LanguagesDeclared.create({ uai: UAI, year: YEAR, source: 'onde.formations:défaut', entries });

  it('refuses a year that is not open', () => {
    scenario(registry)
      .when(declareLanguages(ENG))
      .thenRejects('year_not_open', /n’est pas ouverte/);
  });

  it('declares new languages only', () => {
    scenario(registry)
      .given(stream(yearStream, opened, languagesDeclared(ENG)))
      .when(declareLanguages(ENG, GER))
      .thenEmits(languagesDeclared(GER));
  });

  it('records nothing when nothing changed', () => {
    scenario(registry)
      .given(stream(yearStream, opened, languagesDeclared(ENG, GER)))
      .when(declareLanguages(GER))
      .thenEmits();
  });

  it('refuses duplicates and empty lists', () => {
    scenario(registry)
      .given(stream(yearStream, opened))
      .when(declareLanguages(ENG, ENG))
      .thenRejects('invalid_value', /déclaré deux fois/);
    scenario(registry)
      .given(stream(yearStream, opened))
      .when(declareLanguages())
      .thenRejects('invalid_value', /aucune langue/);
  });
});

describe('DeclareClassTypes', () => {
  const ordinaire = { code: 'ordinaire', label: 'Classe ordinaire' };
  const declareClassTypes = (...entries: object[]) => ({
    type: 'DeclareClassTypes',
    payload: { uai: UAI, year: YEAR, source: 'onde.formations:défaut', entries },
  });
  const classTypesDeclared = (...entries: { code: string; label: string }[]) =>
    ClassTypesDeclared.create({ uai: UAI, year: YEAR, source: 'onde.formations:défaut', entries });

  it('refuses a year that is not open', () => {
    scenario(registry)
      .when(declareClassTypes(ordinaire))
      .thenRejects('year_not_open', /n’est pas ouverte/);
  });

  it('declares class types, then only their changes', () => {
    scenario(registry)
      .given(stream(yearStream, opened))
      .when(declareClassTypes(ordinaire))
      .thenEmits(classTypesDeclared(ordinaire));
    const relabelled = { ...ordinaire, label: 'ordinaire' };
    scenario(registry)
      .given(stream(yearStream, opened, classTypesDeclared(ordinaire)))
      .when(declareClassTypes(relabelled))
      .thenEmits(classTypesDeclared(relabelled));
    scenario(registry)
      .given(stream(yearStream, opened, classTypesDeclared(ordinaire)))
      .when(declareClassTypes(ordinaire))
      .thenEmits();
  });

  it('refuses duplicates and empty lists', () => {
    scenario(registry)
      .given(stream(yearStream, opened))
      .when(declareClassTypes(ordinaire, ordinaire))
      .thenRejects('invalid_value', /déclaré deux fois/);
    scenario(registry)
      .given(stream(yearStream, opened))
      .when(declareClassTypes())
      .thenRejects('invalid_value', /aucun type de classe/);
  });
});

describe('year evolve', () => {
  it('replaces a changed entry whole and keeps codes a later declaration leaves out', () => {
    const state = fold(yearAggregate, [
      opened,
      formationsDeclared(CP, CM1),
      formationsDeclared({ code: 'CM1', label: 'CM1', cycle: '3' }),
    ]);
    expect(state.formations).toEqual({ CP, CM1: { code: 'CM1', label: 'CM1', cycle: '3' } });
  });
});
