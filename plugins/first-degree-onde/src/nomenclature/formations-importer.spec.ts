import {
  type Command,
  declareClassTypesPayload,
  declareFormationsPayload,
  declareLanguagesPayload,
  type ImportPlan,
  ImportFileError,
} from '@liaison/domain';
import { snapshotFromEvents } from '@liaison/domain/testing';
import * as iconv from 'iconv-lite';
import { applyCommands } from '../__fixtures__/apply-commands';
import { establishmentStream, UAI, YEAR, yearStream } from '../__fixtures__/sample-school';
import { formationsImporter } from './formations-importer';

const importer = formationsImporter();
const utf8 = (text: string) => new TextEncoder().encode(text);
const HEADER = 'type;code;libellé;cycle\n';

function parse(
  bytes: Uint8Array,
  history = [establishmentStream(), yearStream(YEAR, false)],
  fileName = 'nomenclature.csv',
): ImportPlan {
  return importer.parse(bytes, { uai: UAI, year: YEAR, fileName, snapshot: snapshotFromEvents(UAI, YEAR, history) });
}
const commandsOf = (plan: ImportPlan): Command[] => plan.rows.flatMap((r) => r.commands ?? []);
const outcomes = (plan: ImportPlan) => plan.rows.map((r) => `${r.subject}:${r.outcome}`);

describe('onde.formations: the shipped default', () => {
  const file = importer.defaultFile!();

  it('is data/nomenclature-1d.csv, UTF-8, with the levels, languages and class types', () => {
    expect(file.name).toBe('nomenclature-1d.csv');
    const plan = parse(file.bytes, undefined, file.name);
    expect(plan.rows).toHaveLength(9 + 14 + 2);
    expect(plan.rows.every((r) => r.outcome === 'create')).toBe(true);
    expect(plan.successMessage).toBe(
      'Import des formations réussi.\nImport des langues réussi.\nImport des types de classe réussi.',
    );
    const commands = commandsOf(plan);
    expect(commands.map((c) => c.type)).toEqual(['DeclareFormations', 'DeclareLanguages', 'DeclareClassTypes']);
    const formations = declareFormationsPayload.parse(commands[0]!.payload);
    expect(formations.source).toBe('first-degree-onde:nomenclature-1d.csv');
    expect(formations.entries.map((e) => `${e.code}/${e.cycle}`)).toEqual([
      'TPS/1',
      'PS/1',
      'MS/1',
      'GS/1',
      'CP/2',
      'CE1/2',
      'CE2/2',
      'CM1/3',
      'CM2/3',
    ]);
    const languages = declareLanguagesPayload.parse(commands[1]!.payload);
    expect(languages.entries.slice(0, 7)).toEqual([
      { code: 'ENG', label: 'Anglais' },
      { code: 'GER', label: 'Allemand' },
      { code: 'SPA', label: 'Espagnol' },
      { code: 'ITA', label: 'Italien' },
      { code: 'POR', label: 'Portugais' },
      { code: 'ARA', label: 'Arabe' },
      { code: 'CHI', label: 'Chinois' },
    ]);
    expect(declareClassTypesPayload.parse(commands[2]!.payload).entries.map((e) => e.code)).toEqual(['ordinaire', 'clad']);
    // One command per kind, carried by the kind's first new row.
    expect(plan.rows.filter((r) => (r.commands ?? []).length > 0).map((r) => r.ref)).toEqual(['ligne 6', 'ligne 15', 'ligne 29']);
  });

  it('reports create, then unchanged on re-import, then update and create for a changed file', () => {
    const first = parse(file.bytes, undefined, file.name);
    const history = applyCommands([establishmentStream(), yearStream(YEAR, false)], commandsOf(first));
    const again = parse(file.bytes, history, file.name);
    expect(again.rows.every((r) => r.outcome === 'unchanged')).toBe(true);
    expect(commandsOf(again)).toEqual([]);
    expect(again.successMessage).toBe(
      'Import des formations réussi.\nImport des langues réussi.\nImport des types de classe réussi.',
    );

    const changed = utf8(
      `${HEADER}niveau;CP;Cours préparatoire;2\nniveau;CE2;Cours élémentaire deuxième année;2\nlangue;ENG;Anglais;\nlangue;KOR;Coréen;\n`,
    );
    const third = parse(changed, history, 'maj.csv');
    expect(outcomes(third)).toEqual(['niveau CP:unchanged', 'niveau CE2:update', 'langue ENG:unchanged', 'langue KOR:create']);
    expect(third.rows[1]!.message).toBe('libellé « Cours élémentaire 2e année » → « Cours élémentaire deuxième année »');
    expect(commandsOf(third)).toEqual([
      {
        type: 'DeclareFormations',
        payload: {
          uai: UAI,
          year: YEAR,
          source: 'first-degree-onde:maj.csv',
          entries: [{ code: 'CE2', label: 'Cours élémentaire deuxième année', cycle: '2' }],
        },
      },
      {
        type: 'DeclareLanguages',
        payload: { uai: UAI, year: YEAR, source: 'first-degree-onde:maj.csv', entries: [{ code: 'KOR', label: 'Coréen' }] },
      },
    ]);
    expect(third.successMessage).toBe('Import des formations réussi.\nImport des langues réussi.');
  });

  it('sees a changed cycle as an update', () => {
    const history = applyCommands([establishmentStream(), yearStream(YEAR, false)], commandsOf(parse(file.bytes)));
    const plan = parse(utf8(`${HEADER}niveau;CE2;Cours élémentaire 2e année;3\n`), history);
    expect(outcomes(plan)).toEqual(['niveau CE2:update']);
    expect(plan.rows[0]!.message).toBe('cycle 2 → 3');
  });
});

describe('onde.formations: a user file', () => {
  it('reads Latin-9 and UTF-8 with a BOM alike, skips comments and blank lines', () => {
    const text = `# langues de l’académie\n${HEADER}\nlangue;GER;Allemand;\nlangue;DUT;Néerlandais;\r\n`;
    const latin9 = parse(new Uint8Array(iconv.encode(text, 'iso-8859-15')));
    const bom = parse(utf8(`\uFEFF${text}`));
    for (const plan of [latin9, bom]) {
      expect(plan.rows.map((r) => `${r.ref} ${r.subject} ${r.message}`)).toEqual([
        'ligne 4 langue GER Allemand',
        'ligne 5 langue DUT Néerlandais',
      ]);
    }
    expect(latin9.notes[0]).toMatch(/ISO-8859-15/);
    expect(bom.notes[0]).toMatch(/UTF-8/);
    expect(latin9.successMessage).toBe('Import des langues réussi.');
  });

  it('refuses malformed lines with their numbers, in French', () => {
    const bad = utf8(
      `${HEADER}matière;MATH;Mathématiques;\nniveau;;Sans code;1\nniveau;CP;Cours préparatoire;4\nlangue;ENG;Anglais;2\nniveau;CE1;CE1;2;en trop\nlangue;GER;Allemand;\nlangue;GER;Allemand bis;\nlangue;ITA;;\n`,
    );
    let error: unknown;
    try {
      parse(bad);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ImportFileError);
    const message = (error as Error).message;
    for (const part of [
      'ligne 2 : type « matière » inconnu (niveau, langue ou type-classe attendu)',
      'ligne 3 : code vide',
      'ligne 4 : cycle « 4 » invalide pour le niveau CP (1, 2 ou 3 attendu)',
      'ligne 5 : un cycle ne se donne qu’à un niveau, pas à « langue »',
      'ligne 6 : colonnes en trop',
      'ligne 8 : langue « GER » déjà déclaré ligne 7',
      'ligne 9 : libellé vide',
    ]) {
      expect(message).toContain(part);
    }
  });

  it('refuses a file without the expected header, or without entries', () => {
    expect(() => parse(utf8('code;libellé\nENG;Anglais\n'))).toThrow(
      /en-tête « code;libellé » inattendu, « type;code;libellé;cycle » est attendu/,
    );
    expect(() => parse(utf8(HEADER))).toThrow(/sans entrée/);
    expect(() => parse(utf8(''))).toThrow(ImportFileError);
  });

  it('refuses a second-degree establishment', () => {
    expect(() => parse(importer.defaultFile!().bytes, [establishmentStream('second'), yearStream(YEAR, false)])).toThrow(
      /ce format est celui du premier degré/,
    );
  });

  it('leaves a year not opened to the decider, with a note', () => {
    const plan = parse(importer.defaultFile!().bytes, [establishmentStream()]);
    expect(plan.notes).toContain('l’année 2026-2027 n’est pas ouverte : ouvrez-la avant d’en importer les formations');
    expect(commandsOf(plan)).toHaveLength(3);
  });
});
