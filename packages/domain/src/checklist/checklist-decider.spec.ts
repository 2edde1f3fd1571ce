import { ChecklistStepTicked, ChecklistStepUnticked, EstablishmentRegistered } from '@liaison/events';
import { CommandRegistry } from '../commands/command-registry';
import { streamIds } from '../streams';
import { scenario, stream } from '../testing/given-when-then';
import { checklistCommands } from './checklist-definitions';
import { type ChecklistStepInfo } from './checklist-lookup';

const UAI = '0750680G';
const registry = new CommandRegistry().register(...checklistCommands);
const college = stream(
  streamIds.establishment(UAI),
  EstablishmentRegistered.create({ uai: UAI, name: 'Collège Saint-Louis', degree: 'second', contract: 'association' }),
);
const checklist = (...events: Parameters<typeof stream>[1][]) => stream(streamIds.checklist(UAI, 2026), ...events);
const step = (stepId: string, fields: Partial<ChecklistStepInfo> = {}): ChecklistStepInfo => ({
  stepId,
  degree: 'second',
  title: 'Bascule d’année dans STSweb',
  repeatable: false,
  ...fields,
});
const ref = { uai: UAI, year: 2026 };
const tick = (stepId: string, doneOn: string) => ({ type: 'TickChecklistStep', payload: { ...ref, stepId, doneOn } });
const ticked = (stepId: string, doneOn: string) => ChecklistStepTicked.create({ ...ref, stepId, doneOn });

describe('TickChecklistStep', () => {
  it('records the tick on checklist-<UAI>-<YYYY>', () => {
    scenario(registry)
      .given(college)
      .withLookup('step', step('second-degree-siecle:1'))
      .when(tick('second-degree-siecle:1', '2026-05-12'))
      .thenEmits(ticked('second-degree-siecle:1', '2026-05-12'));
    expect(registry.get('TickChecklistStep')!.streamId({ ...ref, stepId: 'x:1', doneOn: '2026-05-12' })).toBe(
      'checklist-0750680G-2026',
    );
  });

  it('refuses a step no plugin declares, and a step of the other degree', () => {
    scenario(registry)
      .given(college)
      .withLookup('step', null)
      .when(tick('second-degree-siecle:99', '2026-05-12'))
      .thenRejects('checklist_step_unknown', 'l’étape « second-degree-siecle:99 » n’existe pas');
    scenario(registry)
      .given(college)
      .withLookup('step', step('first-degree-onde:3c', { degree: 'first' }))
      .when(tick('first-degree-onde:3c', '2026-05-12'))
      .thenRejects(
        'checklist_step_other_degree',
        'est une étape du premier degré ; l’établissement 0750680G est du second degré',
      );
  });

  it('ticks a step once, and keeps each occurrence of a repeatable step', () => {
    const once = scenario(registry).given(college, checklist(ticked('second-degree-siecle:1', '2026-05-12')));
    once.withLookup('step', step('second-degree-siecle:1')).when(tick('second-degree-siecle:1', '2026-05-12')).thenEmits();
    once
      .when(tick('second-degree-siecle:1', '2026-05-13'))
      .thenRejects('checklist_step_ticked', 'est déjà cochée pour 2026-2027 (fait le 12/05/2026) : décochez-la');
    scenario(registry)
      .given(college, checklist(ticked('second-degree-siecle:23', '2026-10-01')))
      .withLookup('step', step('second-degree-siecle:23', { repeatable: true }))
      .when(tick('second-degree-siecle:23', '2026-12-01'))
      .thenEmits(ticked('second-degree-siecle:23', '2026-12-01'));
  });

  it('refuses an invalid step id or date as invalid input', () => {
    scenario(registry).given(college).when(tick('23', '2026-12-01')).thenRejects('invalid_value', 'étape invalide');
    scenario(registry).given(college).when(tick('second-degree-siecle:23', '2026-13-01')).thenRejects('invalid_value', 'date');
  });
});

describe('UntickChecklistStep', () => {
  const untick = (occurrence?: number) => ({
    type: 'UntickChecklistStep',
    payload: { ...ref, stepId: 'second-degree-siecle:23', ...(occurrence === undefined ? {} : { occurrence }) },
  });
  const three = checklist(
    ticked('second-degree-siecle:23', '2026-10-01'),
    ticked('second-degree-siecle:23', '2026-12-01'),
    ticked('second-degree-siecle:23', '2027-02-01'),
  );

  it('takes back the last tick by default, or the occurrence named', () => {
    scenario(registry)
      .given(three)
      .when(untick())
      .thenEmits(
        ChecklistStepUnticked.create({ ...ref, stepId: 'second-degree-siecle:23', occurrence: 3, doneOn: '2027-02-01' }),
      );
    scenario(registry)
      .given(three)
      .when(untick(2))
      .thenEmits(
        ChecklistStepUnticked.create({ ...ref, stepId: 'second-degree-siecle:23', occurrence: 2, doneOn: '2026-12-01' }),
      );
  });

  it('refuses a step without tick, or an occurrence that does not exist', () => {
    scenario(registry).given().when(untick()).thenRejects('checklist_step_not_ticked', 'n’est pas cochée pour 2026-2027');
    scenario(registry).given(three).when(untick(4)).thenRejects('checklist_occurrence_unknown', 'n’a que 3 coche(s)');
  });
});
