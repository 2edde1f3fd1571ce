import { EstablishmentRegistered, ExchangeModeSet } from '@liaison/events';
import { classCommands } from '../class/class-commands';
import { CommandRegistry } from '../commands/command-registry';
import { fold } from '../decider';
import { streamIds } from '../streams';
import { scenario, stream } from '../testing/given-when-then';
import { yearCommands } from '../year/year-command-definitions';
import { establishmentCommands } from './establishment-command-definitions';
import { establishmentDecider } from './establishment-decider';
import { exchangeModeOf } from './establishment-state';

const registry = new CommandRegistry().register(...establishmentCommands, ...yearCommands, ...classCommands);
const UAI = '0750680G';
const establishment = streamIds.establishment(UAI);
const registered = EstablishmentRegistered.create({
  uai: UAI,
  name: 'École Sainte-Marie',
  degree: 'first',
  contract: 'association',
});

describe('RegisterEstablishment', () => {
  it('registers a new establishment', () => {
    scenario(registry)
      .when({
        type: 'RegisterEstablishment',
        payload: { uai: UAI, name: ' École Sainte-Marie ', degree: 'first', contract: 'association' },
      })
      .thenEmits(registered);
  });

  it('refuses an establishment already registered', () => {
    scenario(registry)
      .given(stream(establishment, registered))
      .when({ type: 'RegisterEstablishment', payload: { uai: UAI, name: 'Autre', degree: 'first', contract: 'simple' } })
      .thenRejects('establishment_exists', /l’établissement 0750680G est déjà enregistré \(« École Sainte-Marie »\)/);
  });

  it('refuses a UAI whose check letter is wrong, in French', () => {
    scenario(registry)
      .when({ type: 'RegisterEstablishment', payload: { uai: '0750680A', name: 'X', degree: 'first', contract: 'simple' } })
      .thenRejects('invalid_value', /la lettre clé attendue est « G »/);
  });
});

describe('SetExchangeMode', () => {
  const setMode = (mode: string) => ({ type: 'SetExchangeMode', payload: { uai: UAI, mode } });

  it('refuses an establishment that is not registered', () => {
    scenario(registry)
      .when(setMode('web-service'))
      .thenRejects('establishment_unknown', /l’établissement 0750680G n’est pas enregistré/);
  });

  it('records the mode chosen', () => {
    scenario(registry)
      .given(stream(establishment, registered))
      .when(setMode('web-service'))
      .thenEmits(ExchangeModeSet.create({ uai: UAI, mode: 'web-service' }));
  });

  it('records nothing when the same mode is set again', () => {
    scenario(registry)
      .given(stream(establishment, registered, ExchangeModeSet.create({ uai: UAI, mode: 'web-service' })))
      .when(setMode('web-service'))
      .thenEmits();
  });

  it('records a change back to files', () => {
    scenario(registry)
      .given(stream(establishment, registered, ExchangeModeSet.create({ uai: UAI, mode: 'web-service' })))
      .when(setMode('files'))
      .thenEmits(ExchangeModeSet.create({ uai: UAI, mode: 'files' }));
  });

  it('refuses an unknown mode as invalid input, in French', () => {
    scenario(registry)
      .given(stream(establishment, registered))
      .when(setMode('omogen'))
      .thenRejects('invalid_value', /mode d’échange invalide/);
  });

  it('defaults to files until a mode is set', () => {
    expect(exchangeModeOf(fold(establishmentDecider, [registered]))).toBe('files');
    expect(
      exchangeModeOf(fold(establishmentDecider, [registered, ExchangeModeSet.create({ uai: UAI, mode: 'web-service' })])),
    ).toBe('web-service');
  });
});
