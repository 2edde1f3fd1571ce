import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { type Command, ImportFileError, type ImportPlan, type SchoolSnapshot } from '@liaison/domain';
import { snapshotFromEvents } from '@liaison/domain/testing';
import * as iconv from 'iconv-lite';
import { applyCommands } from '../__fixtures__/apply-commands';
import { brokenSample, sampleHistory, sampleSnapshot, UAI, YEAR } from '../__fixtures__/sample-school';
import { extractionImporter, NO_INE_NOTE } from './extraction-importer';

const ONDE = path.resolve(__dirname, '../../../../../shared/reference/onde');
const importer = extractionImporter();
const HEADER =
  "Nom élève;Nom d'usage élève;Prénom élève;Date naissance;Sexe;INE;Adresse1;Cp1;Commune1;Pays1;Adresse2;Cp2;Commune2;Pays2; Cycle;Niveau;Libellé classe;Identifiant classe;Attestation fournie;Autorisation associations;Autorisation photo;Décision de passage";

/** An ONDE extraction as ONDE writes it: ISO-8859-15, CRLF, upper-case names without accents. */
const onde = (...rows: string[]) => new Uint8Array(iconv.encode([HEADER, ...rows].join('\r\n') + '\r\n', 'iso-8859-15'));
const parse = (bytes: Uint8Array, snapshot: SchoolSnapshot = sampleSnapshot()): ImportPlan =>
  importer.parse(bytes, { uai: UAI, year: YEAR, fileName: 'CSVExtraction.csv', snapshot });
const commandsOf = (plan: ImportPlan): Command[] => plan.rows.flatMap((r) => r.commands ?? []);
const summary = (plan: ImportPlan) => plan.rows.map((r) => `${r.ref} ${r.outcome}`);

describe('onde.extraction: INE integration', () => {
  it('assigns an INE to the one pupil that matches, whatever the accents, case and hyphens', () => {
    const plan = parse(
      onde(
        'N DIAYE;;MOUSSA;02/05/2017;M;111111111GB;;;;;;;;;CYCLE II;CE2;CE2-CM1;1234;Non;Non;Non;',
        'MARTIN;MARTIN-COEUR;lucas;20/11/2016;M;222222222CF;;;;;;;;;CYCLE III;CM1;CE2-CM1;1234;Non;Non;Non;',
      ),
    );
    expect(summary(plan)).toEqual(['ligne 2 update', 'ligne 3 update']);
    expect(commandsOf(plan)).toEqual([
      { type: 'AssignNationalId', payload: { uai: UAI, pupilId: 'E002', ine: '111111111GB' } },
      { type: 'AssignNationalId', payload: { uai: UAI, pupilId: 'E003', ine: '222222222CF' } },
    ]);
    expect(plan.rows[0]!.message).toBe("INE 111111111GB attribué à N'DIAYE Moussa (E002)");
    expect(plan.rows[1]!.message).toBe('INE 222222222CF remplace 0113014881M pour MARTIN Lucas (E003)');
    expect(plan.rows[0]!.subject).toBe('N DIAYE MOUSSA, né(e) le 02/05/2017');
  });

  it('matches by usage name too, and is unchanged when the pupil already has that INE', () => {
    const s = brokenSample();
    s.pupils.find((p) => p.pupilId === 'E003')!.identity!.lastName = 'Durand';
    const plan = parse(onde('MARTIN-CŒUR;;Lucas;20/11/2016;M;0113014881M', 'LEFEVRE;;ELOISE;14/03/2020;F;070832327JA'), s);
    expect(summary(plan)).toEqual(['ligne 2 unchanged', 'ligne 3 unchanged']);
    expect(commandsOf(plan)).toEqual([]);
  });

  it('never guesses: no match and several matches are unmatched, not errors', () => {
    const s = brokenSample();
    const twin = structuredClone(s.pupils.find((p) => p.pupilId === 'E004')!);
    twin.pupilId = 'E007';
    s.pupils.push(twin);
    const plan = parse(
      onde(
        'LEFEVRE;;JULES;30/01/2022;M;333333333JG',
        'INCONNU;;PAUL;01/01/2019;M;090000001KB',
        'LEFEVRE;;ELOISE;15/03/2020;F;111111111GB',
      ),
      s,
    );
    expect(summary(plan)).toEqual(['ligne 2 unmatched', 'ligne 3 unmatched', 'ligne 4 unmatched']);
    expect(plan.rows[0]!.message).toBe(
      'plusieurs élèves correspondent (LEFÈVRE Jules (E004), LEFÈVRE Jules (E007)) : INE non attribué, à saisir dans la bonne fiche',
    );
    expect(plan.rows[1]!.message).toBe('aucun élève de l’année ne correspond (nom, prénom et date de naissance)');
    expect(commandsOf(plan)).toEqual([]);
  });

  it('rejects an INE failing its key, one another pupil holds, and two INEs for one pupil', () => {
    const plan = parse(
      onde(
        'MARTIN;;LUCAS;20/11/2016;M;0113014881X',
        "N'DIAYE;;MOUSSA;02/05/2017;M;070832327JA",
        "N'DIAYE;;MOUSSA;02/05/2017;M;111111111GB",
        "N'DIAYE;;MOUSSA;02/05/2017;M;111111111GB",
        "N'DIAYE;;MOUSSA;02/05/2017;M;222222222CF",
      ),
    );
    expect(summary(plan)).toEqual([
      'ligne 2 rejected',
      'ligne 3 rejected',
      'ligne 4 update',
      'ligne 5 unchanged',
      'ligne 6 rejected',
    ]);
    expect(plan.rows[0]!.message).toBe('INE « 0113014881X » invalide : la lettre clé INE-BEA attendue est « M »');
    expect(plan.rows[1]!.message).toBe('INE 070832327JA déjà porté par LEFÈVRE Éloïse (E001) : vérifiez les deux fiches');
    expect(plan.rows[3]!.message).toBe('ligne en double : INE déjà traité ligne 4');
    expect(plan.rows[4]!.message).toBe(
      "N'DIAYE Moussa (E002) reçoit déjà l’INE 111111111GB ligne 4 : deux INE pour un même élève",
    );
    expect(commandsOf(plan)).toHaveLength(1);
  });

  it('applies through the deciders, then a re-import is unchanged', () => {
    const file = onde("N'DIAYE;;MOUSSA;02/05/2017;M;111111111GB", 'SANSINE;;Paul;01/01/2019;M;');
    const first = parse(file);
    expect(first.notes).toContain('1 élève(s) du fichier sans INE (INE en attente dans ONDE)');
    const history = applyCommands(sampleHistory(), commandsOf(first));
    const again = parse(file, snapshotFromEvents(UAI, YEAR, history));
    expect(summary(again)).toEqual(['ligne 2 unchanged']);
    expect(again.successMessage).toBe('Intégration des INE : 0 à attribuer, 1 déjà à jour, 0 non rapproché(s), 0 refusé(s)');
  });

  it('accepts the BE1D-era extraction, which has no INE, with a note and no command', () => {
    const bytes = new Uint8Array(
      readFileSync(path.join(ONDE, 'entcore-sample-be1d/EcoleprimaireEmileZola/CSVExtraction-eleves.csv')),
    );
    const plan = parse(bytes);
    expect(plan.rows).toEqual([]);
    expect(plan.notes).toEqual([NO_INE_NOTE, 'fichier CSVExtraction.csv lu en ISO-8859-15 : 247 élève(s)']);
  });

  it('reads the real ONDE-era sample: its test INEs fail their key and are rejected', () => {
    const plan = parse(new Uint8Array(readFileSync(path.join(ONDE, 'eole-ead2-ci/eleves.csv'))));
    expect(summary(plan)).toEqual(['ligne 2 rejected', 'ligne 3 rejected']);
    expect(plan.rows[0]!.message).toMatch(/INE « 1111111111A » invalide/);
  });

  it('refuses a guardians file and a second-degree establishment', () => {
    const guardians = new Uint8Array(readFileSync(path.join(ONDE, 'eole-ead2-ci/responsables.csv')));
    expect(() => parse(guardians)).toThrow(ImportFileError);
    const second = brokenSample();
    second.establishment.degree = 'second';
    expect(() => parse(onde('A;;B;01/01/2019;M;'), second)).toThrow(/ce format est celui du premier degré/);
  });
});
