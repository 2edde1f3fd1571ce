import {
  type ClassState,
  type Command,
  type Contract,
  type ImportRow,
  type SchoolSnapshot,
  schoolYearLabel,
} from '@liaison/domain';
import { type Division, type Group } from '../events/reference-events';
import { normaliseDivision, referenceStateOf, sameReference } from '../reference/reference-state';

/** SIECLE's CODE_CONTRAT (FORMAT.md §11.2) as a class's contract type. */
const CONTRACTS: Readonly<Record<string, Contract>> = { '1': 'hors-contrat', '3': 'association' };
const CONTRACT_LABELS: Readonly<Record<Contract, string>> = {
  association: 'contrat d’association',
  simple: 'contrat simple',
  'hors-contrat': 'hors contrat',
};

const list = (codes: readonly string[]) => codes.join(', ');

interface Target {
  uai: string;
  year: number;
  source: string;
}

interface DivisionPlan {
  row: ImportRow;
  /** Whether the division's reference entry is new or changed (declared with the structures). */
  referenceChanged: boolean;
  /** Whether the class differs from the division in a way the import does not change. */
  differs: boolean;
}

function planDivision(
  division: Division,
  existing: ClassState | undefined,
  snapshot: SchoolSnapshot,
  target: Target,
  referenceChanged: boolean,
): DivisionPlan {
  const { uai, year } = target;
  const base = {
    ref: `division ${division.code}`,
    subject: division.label ? `${division.label} (${division.code})` : division.code,
  };
  const formations = snapshot.schoolYear.formations;
  const unknown = division.mefCodes.filter((m) => !Object.hasOwn(formations, m));
  if (unknown.length > 0) {
    const reason =
      Object.keys(formations).length === 0
        ? `aucune formation n’est déclarée pour ${schoolYearLabel(year)} : importez d’abord Nomenclature.xml (siecle.nomenclature)`
        : `MEF ${list(unknown)} absent(s) de la nomenclature de ${schoolYearLabel(year)} : importez d’abord le Nomenclature.xml qui le(s) contient`;
    return { row: { ...base, outcome: 'rejected', message: reason }, referenceChanged: false, differs: false };
  }
  const contract = division.contract === undefined ? undefined : CONTRACTS[division.contract];
  const ref = { uai, year, classCode: division.code };
  const messages: string[] = [];
  const commands: Command[] = [];
  let differs = false;

  if (!existing) {
    commands.push({ type: 'CreateClass', payload: { ...ref, label: division.label ?? division.code } });
    for (const formationCode of division.mefCodes) commands.push({ type: 'AssignFormation', payload: { ...ref, formationCode } });
    if (contract) commands.push({ type: 'SetClassContract', payload: { ...ref, contractType: contract } });
    messages.push(
      division.mefCodes.length > 0
        ? `classe créée avec le(s) MEF ${list(division.mefCodes)}`
        : 'classe créée ; aucun MEF dans le fichier pour cette division',
    );
    if (contract) messages.push(CONTRACT_LABELS[contract]);
  } else if (existing.closedOn !== undefined) {
    messages.push(`la classe est fermée depuis le ${existing.closedOn} : rien n’est modifié`);
  } else {
    const missing = division.mefCodes.filter((m) => !existing.formations.includes(m));
    const extra = existing.formations.filter((m) => !division.mefCodes.includes(m));
    for (const formationCode of missing) commands.push({ type: 'AssignFormation', payload: { ...ref, formationCode } });
    if (missing.length > 0) messages.push(`MEF ${list(missing)} ajouté(s) à la classe`);
    if (extra.length > 0) {
      differs = true;
      messages.push(`MEF ${list(extra)} de la classe absent(s) de SIECLE : non retiré(s), à vérifier`);
    }
    if (contract && existing.contractType === undefined) {
      commands.push({ type: 'SetClassContract', payload: { ...ref, contractType: contract } });
      messages.push(`${CONTRACT_LABELS[contract]} renseigné`);
    } else if (contract && existing.contractType !== contract) {
      differs = true;
      messages.push(
        `${CONTRACT_LABELS[contract]} dans SIECLE, ${CONTRACT_LABELS[existing.contractType as Contract]} dans Liaison : non modifié, à vérifier`,
      );
    }
    if (division.label !== undefined && existing.label !== undefined && existing.label !== division.label) {
      messages.push(`libellé « ${division.label} » dans le fichier, « ${existing.label} » dans Liaison : non modifié`);
    }
    if (commands.length === 0 && !differs) messages.unshift('classe à jour');
  }
  if (referenceChanged && commands.length === 0 && existing)
    messages.push('division enregistrée dans les données de référence SIECLE');
  const outcome: ImportRow['outcome'] = !existing ? 'create' : commands.length > 0 || referenceChanged ? 'update' : 'unchanged';
  return {
    row: { ...base, outcome, message: messages.join(' ; '), ...(commands.length > 0 ? { commands } : {}) },
    referenceChanged,
    differs,
  };
}

/**
 * The rows of a structures file (`Structures.xml` or `sts_emp`): one per division — the class
 * of that code is created with its MEFs when missing; missing MEFs are assigned to an existing
 * class; MEFs or a contract that differ are reported, never removed or replaced — and one per
 * group, which stays reference data (a group is not a class). A division whose MEF the year
 * does not know is rejected. The divisions and groups themselves are declared as reference
 * data (`DeclareSiecleStructures`) on the first row that creates or updates something.
 */
export function structureRows(
  divisions: readonly Division[],
  groups: readonly Group[],
  snapshot: SchoolSnapshot,
  target: Target,
): { rows: ImportRow[]; notes: string[] } {
  const reference = referenceStateOf(snapshot);
  const classes = new Map(snapshot.classes.map((c) => [c.classCode, c]));
  const notes: string[] = [];

  // A file that does not give a field (sts_emp has no CODE_CONTRAT) keeps what another file said.
  const divisionPlans = divisions.map((d) => {
    const known = reference.divisions[d.code];
    const normalised = normaliseDivision({
      ...d,
      ...(d.label === undefined && known?.label !== undefined ? { label: known.label } : {}),
      ...(d.contract === undefined && known?.contract !== undefined ? { contract: known.contract } : {}),
    });
    return {
      division: normalised,
      plan: planDivision(normalised, classes.get(d.code), snapshot, target, !known || !sameReference(known, normalised)),
    };
  });
  const groupPlans = groups.map((g) => {
    const known = reference.groups[g.code];
    const normalised = normaliseDivision({
      ...g,
      ...(g.label === undefined && known?.label !== undefined ? { label: known.label } : {}),
      ...(g.contract === undefined && known?.contract !== undefined ? { contract: known.contract } : {}),
    });
    const outcome: ImportRow['outcome'] = !known ? 'create' : sameReference(known, normalised) ? 'unchanged' : 'update';
    const parts = [
      normalised.mefCodes.length > 0 ? `MEF ${list(normalised.mefCodes)}` : 'sans MEF',
      normalised.divisionCodes.length > 0 ? `divisions ${list(normalised.divisionCodes)}` : 'sans division',
    ];
    const row: ImportRow = {
      ref: `groupe ${g.code}`,
      outcome,
      subject: g.label ? `${g.label} (${g.code})` : g.code,
      message: `groupe gardé comme donnée de référence, pas comme classe : ${parts.join(', ')}`,
    };
    return { group: normalised, row };
  });

  const declaredDivisions = divisionPlans.filter((p) => p.plan.referenceChanged).map((p) => p.division);
  const declaredGroups = groupPlans.filter((p) => p.row.outcome !== 'unchanged').map((p) => p.group);
  const rows = [...divisionPlans.map((p) => p.plan.row), ...groupPlans.map((p) => p.row)];
  if (declaredDivisions.length + declaredGroups.length > 0) {
    const carrier = rows.find((r) => r.outcome === 'create' || r.outcome === 'update');
    const command: Command = {
      type: 'DeclareSiecleStructures',
      payload: { ...target, divisions: declaredDivisions, groups: declaredGroups },
    };
    if (carrier) carrier.commands = [command, ...(carrier.commands ?? [])];
  }

  const inFile = new Set(divisions.map((d) => d.code));
  const absent = snapshot.classes.filter(
    (c) => c.classCode !== undefined && !inFile.has(c.classCode) && c.closedOn === undefined,
  );
  if (absent.length > 0) {
    notes.push(
      `classe(s) de Liaison absente(s) du fichier, non supprimée(s) : ${list(absent.map((c) => c.classCode as string))}`,
    );
  }
  const differing = divisionPlans.filter((p) => p.plan.differs).map((p) => p.division.code);
  if (differing.length > 0) notes.push(`division(s) dont la classe diffère de SIECLE, à vérifier : ${list(differing)}`);
  const unknownContracts = divisions.filter((d) => d.contract !== undefined && CONTRACTS[d.contract] === undefined);
  if (unknownContracts.length > 0) {
    notes.push(
      `CODE_CONTRAT inconnu (1 ou 3 attendu), ignoré pour : ${list(unknownContracts.map((d) => `${d.code} (${d.contract})`))}`,
    );
  }
  if (!snapshot.schoolYear.opened) {
    notes.push(`l’année ${schoolYearLabel(target.year)} n’est pas ouverte : ouvrez-la avant d’en importer les structures`);
  }
  return { rows, notes };
}
