import { createInterface } from 'node:readline/promises';

/** Asks a yes/no question on the terminal; only an explicit « o » or « oui » says yes. */
export async function confirmOnTerminal(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = (await rl.question(`${question} (o/N) `)).trim().toLowerCase();
    return answer === 'o' || answer === 'oui';
  } finally {
    rl.close();
  }
}
