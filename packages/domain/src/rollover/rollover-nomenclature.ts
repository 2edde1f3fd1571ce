import { type Command } from '../commands/command';
import { type NomenclatureEntry, type YearState } from '../year/year-state';
import { type NomenclatureKind } from './rollover-plan';

const DECLARE: Record<NomenclatureKind, string> = {
  formations: 'DeclareFormations',
  languages: 'DeclareLanguages',
  classTypes: 'DeclareClassTypes',
};

const KINDS: readonly NomenclatureKind[] = ['formations', 'languages', 'classTypes'];

/** The codes Y+1 will know once the run has declared what it carries. */
export type NextNomenclature = Record<NomenclatureKind, Record<string, NomenclatureEntry>>;

const entryPayload = (entry: NomenclatureEntry) => ({
  code: entry.code,
  label: entry.label,
  ...(entry.cycle === undefined ? {} : { cycle: entry.cycle }),
  ...(entry.attributes === undefined ? {} : { attributes: entry.attributes }),
});

/**
 * In Charlemagne's calendar the rollover comes before step 7 imports the new nomenclature, so
 * Y+1 may have none yet: each nomenclature Y+1 lacks is declared from Y's (source
 * `rollover:<Y>`), and step 7's import later adds or changes codes. A nomenclature Y+1 already
 * has is used as it is.
 */
export function carryNomenclature(
  uai: string,
  fromYear: number,
  from: YearState,
  next: YearState,
): { kinds: NomenclatureKind[]; nomenclature: NextNomenclature; commands: Command[] } {
  const kinds: NomenclatureKind[] = [];
  const commands: Command[] = [];
  const nomenclature = { formations: next.formations, languages: next.languages, classTypes: next.classTypes };
  for (const kind of KINDS) {
    const own = next[kind];
    const carried = from[kind];
    if (Object.keys(own).length > 0 || Object.keys(carried).length === 0) continue;
    kinds.push(kind);
    nomenclature[kind] = carried;
    commands.push({
      type: DECLARE[kind],
      payload: { uai, year: fromYear + 1, source: `rollover:${fromYear}`, entries: Object.values(carried).map(entryPayload) },
    });
  }
  return { kinds, nomenclature, commands };
}
