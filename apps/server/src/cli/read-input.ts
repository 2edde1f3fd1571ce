import { readFileSync } from 'node:fs';
import { CliError, ExitCode } from './exit-codes';

/** Reads a file, or standard input for `-`; an unreadable file is invalid input (exit 2). */
export function readInput(file: string): string {
  try {
    return readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'fichier introuvable' : (error as Error).message;
    throw new CliError(`impossible de lire « ${file} » : ${reason}`, ExitCode.invalidInput);
  }
}
