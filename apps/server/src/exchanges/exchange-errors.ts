import { type Anomaly } from '@liaison/domain';

/** The export is blocked by anomalies (exit 3): nothing was written. */
export class ExportBlockedError extends Error {
  constructor(
    readonly formatId: string,
    readonly anomalies: Anomaly[],
  ) {
    super(
      `export ${formatId} refusé : ${anomalies.length} anomalie(s) bloquante(s) ; corrigez-les (liaison control) puis recommencez`,
    );
    this.name = 'ExportBlockedError';
  }
}

/** The user did not confirm the export: nothing was written. */
export class ExportCancelledError extends Error {
  constructor() {
    super('export annulé : rien n’a été écrit');
    this.name = 'ExportCancelledError';
  }
}
