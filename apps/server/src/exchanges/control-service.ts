import { type ControlReport, InvalidValueError, RuleViolationError } from '@liaison/domain';
import { type Kernel } from '../kernel/kernel';
import { loadSnapshot } from './snapshot-loader';

/** Runs a plugin's control on an establishment's year, live or as of a past position. */
export class ControlService {
  constructor(private readonly kernel: Kernel) {}

  async run(controlId: string, uai: string, year: number, asOf?: number): Promise<ControlReport> {
    const control = this.kernel.plugins.control(controlId);
    if (!control) throw new InvalidValueError(`contrôle inconnu : « ${controlId} » (liaison formats liste les plugins)`);
    const snapshot = await loadSnapshot(this.kernel, uai, year, asOf);
    if (!snapshot.establishment.registered) {
      throw new RuleViolationError('establishment_unknown', `l’établissement ${uai} n’est pas enregistré`);
    }
    return control.run(snapshot);
  }

  /** The controls of the establishment's degree: what the anomalies screen shows by default. */
  async runAll(uai: string, year: number, asOf?: number): Promise<ControlReport[]> {
    const snapshot = await loadSnapshot(this.kernel, uai, year, asOf);
    if (!snapshot.establishment.registered || !snapshot.establishment.degree) {
      throw new RuleViolationError('establishment_unknown', `l’établissement ${uai} n’est pas enregistré`);
    }
    return this.kernel.plugins.controlsFor(snapshot.establishment.degree).map((c) => c.run(snapshot));
  }
}
