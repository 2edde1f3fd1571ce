import { type Contract } from '@liaison/domain';
import { DEFAULT_CONTRACT_LABELS } from './labels/contracts';
import { DEFAULT_CYCLE_LABELS } from './labels/cycles';
import { DEFAULT_LINK_LABELS } from './labels/guardian-links';
import { DEFAULT_LEVEL_CODES } from './labels/levels';

/**
 * The code → label tables the BE1D writer prints with. Every one is a project convention
 * (no public first-degree table exists, FORMAT.md §9.7): a school or a later official
 * specification replaces them here, without touching the controls or the writer.
 */
export interface OndeLabelTables {
  /** Cycle number ('1', '2', '3') → ` Cycle` label. */
  cycleLabels: Readonly<Record<string, string>>;
  /** Contract → `Type contrat`. */
  contractLabels: Readonly<Record<Contract, string>>;
  /** Level code → `Code niveau`. */
  levelCodes: Readonly<Record<string, string>>;
  /** SIECLE CODE_PARENTE → `Lien de parenté`. */
  linkLabels: Readonly<Record<string, string>>;
}

export interface OndePluginOptions {
  labels?: Partial<OndeLabelTables>;
}

export function labelTables(options: OndePluginOptions = {}): OndeLabelTables {
  return {
    cycleLabels: options.labels?.cycleLabels ?? DEFAULT_CYCLE_LABELS,
    contractLabels: options.labels?.contractLabels ?? DEFAULT_CONTRACT_LABELS,
    levelCodes: options.labels?.levelCodes ?? DEFAULT_LEVEL_CODES,
    linkLabels: options.labels?.linkLabels ?? DEFAULT_LINK_LABELS,
  };
}
