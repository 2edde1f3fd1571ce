import {
  buildChecklist,
  type Checklist,
  evolveEstablishment,
  fold,
  initialEstablishmentState,
  parisDateOf,
  RuleViolationError,
  stepNumberOf,
  streamIds,
} from '@liaison/domain';
import { ExchangeModeSet } from '@liaison/events';
import { type Kernel } from '../kernel/kernel';

export interface ChecklistOptions {
  /** The checklist as it was right after this global position. */
  asOf?: number;
  /** The day overdue steps are judged against; default the day of `asOf`, else today (Europe/Paris). */
  today?: string;
}

/**
 * The yearly checklist of an establishment, read at query time from the log: the steps of the
 * plugins of its degree, the few events that complete them (read by type, never the whole
 * log), its exchange modes and the ticks of `checklist-<UAI>-<YYYY>`. Small enough to need no
 * read model, and time travel is then just `upTo`.
 */
export class ChecklistService {
  constructor(private readonly kernel: Kernel) {}

  show(uai: string, year: number, options: ChecklistOptions = {}): Checklist {
    const store = this.kernel.store;
    const head = store.headPosition();
    const asOf = options.asOf === undefined ? head : Math.min(options.asOf, head);
    const establishment = fold(
      { initialState: initialEstablishmentState, evolve: evolveEstablishment },
      store.readStream(streamIds.establishment(uai), asOf).events,
    );
    if (!establishment.registered || !establishment.degree) {
      throw new RuleViolationError('establishment_unknown', `l’établissement ${uai} n’est pas enregistré`, { uai });
    }
    const steps = this.kernel.plugins.checklistSteps(establishment.degree).map((s) => s.step);
    const types = [...new Set(steps.flatMap((s) => s.completedBy?.eventTypes ?? []))];
    return buildChecklist({
      uai,
      year,
      degree: establishment.degree,
      steps,
      completions: types.length > 0 ? store.readAll({ uai, types, upTo: asOf }) : [],
      exchangeModes: store.readAll({ streamId: streamIds.establishment(uai), types: [ExchangeModeSet.type], upTo: asOf }),
      ticks: store.readStream(streamIds.checklist(uai, year), asOf).events,
      today: options.today ?? this.dayOf(options.asOf === undefined ? undefined : asOf),
      asOf,
    });
  }

  /**
   * A step as the user names it: its full id, or its number in the degree's checklist
   * (`7`, `3b`), which the CLI accepts for convenience.
   */
  resolveStepId(uai: string, step: string): string {
    if (step.includes(':')) return step;
    const establishment = fold(
      { initialState: initialEstablishmentState, evolve: evolveEstablishment },
      this.kernel.store.readStream(streamIds.establishment(uai)).events,
    );
    const found = this.kernel.plugins
      .checklistSteps(establishment.degree)
      .filter(({ step: s }) => stepNumberOf(s.id) === step)
      .map(({ step: s }) => s.id);
    if (found.length === 1) return found[0]!;
    throw new RuleViolationError(
      'checklist_step_unknown',
      found.length === 0
        ? `l’étape « ${step} » n’existe pas dans la liste de l’établissement ${uai}`
        : `l’étape « ${step} » est ambiguë (${found.join(', ')}) : donnez son identifiant complet`,
      { stepId: step },
    );
  }

  /** The Paris day of an event, or of now. */
  private dayOf(position: number | undefined): string {
    if (position === undefined || position === 0) return parisDateOf(new Date().toISOString());
    const at = this.kernel.store.readAll({ after: position - 1, upTo: position, limit: 1 })[0];
    return parisDateOf(at?.recordedAt ?? new Date().toISOString());
  }
}
