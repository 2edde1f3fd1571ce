import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { PRODUCED_AT, projectsHistory, sampleHistory, snapshotOf } from './__fixtures__/sample-school';
import { lslExporter } from './lsl/lsl-exporter';
import { lsuExporter } from './lsu/lsu-exporter';
import { parcoursupExporter } from './parcoursup/parcoursup-exporter';

/**
 * The files of the sample school, byte for byte: any change to a writer shows here. After an
 * intended change, `UPDATE_GOLDEN=1 pnpm test` rewrites them (then read the diff).
 */
const GOLDEN = path.join(__dirname, '__golden__');
const context = { exportId: 'golden', producedAt: PRODUCED_AT };

describe.each([
  ['LSU-0750680G-2024.xml', () => lsuExporter().build(snapshotOf([...sampleHistory(), ...projectsHistory()]), context)],
  ['LSL-0750680G-2024.xml', () => lslExporter().build(snapshotOf(), context)],
  ['PARCOURSUP-0750680G-2024.csv', () => parcoursupExporter().build(snapshotOf(), context)],
])('golden file %s', (name, build) => {
  it('is what the exporter writes for the sample school', async () => {
    const bytes = Buffer.from((await build()).files[0]!.bytes);
    const file = path.join(GOLDEN, name);
    if (process.env.UPDATE_GOLDEN === '1') {
      mkdirSync(GOLDEN, { recursive: true });
      writeFileSync(file, bytes);
    }
    expect(existsSync(file)).toBe(true);
    expect(bytes.toString('utf8')).toBe(readFileSync(file, 'utf8'));
    expect(bytes.equals(readFileSync(file))).toBe(true);
  });
});
