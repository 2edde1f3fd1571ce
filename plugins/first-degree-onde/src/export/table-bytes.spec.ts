import * as iconv from 'iconv-lite';
import { cell, constant } from './table';
import { tableBytes } from './table-bytes';

const entity = { kind: 'pupil' as const, id: 'E001', label: 'KOWALSKA Łucja (CP A)' };

describe('the CSV writer', () => {
  it('writes the header and rows in ISO-8859-15 with CRLF', () => {
    const bytes = tableBytes({
      name: 'eleves.csv',
      header: ['Nom élève', ' Cycle'],
      rows: [[cell('LEFÈVRE'), constant('CYCLE II')]],
    });
    expect(iconv.decode(Buffer.from(bytes), 'iso-8859-15')).toBe('Nom élève; Cycle\r\nLEFÈVRE;CYCLE II\r\n');
  });

  it('refuses a character ISO-8859-15 cannot hold, naming the pupil and the field', () => {
    const table = {
      name: 'eleves.csv',
      header: ['Prénom élève'],
      rows: [[cell('Łucja', { entity, field: 'identity.firstName' })]],
    };
    expect(() => tableBytes(table)).toThrow(
      'eleves.csv : caractère « Ł » (U+0141) impossible à écrire en ISO-8859-15 — KOWALSKA Łucja (CP A), champ identity.firstName ; corrigez la saisie (ex. « ł » → « l »)',
    );
  });

  it('refuses a row that does not have as many fields as the header', () => {
    expect(() => tableBytes({ name: 'eleves.csv', header: ['a', 'b'], rows: [[constant('x')]] })).toThrow(
      /ligne 2 : 1 colonnes au lieu de 2/,
    );
  });
});
