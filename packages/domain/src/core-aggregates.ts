import { initialClassState } from './class/class-state';
import { evolveClass } from './class/class-evolve';
import { type Evolver } from './commands/command';
import { initialEstablishmentState } from './establishment/establishment-state';
import { evolveEstablishment } from './establishment/establishment-evolve';
import { initialGuardianState } from './guardian/guardian-state';
import { evolveGuardian } from './guardian/guardian-evolve';
import { initialPupilState } from './pupil/pupil-state';
import { evolvePupil } from './pupil/pupil-evolve';
import { initialYearState } from './year/year-state';
import { evolveYear } from './year/year-evolve';
import { initialExportLedgerState, initialImportLedgerState } from './ledger/ledger-state';
import { evolveExportLedger, evolveImportLedger } from './ledger/ledger-evolve';
import { initialChecklistState } from './checklist/checklist-state';
import { evolveChecklist } from './checklist/checklist-evolve';
import { evolveRolloverLedger, initialRolloverLedgerState } from './rollover/rollover-record';

/**
 * The core aggregates by stream kind: how to fold any core stream. History diffs, time travel
 * and the browser all fold with these.
 */
export const coreAggregates: Array<[string, Evolver<unknown>]> = [
  ['establishment', { initialState: initialEstablishmentState, evolve: evolveEstablishment }],
  ['year', { initialState: initialYearState, evolve: evolveYear }],
  ['class', { initialState: initialClassState, evolve: evolveClass }],
  ['pupil', { initialState: initialPupilState, evolve: evolvePupil }],
  ['guardian', { initialState: initialGuardianState, evolve: evolveGuardian }],
  ['import', { initialState: initialImportLedgerState, evolve: evolveImportLedger }],
  ['export', { initialState: initialExportLedgerState, evolve: evolveExportLedger }],
  ['checklist', { initialState: initialChecklistState, evolve: evolveChecklist }],
  ['rollover', { initialState: initialRolloverLedgerState, evolve: evolveRolloverLedger }],
] as Array<[string, Evolver<unknown>]>;
