import { type Contract } from '@liaison/domain';

/**
 * `Type contrat` labels. No public ONDE or BCN code exists for the private-school contracts
 * (FORMAT.md §7.4): these upper-case labels are a project convention, configurable.
 */
export const DEFAULT_CONTRACT_LABELS: Readonly<Record<Contract, string>> = Object.freeze({
  association: "CONTRAT D'ASSOCIATION",
  simple: 'CONTRAT SIMPLE',
  'hors-contrat': 'HORS CONTRAT',
});
