/** Prints for humans, or one JSON document for scripts. */
export class Output {
  constructor(readonly json: boolean) {}

  line(text = ''): void {
    if (!this.json) process.stdout.write(`${text}\n`);
  }

  data(value: unknown): void {
    if (this.json) process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  }

  error(text: string): void {
    process.stderr.write(`${text}\n`);
  }
}
