import { type LookupResolver } from '@liaison/domain';

/** Look-ups the core commands ask for, answered from the inline read models. */
export const coreLookups: LookupResolver[] = [];
