import { sameJson } from '@liaison/domain';
import { SOCLE_DOMAIN_CODES } from '../codes/lsu-codes';
import { type RecordCycleBilan } from '../commands/payloads';
import { type CycleBilan } from '../model/pupil-livret';

/**
 * What a line changes in the bilan the livret already holds, for the report's row: a person
 * checking the plan before it is applied sees « date, socle (CPD_SCI), synthèse » rather than a
 * bare « update ».
 */
export function cycleBilanChanges(current: CycleBilan, next: RecordCycleBilan): string[] {
  const domains = SOCLE_DOMAIN_CODES.filter((c) => current.domains[c] !== next.domains[c]);
  return [
    current.classCode !== next.classCode ? 'division' : undefined,
    current.date !== next.date ? 'date' : undefined,
    domains.length > 0 ? `socle (${domains.join(', ')})` : undefined,
    current.synthesis !== next.synthesis ? 'synthèse' : undefined,
    sameJson(current.complement, next.complement) ? undefined : 'enseignement de complément',
    sameJson(current.regionalLanguage, next.regionalLanguage) ? undefined : 'langue et culture régionale',
  ].filter((part): part is string => part !== undefined);
}
