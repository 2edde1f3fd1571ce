import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ImportFileError } from '@liaison/domain';
import * as iconv from 'iconv-lite';
import { readPupilExtraction } from './extraction-reader';

// The repository is checked out next to `shared/`; the reference files are read in place, untouched.
const ONDE = path.resolve(__dirname, '../../../../../shared/reference/onde');
const read = (relative: string) => new Uint8Array(readFileSync(path.join(ONDE, relative)));

const PUPIL_EXTRACTIONS = ['eole-ead2-ci/eleves.csv', 'entcore-sample-be1d/EcoleprimaireEmileZola/CSVExtraction-eleves.csv'];
const GUARDIAN_EXTRACTIONS = [
  'eole-ead2-ci/responsables.csv',
  'entcore-sample-be1d/EcoleprimaireEmileZola/CSVExtraction-responsables.csv',
  'entcore-be1d-test-2014/Ecole primaire Emile Zola/CSVExtraction-responsables.csv',
];

describe('reading real ONDE / BE1D pupil extractions', () => {
  it.each(PUPIL_EXTRACTIONS)('reads every pupil of %s', (file) => {
    const extraction = readPupilExtraction(read(file));
    expect(extraction.pupils.length).toBeGreaterThan(0);
    expect(extraction.ignored).toEqual([]);
    for (const pupil of extraction.pupils) {
      expect(pupil.lastName).not.toBe('');
      expect(pupil.firstName).not.toBe('');
      expect(pupil.birthDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('reads the ONDE-era file (UTF-8, LF, unquoted, 22 columns) with its INEs', () => {
    const extraction = readPupilExtraction(read('eole-ead2-ci/eleves.csv'));
    expect(extraction.encoding).toBe('utf-8');
    expect(extraction.hasIne).toBe(true);
    expect(extraction.columns).toHaveLength(22);
    expect(extraction.columns[0]).toBe('Nom élève');
    expect(extraction.columns[14]).toBe(' Cycle');
    expect(extraction.pupils).toEqual([
      {
        line: 2,
        lastName: 'MARTIN',
        firstName: 'Martin',
        birthDate: '2001-01-01',
        sex: 'M',
        ine: '1111111111A',
        cycle: 'CYCLE II',
        level: 'CE2',
        classLabel: 'Classe de M Machin',
        classId: '99999',
      },
      {
        line: 3,
        lastName: 'MARTIN',
        firstName: 'Martine',
        birthDate: '2001-01-01',
        sex: 'M',
        ine: '1111111112A',
        cycle: 'CYCLE II',
        level: 'CE1',
        classLabel: 'Classe de M Truc',
        classId: '99998',
      },
    ]);
  });

  it('reads the BE1D-era file (ISO-8859-1, CRLF, quoted, no INE): 247 pupils, accents intact', () => {
    const bytes = read('entcore-sample-be1d/EcoleprimaireEmileZola/CSVExtraction-eleves.csv');
    const extraction = readPupilExtraction(bytes);
    expect(extraction.encoding).toBe('iso-8859-15');
    expect(extraction.hasIne).toBe(false);
    expect(extraction.pupils).toHaveLength(247);
    expect(extraction.columns.slice(0, 3)).toEqual(['Nom Elève', "Nom d'usage Elève", 'Prénom Elève']);
    expect(extraction.pupils[0]).toEqual({
      line: 2,
      lastName: 'BELMAHDI',
      firstName: 'Mathilde',
      birthDate: '2006-08-17',
      sex: 'F',
      cycle: 'CYCLE II',
      level: 'CE1',
      classLabel: 'CE1',
    });
    // `H` (BE1D) reads as M; the last line has no line end.
    expect(extraction.pupils.at(-1)).toMatchObject({ line: 248, lastName: 'VALIER-BRASIER', firstName: 'Pauline' });
    expect(extraction.pupils.find((p) => p.lastName === 'THOMMERELLE')?.sex).toBe('M');
    // Every accented first name of the file survives decoding as the same text a Latin-1 decoder reads.
    const latin1 = iconv.decode(Buffer.from(bytes), 'latin1');
    const accented = extraction.pupils.filter((p) => /[^\x20-\x7e]/.test(p.firstName + p.lastName));
    expect(accented.length).toBeGreaterThan(0);
    for (const p of accented) expect(latin1).toContain(`"${p.firstName}"`);
    expect(accented.some((p) => /[éèëïç]/.test(p.firstName))).toBe(true);
  });

  it.each(GUARDIAN_EXTRACTIONS)('refuses the guardians file %s with a clear French error', (file) => {
    expect(() => readPupilExtraction(read(file))).toThrow(ImportFileError);
    expect(() => readPupilExtraction(read(file))).toThrow(
      /^ce fichier n’est pas une extraction des élèves ONDE : il ressemble à une extraction des responsables \(colonnes « Nom élève », « Prénom élève » et « Date naissance » attendues\)/,
    );
  });

  it('refuses the teachers file, which is no ONDE export either', () => {
    expect(() => readPupilExtraction(read('entcore-sample-be1d/EcoleprimaireEmileZola/CSVExtraction-enseignants.csv'))).toThrow(
      /il ressemble à une liste d’enseignants/,
    );
  });
});

describe('reading an ONDE extraction: tolerances', () => {
  const header = "Nom élève;Nom d'usage élève;Prénom élève;Date naissance;Sexe;INE;Niveau\r\n";

  it('takes UTF-8 with several BOMs, short rows, quoted fields with « ; » and a footer line', () => {
    const text = `\uFEFF\uFEFF${header}"DUPONT";;"Léa";14/03/2016;F;070832327JA\r\n"O'BRIEN; DE LA TOUR";;Seán;2016-01-02\r\nExtraction du 01/09/2026\r\n`;
    const extraction = readPupilExtraction(new TextEncoder().encode(text));
    expect(extraction.pupils.map((p) => [p.lastName, p.firstName, p.birthDate, p.ine])).toEqual([
      ['DUPONT', 'Léa', '2016-03-14', '070832327JA'],
      ["O'BRIEN; DE LA TOUR", 'Seán', '2016-01-02', undefined],
    ]);
    expect(extraction.ignored).toEqual([
      { line: 4, reason: 'dernière ligne ignorée : ce n’est pas un élève (pied de fichier ?)' },
    ]);
  });

  it('matches headers whatever their case and accents, and reports unreadable lines', () => {
    const text = `NOM ELEVE;PRENOM ELEVE;DATE NAISSANCE;ine\nDURAND;Zoé;31/02/2016;070832327JA\nDURAND;Zoé;01/02/2016;\n`;
    const extraction = readPupilExtraction(new Uint8Array(iconv.encode(text, 'iso-8859-15')));
    expect(extraction.encoding).toBe('iso-8859-15');
    expect(extraction.pupils.map((p) => p.firstName)).toEqual(['Zoé']);
    expect(extraction.ignored).toEqual([
      { line: 2, reason: 'ligne ignorée : date de naissance « 31/02/2016 » illisible', ine: '070832327JA' },
    ]);
  });

  it('refuses an empty file', () => {
    expect(() => readPupilExtraction(new Uint8Array())).toThrow(/fichier vide/);
  });
});
