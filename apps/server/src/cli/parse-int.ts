import { CliError, ExitCode } from './exit-codes';

/** commander option parser for positive integers, with a French error. */
export function positiveInteger(name: string) {
  return (value: string): number => {
    if (!/^\d+$/.test(value)) throw new CliError(`${name} « ${value} » invalide : entier positif attendu`, ExitCode.rejected);
    return Number(value);
  };
}
