import {
  EXIT_MOTIVES,
  type Importer,
  type ImportPlan,
  type ImportRow,
  type NomenclatureEntry,
  sameNomenclatureEntry,
  schoolYearLabel,
} from '@liaison/domain';
import { type CodeEntry, type MefSubjects, type Subject } from '../events/reference-events';
import { normaliseMefSubjects, referenceStateOf, sameReference } from '../reference/reference-state';
import { NOMENCLATURE_FORMAT_ID, sourceOf } from './format-ids';
import { refuseFirstDegree } from './guard';
import { CODE_LIST_LAYOUT, type NomenclatureFile, readNomenclatureFile } from './nomenclature-file';
import { diffRows } from './rows';

/**
 * Living languages are the subjects of the « langues vivantes » family of the national
 * MATIERES table, whose codes start with 03 (030201 ANGLAIS LV1, 030602 ESPAGNOL LV2, …). A
 * language code of a second-degree year is therefore a CODE_MATIERE, one per language and rank,
 * which the IMPORT_ELEVES writer can send as an option as it is (docs/formats/siecle-imports.md).
 */
export const LANGUAGE_SUBJECT = /^03[0-9]{4}$/;

/** The language entry declared for an LV subject: code CODE_MATIERE, label LIBELLE_LONG, CODE_GESTION kept. */
export function languageOf(subject: Subject): NomenclatureEntry {
  return subject.managementCode
    ? { code: subject.code, label: subject.label, attributes: { CODE_GESTION: subject.managementCode } }
    : { code: subject.code, label: subject.label };
}

const mefSubject = (m: NomenclatureEntry) =>
  m.attributes?.FORMATION && m.attributes.FORMATION !== m.label ? `${m.label} (${m.attributes.FORMATION})` : m.label;

function teachingSummary(m: MefSubjects): string {
  return `${m.programme.length} ligne(s) de programme, ${m.mandatoryOptions.length} option(s) obligatoire(s)`;
}

/**
 * « Importation des nomenclatures » (seed, step 7): `Nomenclature.xml` of the year, exported
 * from SIECLE (root BEE_NOMENCLATURES). Every MEF becomes a formation of the year (core
 * `DeclareFormations`, code CODE_MEF, label LIBELLE_LONG, the other fields as attributes), the
 * LV subjects its languages (`DeclareLanguages`), and the SIECLE-specific data — subjects,
 * each MEF's programme and mandatory options, exit motives, régimes, statuts and the other
 * code lists — reference events of the plugin. One row per entry: create, update (with what
 * changed) or unchanged; one command per kind, on the kind's first new or changed row.
 */
export function nomenclatureImporter(): Importer<Promise<ImportPlan>> {
  return {
    formatId: NOMENCLATURE_FORMAT_ID,
    displayName: 'Nomenclatures SIECLE (Nomenclature.xml)',
    status: 'official',
    async parse(bytes, context): Promise<ImportPlan> {
      const { snapshot } = context;
      refuseFirstDegree(snapshot);
      const file = await readNomenclatureFile(bytes, { uai: context.uai, year: context.year });
      return planNomenclature(file, context);
    },
  };
}

function planNomenclature(file: NomenclatureFile, context: Parameters<Importer['parse']>[1]): ImportPlan {
  const { snapshot, uai, year } = context;
  const source = sourceOf(context.fileName);
  const reference = referenceStateOf(snapshot);
  const target = { uai, year, source };
  const rows: ImportRow[] = [];

  rows.push(
    ...diffRows(
      file.mefs.map((m) => ({ key: m.code, item: m, ref: `MEF ${m.code}`, subject: mefSubject(m) })),
      {
        current: (code) => snapshot.schoolYear.formations[code],
        same: sameNomenclatureEntry,
        command: (entries) => ({ type: 'DeclareFormations', payload: { ...target, entries } }),
        describe: (m) =>
          `formation de ${schoolYearLabel(year)}${m.attributes?.INSCRIPTION_ETAB === '0' ? ' (non ouverte à l’inscription)' : ''}`,
      },
    ),
  );

  const languages = file.subjects.filter((s) => LANGUAGE_SUBJECT.test(s.code)).map(languageOf);
  rows.push(
    ...diffRows(
      languages.map((l) => ({ key: l.code, item: l, ref: `langue vivante ${l.code}`, subject: l.label })),
      {
        current: (code) => snapshot.schoolYear.languages[code],
        same: sameNomenclatureEntry,
        command: (entries) => ({ type: 'DeclareLanguages', payload: { ...target, entries } }),
        describe: () => `langue de ${schoolYearLabel(year)}`,
      },
    ),
  );

  rows.push(
    ...diffRows(
      file.subjects.map((s) => ({
        key: s.code,
        item: s,
        ref: `matière ${s.code}`,
        subject: s.managementCode ? `${s.label} (${s.managementCode})` : s.label,
      })),
      {
        current: (code) => reference.subjects[code],
        same: sameReference,
        command: (subjects) => ({ type: 'DeclareSiecleSubjects', payload: { ...target, subjects } }),
      },
    ),
  );

  rows.push(
    ...diffRows(
      file.mefSubjects.map(normaliseMefSubjects).map((m) => ({
        key: m.mefCode,
        item: m,
        ref: `programme du MEF ${m.mefCode}`,
        subject: file.mefs.find((x) => x.code === m.mefCode)?.label ?? m.mefCode,
      })),
      {
        current: (code) => reference.mefSubjects[code],
        same: sameReference,
        command: (mefs) => ({ type: 'DeclareSiecleMefSubjects', payload: { ...target, mefs } }),
        describe: teachingSummary,
      },
    ),
  );

  for (const layout of CODE_LIST_LAYOUT) {
    const entries = file.codeLists[layout.list];
    if (!entries) continue;
    const known = reference.codeLists[layout.list] ?? {};
    rows.push(
      ...diffRows<CodeEntry>(
        entries.map((e) => ({ key: e.code, item: e, ref: `${layout.what} ${e.code}`, subject: e.label })),
        {
          current: (code) => known[code],
          same: sameReference,
          command: (changed) => ({ type: 'DeclareSiecleCodeList', payload: { ...target, list: layout.list, entries: changed } }),
        },
      ),
    );
  }

  const notes = [
    `fichier ${context.fileName}${file.version ? ` (BEE_NOMENCLATURES version ${file.version})` : ''}`,
    ...file.notes,
  ];
  const motives = file.codeLists.exitMotives ?? [];
  const unknown = motives.filter((m) => !Object.hasOwn(EXIT_MOTIVES, m.code)).map((m) => m.code);
  if (unknown.length > 0) notes.push(`motif(s) de sortie absent(s) de la liste nationale des 29 codes : ${unknown.join(', ')}`);
  if (motives.length > 0) {
    const missing = Object.keys(EXIT_MOTIVES).filter((code) => !motives.some((m) => m.code === code));
    if (missing.length > 0) notes.push(`motif(s) de sortie de la liste nationale absent(s) du fichier : ${missing.join(', ')}`);
  }
  if (file.mefs.length === 0) notes.push('le fichier ne contient aucun MEF : aucune formation déclarée');
  if (!snapshot.schoolYear.opened) {
    notes.push(`l’année ${schoolYearLabel(year)} n’est pas ouverte : ouvrez-la avant d’en importer la nomenclature`);
  }
  const lists = CODE_LIST_LAYOUT.filter((l) => file.codeLists[l.list]).length;
  return {
    rows,
    notes,
    successMessage:
      `Import de la nomenclature SIECLE réussi : ${file.mefs.length} MEF, ${file.subjects.length} matière(s) ` +
      `dont ${languages.length} langue(s) vivante(s), ${lists} liste(s) de codes`,
  };
}
