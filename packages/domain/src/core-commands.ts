import { classCommands } from './class/class-commands';
import { type CommandDefinition } from './commands/command';
import { establishmentCommands } from './establishment/establishment-command-definitions';
import { yearCommands } from './year/year-command-definitions';
import { guardianCommands } from './guardian/guardian-definitions';
import { pupilCommands } from './pupil/pupil-definitions';
import { ledgerCommands } from './ledger/ledger-commands';
import { checklistCommands } from './checklist/checklist-definitions';
import { rolloverCommands } from './rollover/rollover-record';

/** The core command types, in the order of PRODUCT.md's table. */
export const coreCommands: CommandDefinition[] = [
  ...establishmentCommands,
  ...yearCommands,
  ...classCommands,
  ...pupilCommands,
  ...guardianCommands,
  ...ledgerCommands,
  ...checklistCommands,
  ...rolloverCommands,
];
