import { readCsv } from './csv-reader';
import { writeCsv } from './csv-writer';

describe('readCsv', () => {
  it('reads quoted and unquoted fields, doubled quotes, and every line end', () => {
    expect(readCsv('a;"b;c";"d ""e"""\r\nf;;\ng\rh')).toEqual([
      { line: 1, fields: ['a', 'b;c', 'd "e"'] },
      { line: 2, fields: ['f', '', ''] },
      { line: 3, fields: ['g'] },
      { line: 4, fields: ['h'] },
    ]);
  });

  it('keeps line ends inside quotes and counts lines for later records', () => {
    expect(readCsv('"a\r\nb";c\n\nd')).toEqual([
      { line: 1, fields: ['a\r\nb', 'c'] },
      { line: 4, fields: ['d'] },
    ]);
  });

  it('keeps a stray quote inside an unquoted field', () => {
    expect(readCsv('l\'"école;x')).toEqual([{ line: 1, fields: ['l\'"école', 'x'] }]);
  });
});

describe('writeCsv', () => {
  it('quotes only what needs it and ends every row with CRLF', () => {
    expect(writeCsv([['a', 'b;c', 'd"e', 'f\ng', ''], ['x']])).toBe('a;"b;c";"d""e";"f\ng";\r\nx\r\n');
  });

  it('reads back what it writes', () => {
    const rows = [
      ['Nom', 'Adresse'],
      ['DUPONT', '8 place; "cour"\r\nB'],
    ];
    expect(readCsv(writeCsv(rows)).map((r) => r.fields)).toEqual(rows);
  });
});
