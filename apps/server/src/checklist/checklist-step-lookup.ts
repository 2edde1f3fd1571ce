import { CHECKLIST_STEP_LOOKUP, type ChecklistStepInfo, type LookupResolver } from '@liaison/domain';
import { type PluginRegistry } from '../plugins/plugin-registry';

/**
 * Answers a tick's question « which step is this? » from the plugins' declarations: steps are
 * code, not data, so the core decider learns them through this look-up.
 */
export function checklistStepLookup(plugins: PluginRegistry): LookupResolver {
  const steps = new Map<string, ChecklistStepInfo>(
    plugins
      .checklistSteps()
      .map(({ step, degree }) => [step.id, { stepId: step.id, degree, title: step.title, repeatable: step.repeatable === true }]),
  );
  return {
    kind: CHECKLIST_STEP_LOOKUP,
    resolve: (params) => Promise.resolve(steps.get(String(params.stepId)) ?? null),
  };
}
