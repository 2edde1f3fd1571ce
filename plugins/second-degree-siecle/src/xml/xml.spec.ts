import * as fs from 'node:fs';
import * as path from 'node:path';
import { ImportFileError } from '@liaison/domain';
import * as iconv from 'iconv-lite';
import JSZip from 'jszip';
import {
  assertFileTarget,
  booleanOf,
  child,
  children,
  decodeXml,
  descend,
  isInvalidDate,
  isoDateOf,
  isZip,
  key,
  parseXml,
  peekRootName,
  readBeeParameters,
  readStsParameters,
  readXmlFile,
  readZip,
  simpleFields,
  text,
} from './index';

const BEE = path.resolve(__dirname, '../../../../../shared/reference/siecle/bee-exports');
const read = (relative: string) => new Uint8Array(fs.readFileSync(path.join(BEE, relative)));
const latin9 = (s: string) => new Uint8Array(iconv.encode(s, 'iso-8859-15'));
const utf8 = (s: string) => new TextEncoder().encode(s);

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ImportFileError);
    return (error as Error).message;
  }
  throw new Error('expected an ImportFileError');
}

async function rejection(pending: Promise<unknown>): Promise<string> {
  const error = await pending.then(
    () => {
      throw new Error('expected an ImportFileError');
    },
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ImportFileError);
  return (error as Error).message;
}

describe('decodeXml', () => {
  it('decodes ISO-8859-15 as Latin-9, not Latin-1: œ is 0xBD and € is 0xA4', () => {
    const bytes = latin9('<?xml version="1.0" encoding="ISO-8859-15"?><A>Cocœ 5 € é</A>');
    expect(bytes.includes(0xbd)).toBe(true);
    expect(bytes.includes(0xa4)).toBe(true);
    expect(decodeXml(bytes)).toEqual({
      text: '<?xml version="1.0" encoding="ISO-8859-15"?><A>Cocœ 5 € é</A>',
      encoding: 'iso-8859-15',
      declared: 'ISO-8859-15',
    });
  });

  it('reads the Pix fixture’s « Cocœ », which exists only in Latin-9', () => {
    const { text: decoded, encoding } = decodeXml(read('eleves/pix-test-fixtures/siecle-with-two-valid-students.xml'));
    expect(encoding).toBe('iso-8859-15');
    expect(decoded).toContain('<PRENOM2>Cocœ</PRENOM2>');
    expect(decoded).toContain('<PRENOM2>Léa</PRENOM2>');
  });

  it('reads UTF-8 when declared or undeclared, with or without a BOM', () => {
    expect(decodeXml(utf8('<?xml version="1.0" encoding="UTF-8"?><A>œ</A>')).text).toContain('<A>œ</A>');
    expect(decodeXml(utf8('\uFEFF<A>é</A>'))).toEqual({ text: '<A>é</A>', encoding: 'utf-8' });
  });

  it('reads undeclared non-UTF-8 bytes as ISO-8859-15, SIECLE’s encoding', () => {
    expect(decodeXml(latin9('<A>Éloïse œ</A>'))).toEqual({ text: '<A>Éloïse œ</A>', encoding: 'iso-8859-15' });
  });

  it('refuses a file declaring UTF-8 whose bytes are not, with the line', () => {
    const bytes = latin9('<?xml version="1.0" encoding="UTF-8"?>\n<A>\n<B>é</B></A>');
    expect(refusal(() => decodeXml(bytes))).toMatch(/se déclare en UTF-8 .*\(ligne 3, colonne 4\)/);
  });

  it('refuses an unknown encoding', () => {
    expect(refusal(() => decodeXml(utf8('<?xml version="1.0" encoding="X-MARTIAN"?><A/>')))).toBe(
      'encodage « X-MARTIAN » non pris en charge (déclaration XML du fichier)',
    );
  });

  it('reads UTF-16 with its byte-order mark', () => {
    const bytes = new Uint8Array(iconv.encode('\uFEFF<?xml version="1.0" encoding="UTF-16"?><A>ç</A>', 'utf-16le'));
    expect(decodeXml(bytes).text).toBe('<?xml version="1.0" encoding="UTF-16"?><A>ç</A>');
  });
});

describe('readZip', () => {
  it('reads deflated and stored entries written by jszip, and skips directories', async () => {
    const zip = new JSZip();
    zip.file('ElevesSansAdresses.xml', latin9('<?xml version="1.0" encoding="ISO-8859-15"?><BEE_ELEVES>œ</BEE_ELEVES>'));
    zip.file('lisez-moi.txt', 'bonjour', { compression: 'STORE' });
    zip.folder('dossier');
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(isZip(bytes)).toBe(true);
    const entries = await readZip(bytes);
    expect(entries.map((e) => e.name)).toEqual(['ElevesSansAdresses.xml', 'lisez-moi.txt']);
    expect(decodeXml(entries[0]!.bytes).text).toContain('<BEE_ELEVES>œ</BEE_ELEVES>');
    expect(new TextDecoder().decode(entries[1]!.bytes)).toBe('bonjour');
  });

  it('refuses a truncated or corrupted archive in French', async () => {
    const zip = new JSZip();
    zip.file('Nomenclature.xml', '<BEE_NOMENCLATURES/>'.repeat(50));
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(await rejection(readZip(bytes.subarray(0, bytes.length - 30)))).toBe(
      'archive zip illisible : fin d’archive introuvable (fichier tronqué ?)',
    );
    const corrupted = new Uint8Array(bytes);
    corrupted[50] = (corrupted[50] ?? 0) ^ 0xff;
    expect(await rejection(readZip(corrupted))).toMatch(/^archive zip illisible : « Nomenclature\.xml » /);
  });

  it('refuses an entry whose CRC-32 is wrong, naming it', async () => {
    const zip = new JSZip();
    zip.file('Structures.xml', '<BEE_STRUCTURES/>', { compression: 'STORE' });
    const bytes = new Uint8Array(await zip.generateAsync({ type: 'uint8array' }));
    const at = Buffer.from(bytes).indexOf('<BEE_STRUCTURES/>');
    bytes[at + 1] = 'X'.charCodeAt(0); // same size, stored: it reads, but its checksum no longer matches
    expect(await rejection(readZip(bytes))).toBe(
      'archive zip illisible : « Structures.xml » a une somme de contrôle CRC-32 fausse (fichier corrompu)',
    );
  });

  it('stops inflating an entry past the size limit (a zip bomb never fills the memory)', async () => {
    const zip = new JSZip();
    zip.file('ElevesSansAdresses.xml', new Uint8Array(64 * 1024));
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(bytes.length).toBeLessThan(1024);
    expect(await rejection(readZip(bytes, 16 * 1024))).toBe(
      'archive zip illisible : « ElevesSansAdresses.xml » est trop volumineux (plus de 16384 octets décompressés)',
    );
    expect((await readZip(bytes))[0]!.bytes.length).toBe(64 * 1024);
  });
});

describe('parseXml', () => {
  it('keeps every value a string, leading zeros included, and reads missing and empty tags alike', () => {
    const { rootName, root } = parseXml(
      '<R V="3.0"><E ID="0001"><C>093</C><N></N><M/><T> 030201 </T></E><L>a &amp; b &#233;</L></R>',
      { arrays: ['E'] },
    );
    expect(rootName).toBe('R');
    const e = children(root, 'E');
    expect(e).toHaveLength(1);
    expect(key(e[0], 'ID')).toBe('0001');
    expect(text(e[0], 'C')).toBe('093');
    expect(text(e[0], 'N')).toBeUndefined();
    expect(text(e[0], 'M')).toBeUndefined();
    expect(text(e[0], 'ABSENT')).toBeUndefined();
    expect(text(e[0], 'T')).toBe('030201');
    expect(text(root, 'L')).toBe('a & b é');
    expect(simpleFields(e[0])).toEqual({ C: '093', T: '030201' });
  });

  it('reads a key as an attribute or as a child, and old and new element names', () => {
    const { root } = parseXml('<R><P><CODE_MEF>10010012110</CODE_MEF></P><Q CODE_MEF="20010018110"/><E><NOM>X</NOM></E></R>');
    expect(key(child(root, 'P'), 'CODE_MEF')).toBe('10010012110');
    expect(key(child(root, 'Q'), 'CODE_MEF')).toBe('20010018110');
    expect(text(child(root, 'E'), 'NOM_DE_FAMILLE', 'NOM')).toBe('X');
    expect(descend(root, 'E', 'MISSING')).toBeUndefined();
  });

  it('refuses the malformed dossiersco fixture with the line and the element, in French', () => {
    const { text: xml } = decodeXml(read('eleves/dossiersco-test-fixtures-2019-08-27-malformed/eleves_avec_adresse_simple.xml'));
    expect(refusal(() => parseXml(xml))).toBe(
      'fichier XML mal formé, ligne 139, colonne 7 : la balise <STRICTURES_ELEVE> ouverte ligne 134 est fermée par </STRUCTURES_ELEVE> : les noms ne correspondent pas',
    );
  });

  it.each([
    ['<A><B></A>', /ligne 1, colonne 7 : la balise <B> ouverte ligne 1 est fermée par <\/A>/],
    ['<A>', /la balise <A> n’est jamais fermée/],
    ['<A>x & y</A>', /caractère « & » non échappé/],
    ['', /aucun élément XML/],
    ['<A/><B/>', /plusieurs éléments racines/],
    ['<A/>texte', /texte après la fin de l’élément racine/],
    ['<A b="1" b="2"/>', /l’attribut b est répété/],
  ])('refuses %j in French', (xml, message) => {
    expect(refusal(() => parseXml(xml))).toMatch(message);
  });
});

describe('readXmlFile', () => {
  const options = { roots: ['BEE_NOMENCLATURES'], expected: 'un export Nomenclature de SIECLE (Nomenclature.xml)' };

  it('reads a real Nomenclature export in ISO-8859-15, accents intact', async () => {
    const file = await readXmlFile(read('nomenclature/lycee-arago-0750680G/Nomenclature-2018-19.xml'), {
      ...options,
      arrays: ['MATIERE'],
    });
    expect(file.rootName).toBe('BEE_NOMENCLATURES');
    expect(file.encoding).toBe('iso-8859-15');
    expect(file.notes).toEqual(['lu en ISO-8859-15']);
    const subjects = children(descend(file.root, 'DONNEES', 'MATIERES'), 'MATIERE');
    expect(subjects.map((s) => text(s, 'LIBELLE_LONG'))).toContain('LITTÉRATURE ET SOCIETE');
  });

  it('takes the XML out of SIECLE’s zip, picking the file with the expected root', async () => {
    const zip = new JSZip();
    zip.file('Nomenclature.xml', read('nomenclature/dossiersco-test-fixtures/nomenclature_simple.xml'));
    zip.file('Structures.xml', '<?xml version="1.0" encoding="ISO-8859-15"?><BEE_STRUCTURES/>');
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    const file = await readXmlFile(bytes, options);
    expect(file.entryName).toBe('Nomenclature.xml');
    expect(file.notes[0]).toBe('fichier Nomenclature.xml extrait de l’archive zip');
  });

  it('names the entry when the XML inside a zip is malformed', async () => {
    const zip = new JSZip();
    zip.file(
      'ElevesAvecAdresses.xml',
      read('eleves/dossiersco-test-fixtures-2019-08-27-malformed/eleves_avec_adresse_simple.xml'),
    );
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    expect(await rejection(readXmlFile(bytes, { roots: ['BEE_ELEVES'], expected: 'un export Élèves' }))).toMatch(
      /^ElevesAvecAdresses\.xml \(dans l’archive\) : fichier XML mal formé, ligne 139/,
    );
  });

  it('says what a wrong file is: another export, the emp_sts anagram, an unknown root', async () => {
    expect(await rejection(readXmlFile(read('eleves/dossiersco-test-fixtures/eleves_avec_adresse_simple.xml'), options))).toBe(
      'ce fichier est un export Élèves de SIECLE (ElevesSansAdresses.xml ou ElevesAvecAdresses.xml) et non un export Nomenclature de SIECLE (Nomenclature.xml)',
    );
    expect(await rejection(readXmlFile(utf8('<EDT_STS/>'), { roots: ['STS_EDT'], expected: 'un export STS-web' }))).toMatch(
      /^ce fichier est une remontée des services vers STS-web \(emp_sts_/,
    );
    expect(await rejection(readXmlFile(utf8('<FOO/>'), options))).toBe(
      'ce fichier n’est pas un export Nomenclature de SIECLE (Nomenclature.xml) : son élément racine est <FOO>, <BEE_NOMENCLATURES> est attendu',
    );
    expect(await rejection(readXmlFile(new Uint8Array(), options))).toBe('le fichier est vide');
  });

  it('peeks at the root name past the declaration, comments and doctype', () => {
    expect(peekRootName('\uFEFF<?xml version="1.0"?>\n<!-- x -->\n<!DOCTYPE a>\n<BEE_ELEVES VERSION="3.0">')).toBe('BEE_ELEVES');
  });
});

describe('dates', () => {
  it('reads DD/MM/YYYY (BEE) and YYYY-MM-DD (STS) as ISO dates', () => {
    expect(isoDateOf('22/12/2004')).toBe('2004-12-22');
    expect(isoDateOf('08/07/2019 17:42:27')).toBe('2019-07-08');
    expect(isoDateOf('31/12/9999')).toBe('9999-12-31');
    expect(isoDateOf('2026-09-01')).toBe('2026-09-01');
    expect(isoDateOf(undefined)).toBeUndefined();
    expect(isoDateOf('31/02/2019')).toBeUndefined();
    expect(isInvalidDate('31/02/2019')).toBe(true);
    expect(isInvalidDate('')).toBe(false);
    expect(isInvalidDate(undefined)).toBe(false);
  });

  it('reads booleans as 0/1 or true/false', () => {
    expect([booleanOf('1'), booleanOf('true'), booleanOf('0'), booleanOf('false'), booleanOf('x'), booleanOf(undefined)]).toEqual(
      [true, true, false, false, undefined, undefined],
    );
  });
});

describe('PARAMETRES and the target of an import', () => {
  const bee = (params: string) => parseXml(`<BEE_ELEVES><PARAMETRES>${params}</PARAMETRES></BEE_ELEVES>`).root;
  const target = { uai: '0750680G', year: 2019 };

  it('accepts the target’s UAJ and year', () => {
    const found = readBeeParameters(
      bee('<UAJ>0750680G</UAJ><ANNEE_SCOLAIRE>2019</ANNEE_SCOLAIRE><DATE_EXPORT>08/07/2019</DATE_EXPORT>'),
    );
    expect(found).toEqual({ uai: '0750680G', year: '2019', exportDate: '08/07/2019' });
    expect(() => assertFileTarget(found, target)).not.toThrow();
  });

  it('refuses another establishment, another year, a malformed or missing UAJ, a missing year', () => {
    const check = (params: string) => refusal(() => assertFileTarget(readBeeParameters(bee(params)), target));
    expect(check('<UAJ>0752387M</UAJ><ANNEE_SCOLAIRE>2019</ANNEE_SCOLAIRE>')).toBe(
      'ce fichier est celui de l’établissement 0752387M, pas de 0750680G',
    );
    expect(check('<UAJ>0750680G</UAJ><ANNEE_SCOLAIRE>2018</ANNEE_SCOLAIRE>')).toBe(
      'ce fichier est de l’année 2018-2019, pas de 2019-2020',
    );
    expect(check('<UAJ>123ABC</UAJ>')).toMatch(/^l’UAJ du fichier \(PARAMETRES\/UAJ\) est invalide — UAI « 123ABC » invalide/);
    expect(check('<UAJ>0750680A</UAJ>')).toMatch(/la lettre clé attendue est « G »/);
    expect(check('<UAJ></UAJ>')).toMatch(/^le fichier ne porte pas d’UAJ/);
    expect(check('<UAJ>0750680G</UAJ>')).toMatch(/^le fichier ne porte pas d’année scolaire/);
    expect(check('<UAJ>0750680G</UAJ><ANNEE_SCOLAIRE>19</ANNEE_SCOLAIRE>')).toMatch(/« 19 » est invalide/);
  });

  it('reads STS-web’s attributes UAJ/@CODE and ANNEE_SCOLAIRE/@ANNEE', () => {
    const { root } = parseXml(
      '<STS_EDT><PARAMETRES><UAJ CODE="0750680G"><SIGLE>LYC</SIGLE></UAJ><ANNEE_SCOLAIRE ANNEE="2019"/></PARAMETRES></STS_EDT>',
    );
    expect(readStsParameters(root)).toEqual({ uai: '0750680G', year: '2019' });
  });
});
