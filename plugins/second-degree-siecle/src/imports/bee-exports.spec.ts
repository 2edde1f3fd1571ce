import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkUai, ImportFileError, type Importer } from '@liaison/domain';
import * as iconv from 'iconv-lite';
import { BEE_EXPORTS, openedSchool, snapshotOf, validateCommands } from './__fixtures__/school';
import { siecleImporters } from './index';

const byRoot: Record<string, string> = {
  BEE_NOMENCLATURES: 'siecle.nomenclature',
  BEE_ELEVES: 'siecle.eleves',
  BEE_RESPONSABLES: 'siecle.responsables',
  BEE_STRUCTURES: 'siecle.structures',
  STS_EDT: 'sts.emp',
};

function xmlFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? xmlFiles(path.join(dir, e.name)) : e.name.endsWith('.xml') ? [path.join(dir, e.name)] : [],
    )
    .sort();
}

/** What a file says of itself, read with regular expressions, independently of the importers. */
function describeFile(file: string) {
  const text = iconv.decode(fs.readFileSync(file), 'iso-8859-15');
  const root = /<(BEE_[A-Z]+|STS_EDT)[\s>]/.exec(text)?.[1] as string;
  const uaj = /<UAJ>([^<]*)<\/UAJ>/.exec(text)?.[1];
  const year = /<ANNEE_SCOLAIRE>([0-9]{4})<\/ANNEE_SCOLAIRE>/.exec(text)?.[1];
  return { root, uaj, year: year === undefined ? undefined : Number(year), malformed: file.includes('malformed') };
}

const importer = (formatId: string) => siecleImporters.find((i) => i.formatId === formatId) as Importer;

describe('every public BEE export of ../shared/reference/siecle/bee-exports', () => {
  const files = xmlFiles(BEE_EXPORTS);

  it('finds the 11 files', () => {
    expect(files.map((f) => path.relative(BEE_EXPORTS, f))).toHaveLength(11);
  });

  it.each(files.map((f) => [path.relative(BEE_EXPORTS, f), f]))(
    '%s: imported for its own UAJ and year, refused otherwise',
    async (_name, file) => {
      const { root, uaj, year, malformed } = describeFile(file);
      const bytes = new Uint8Array(fs.readFileSync(file));
      const formatId = byRoot[root] as string;
      const valid = uaj !== undefined && checkUai(uaj) === undefined && year !== undefined;
      const uai = valid ? (uaj as string) : '0750680G';
      const target = valid ? (year as number) : 2019;
      const run = async () =>
        importer(formatId).parse(bytes, {
          uai,
          year: target,
          fileName: path.basename(file),
          snapshot: snapshotOf(uai, target, openedSchool(uai, target)),
        });

      if (malformed) {
        await expect(run()).rejects.toThrow(
          new ImportFileError(
            'fichier XML mal formé, ligne 139, colonne 7 : la balise <STRICTURES_ELEVE> ouverte ligne 134 est fermée par </STRUCTURES_ELEVE> : les noms ne correspondent pas',
          ),
        );
      } else if (valid) {
        const plan = await run();
        expect(plan.rows.length).toBeGreaterThan(0);
        validateCommands(plan.rows.flatMap((r) => r.commands ?? []));
        // Another establishment's or year's target is refused.
        await expect(async () =>
          importer(formatId).parse(bytes, {
            uai: '0590181B',
            year: target,
            fileName: 'x.xml',
            snapshot: snapshotOf('0590181B', target, openedSchool('0590181B', target)),
          }),
        ).rejects.toThrow(`ce fichier est celui de l’établissement ${uaj}, pas de 0590181B`);
      } else {
        await expect(run()).rejects.toThrow(/^l’UAJ du fichier \(PARAMETRES\/UAJ\) est invalide/);
      }
    },
  );
});

describe('siecleImporters', () => {
  it('are the five SIECLE and STS-web imports, all official formats', () => {
    expect(siecleImporters.map((i) => [i.formatId, i.status])).toEqual([
      ['siecle.nomenclature', 'official'],
      ['siecle.structures', 'official'],
      ['sts.emp', 'official'],
      ['siecle.eleves', 'official'],
      ['siecle.responsables', 'official'],
    ]);
    for (const i of siecleImporters) expect(i.displayName.length).toBeGreaterThan(0);
  });
});
