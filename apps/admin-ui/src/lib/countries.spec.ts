import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COUNTRIES } from './countries';

describe('countries', () => {
  it('is a faithful copy of the first-degree plugin’s INSEE table', () => {
    const csv = readFileSync(join(__dirname, '../../../../plugins/first-degree-onde/data/pays-insee.csv'), 'utf8');
    const rows = csv
      .split(/\r?\n/)
      .slice(1)
      .filter(Boolean)
      .map((line) => line.split(';').map((f) => f.trim()));
    expect(COUNTRIES.map(([c, l]) => [c, l])).toEqual(rows);
  });
});
