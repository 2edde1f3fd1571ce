import {
  type Command,
  diffNomenclature,
  type Importer,
  ImportFileError,
  type ImportPlan,
  type ImportRow,
  type NomenclatureEntry,
  schoolYearLabel,
} from '@liaison/domain';
import { DEFAULT_NOMENCLATURE_FILE, readDataFile } from '../data/data-files';
import { FORMATS_FORMAT_ID, PLUGIN_ID, SECOND_DEGREE_REFUSAL } from '../plugin-id';
import { decodeText } from '../text/decode';
import { type NomenclatureKind, type NomenclatureLine, parseNomenclatureFile } from './nomenclature-file';

interface KindWording {
  command: string;
  subject: string;
  success: string;
}

// In this order: the seed imports the formations, then « au besoin » the languages.
const KINDS: ReadonlyArray<[NomenclatureKind, KindWording]> = [
  ['formations', { command: 'DeclareFormations', subject: 'niveau', success: 'Import des formations réussi.' }],
  ['languages', { command: 'DeclareLanguages', subject: 'langue', success: 'Import des langues réussi.' }],
  ['classTypes', { command: 'DeclareClassTypes', subject: 'type de classe', success: 'Import des types de classe réussi.' }],
];

const describe = (entry: NomenclatureEntry) => (entry.cycle ? `${entry.label} (cycle ${entry.cycle})` : entry.label);

function changes(before: NomenclatureEntry, after: NomenclatureEntry): string {
  const parts: string[] = [];
  if (before.label !== after.label) parts.push(`libellé « ${before.label} » → « ${after.label} »`);
  if (before.cycle !== after.cycle) parts.push(`cycle ${before.cycle ?? 'aucun'} → ${after.cycle ?? 'aucun'}`);
  if (parts.length === 0) parts.push('attributs remplacés');
  return parts.join(', ');
}

/**
 * « Import des formations du 1er degré » (seed, step 1): the levels with their cycles, the
 * languages and the class types a year may use, from the default shipped with the plugin or a
 * file in the same format. Each line becomes a row (create / update / unchanged against the
 * year); each kind becomes at most one Declare… command holding the new and changed entries.
 */
export function formationsImporter(): Importer<ImportPlan> {
  return {
    formatId: FORMATS_FORMAT_ID,
    displayName: 'Formations, langues et types de classe du 1er degré',
    // The official table is not public: the shipped default is a documented project convention.
    status: 'adapter',
    defaultFile: () => ({ name: DEFAULT_NOMENCLATURE_FILE, bytes: readDataFile(DEFAULT_NOMENCLATURE_FILE) }),
    parse(bytes, context): ImportPlan {
      const { snapshot } = context;
      if (snapshot.establishment.degree === 'second') throw new ImportFileError(SECOND_DEGREE_REFUSAL);
      const { text, encoding } = decodeText(bytes);
      const lines = parseNomenclatureFile(text);
      const source = `${PLUGIN_ID}:${context.fileName}`;
      const rows: ImportRow[] = [];
      const successes: string[] = [];
      for (const [kind, wording] of KINDS) {
        const ofKind = lines.filter((l) => l.kind === kind);
        if (ofKind.length === 0) continue;
        successes.push(wording.success);
        rows.push(...kindRows(ofKind, snapshot.schoolYear[kind], wording, { uai: context.uai, year: context.year, source }));
      }
      // Rows in file order, whatever their kind.
      rows.sort((a, b) => lineOf(a) - lineOf(b));
      const notes = [
        `fichier ${context.fileName} lu en ${encoding === 'utf-8' ? 'UTF-8' : 'ISO-8859-15'} : ${lines.length} entrée(s)`,
      ];
      if (!snapshot.schoolYear.opened) {
        notes.push(`l’année ${schoolYearLabel(context.year)} n’est pas ouverte : ouvrez-la avant d’en importer les formations`);
      }
      // One line per list, as the seed's procedure shows them (« Import des langues réussi »).
      return { rows, notes, successMessage: successes.join('\n') };
    },
  };
}

const lineOf = (row: ImportRow) => Number(/\d+/.exec(row.ref)?.[0] ?? 0);

function kindRows(
  lines: readonly NomenclatureLine[],
  current: Readonly<Record<string, NomenclatureEntry>>,
  wording: KindWording,
  target: { uai: string; year: number; source: string },
): ImportRow[] {
  const entries = lines.map((l) => l.entry);
  const diff = diffNomenclature(current, entries);
  const added = new Set(diff.added);
  const changed = new Set(diff.changed);
  const declared = entries.filter((e) => added.has(e.code) || changed.has(e.code));
  const command: Command | undefined =
    declared.length > 0
      ? { type: wording.command, payload: { uai: target.uai, year: target.year, source: target.source, entries: declared } }
      : undefined;
  let commandPlaced = false;
  return lines.map((line): ImportRow => {
    const { code } = line.entry;
    const base = { ref: `ligne ${line.line}`, subject: `${wording.subject} ${code}` };
    if (!added.has(code) && !changed.has(code)) return { ...base, outcome: 'unchanged', message: describe(line.entry) };
    // One command declares every new or changed entry of the kind; it rides on the first such row.
    const commands = command && !commandPlaced ? [command] : [];
    commandPlaced = true;
    const existing = current[code];
    const withCommands = commands.length > 0 ? { commands } : {};
    return added.has(code) || !existing
      ? { ...base, outcome: 'create', message: describe(line.entry), ...withCommands }
      : { ...base, outcome: 'update', message: changes(existing, line.entry), ...withCommands };
  });
}
