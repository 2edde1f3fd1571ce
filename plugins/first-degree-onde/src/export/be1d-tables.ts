import { type GuardianAddress, type SchoolSnapshot, isValidIsoDate, toFrenchDate } from '@liaison/domain';
import { countryLabel, FRANCE } from '../labels/countries';
import { cycleOf } from '../labels/cycles';
import { type OndeLabelTables } from '../options';
import { classEntity, pupilEntity } from '../school/entities';
import { exportedGuardians } from '../school/exported-guardians';
import { levelOf } from '../school/pupil-level';
import { type PupilScope, type ScopedPupil } from '../school/pupil-scope';
import { compareText, normaliseName, toUpperLabel } from '../text/normalise';
import { type Cell, cell, type CellSource, constant, type Table } from './table';
import { CHILD_COLUMNS, GUARDIAN_COLUMNS, GUARDIANS_FILE, PUPIL_COLUMNS, PUPILS_FILE } from './columns';

// ONDE prints booleans so; without data we say « Non »: nothing is attested or authorised by default.
const NO = 'Non';
const YES = 'Oui';

const frenchDate = (iso: string | undefined) => (iso !== undefined && isValidIsoDate(iso) ? toFrenchDate(iso) : undefined);
const upper = (value: string | undefined) => value?.toUpperCase();
const joinAddress = (address: GuardianAddress | undefined) =>
  address ? [address.line1, address.line2].filter((part) => part !== undefined && part !== '').join(' ') : undefined;

function sameAddress(a: GuardianAddress | undefined, b: GuardianAddress | undefined): boolean {
  if (!a || !b) return a === b;
  const key = (x: GuardianAddress) =>
    [x.line1, x.line2 ?? '', x.postalCode ?? '', x.commune, x.country].map(normaliseName).join('|');
  return key(a) === key(b);
}

function languageLabel(snapshot: SchoolSnapshot, code: string | undefined): string | undefined {
  if (code === undefined) return undefined;
  const entry = Object.hasOwn(snapshot.schoolYear.languages, code) ? snapshot.schoolYear.languages[code] : undefined;
  return entry ? toUpperLabel(entry.label) : undefined;
}

/** The address columns of one guardian (Adresse, Cp, Commune, Pays), traced to the guardian's fields. */
function addressCells(snapshot: SchoolSnapshot, guardianId: string | undefined, entity: CellSource['entity']): Cell[] {
  const address = guardianId === undefined ? undefined : snapshot.guardians[guardianId]?.person?.address;
  const at = (field: string, value?: string): CellSource => ({
    entity,
    field: `guardians.${guardianId}.address.${field}`,
    ...(value === undefined ? {} : { value }),
  });
  return [
    cell(joinAddress(address), at('line1', address?.line1 ?? ''), at('line2', address?.line2 ?? '')),
    cell(address?.postalCode, at('postalCode')),
    cell(address?.commune, at('commune')),
    cell(countryLabel(address?.country)),
  ];
}

function pupilRow(snapshot: SchoolSnapshot, p: ScopedPupil, tables: OndeLabelTables): Cell[] {
  const entity = pupilEntity(p);
  const at = (field: string): CellSource => ({ entity, field });
  const yearField = (field: string) => at(`years.${snapshot.year}.${field}`);
  const identity = p.pupil.identity;
  const level = levelOf(p);
  const cycle = level === undefined ? undefined : cycleOf(level, snapshot.schoolYear);
  const klass = p.klass;
  const classLabel: CellSource[] = klass ? [{ entity: classEntity(klass), field: 'label' }] : [];
  const rectoratCode: CellSource[] = klass ? [{ entity: classEntity(klass), field: 'rectoratCode' }] : [];
  const guardians = exportedGuardians(p.pupil);
  const first = guardians[0]?.guardianId;
  const firstAddress = first === undefined ? undefined : snapshot.guardians[first]?.person?.address;
  // The second address is written only when it differs (FORMAT.md §9.3, columns 11–14).
  const second = guardians
    .slice(1)
    .find((g) => !sameAddress(snapshot.guardians[g.guardianId]?.person?.address, firstAddress))?.guardianId;
  const birthPlace = identity?.birthPlace;
  return [
    cell(upper(identity?.lastName), at('identity.lastName')),
    cell(upper(identity?.usageName), at('identity.usageName')),
    cell(identity?.firstName, at('identity.firstName')),
    cell(frenchDate(identity?.birthDate)),
    cell(identity?.sex),
    cell(p.pupil.ine, at('ine')),
    ...addressCells(snapshot, first, entity),
    ...(second === undefined ? [constant(''), constant(''), constant(''), constant('')] : addressCells(snapshot, second, entity)),
    cell(cycle === undefined ? undefined : tables.cycleLabels[cycle]),
    cell(level, yearField('formationCode')),
    cell(klass?.label, ...classLabel),
    constant(''),
    constant(NO),
    constant(NO),
    constant(NO),
    constant(''),
    cell(identity?.firstName2, at('identity.firstName2')),
    cell(identity?.firstName3, at('identity.firstName3')),
    cell(birthPlace?.city, at('identity.birthPlace.city')),
    cell(birthPlace?.country === FRANCE ? birthPlace.department : undefined, at('identity.birthPlace.department')),
    cell(countryLabel(birthPlace?.country)),
    cell(frenchDate(p.year.entryDate)),
    cell(p.year.dispositifs.join(','), yearField('dispositifs')),
    cell(identity?.previousSchool?.uai, at('identity.previousSchool.uai')),
    cell(languageLabel(snapshot, p.year.lv1)),
    cell(languageLabel(snapshot, p.year.lv2)),
    cell(klass?.contractType === undefined ? undefined : tables.contractLabels[klass.contractType]),
    cell(level === undefined ? undefined : (tables.levelCodes[level] ?? level), yearField('formationCode')),
    cell(klass?.rectoratCode, ...rectoratCode),
    cell(p.year.status === 'sorti' ? frenchDate(p.year.exitDate) : undefined),
  ];
}

interface GuardianChild {
  pupil: ScopedPupil;
  link: string;
  parentalAuthority: boolean;
}

function guardianRow(
  snapshot: SchoolSnapshot,
  guardianId: string,
  children: GuardianChild[],
  groups: number,
  tables: OndeLabelTables,
): Cell[] {
  const person = snapshot.guardians[guardianId]?.person;
  // A guardian's value is fixed on the guardian, but each child's record is where a user fixes it.
  const at = (field: string, value?: string): CellSource[] =>
    children.map((c) => ({
      entity: pupilEntity(c.pupil),
      field: `guardians.${guardianId}.${field}`,
      ...(value === undefined ? {} : { value }),
    }));
  const address = person?.address;
  const row: Cell[] = [
    cell(person?.civility),
    cell(upper(person?.usageName), ...at('usageName')),
    cell(upper(person?.lastName), ...at('lastName')),
    cell(person?.firstName, ...at('firstName')),
    cell(joinAddress(address), ...at('address.line1', address?.line1 ?? ''), ...at('address.line2', address?.line2 ?? '')),
    cell(address?.postalCode, ...at('address.postalCode')),
    cell(address?.commune, ...at('address.commune')),
    cell(countryLabel(address?.country)),
    cell(person?.email, ...at('email')),
    cell(person?.phone, ...at('phone')),
    constant(''),
    cell(person?.mobile, ...at('mobile')),
  ];
  for (const child of children) {
    const identity = child.pupil.pupil.identity;
    const entity = pupilEntity(child.pupil);
    const klass = child.pupil.klass;
    row.push(
      cell(upper(identity?.usageName), { entity, field: 'identity.usageName' }),
      cell(upper(identity?.lastName), { entity, field: 'identity.lastName' }),
      cell(identity?.firstName, { entity, field: 'identity.firstName' }),
      cell(klass?.label, ...(klass ? [{ entity: classEntity(klass), field: 'label' }] : [])),
      cell(tables.linkLabels[child.link]),
      constant(child.parentalAuthority ? YES : NO),
    );
  }
  // Shorter rows are padded: every row has as many fields as the header (FORMAT.md §9.2).
  for (let k = children.length; k < groups; k += 1) row.push(...CHILD_COLUMNS.map(() => constant('')));
  return row;
}

export interface Be1dTables {
  pupils: Table;
  guardians: Table;
}

/**
 * The two files of the `<UAI>.zip` as cells, before encoding. Pure and total: missing data
 * gives empty cells (the control has flagged it), so the control can run the very cells the
 * writer would write — the Latin-9 check sees exactly what will be encoded.
 */
export function be1dTables(snapshot: SchoolSnapshot, scope: PupilScope, tables: OndeLabelTables): Be1dTables {
  const pupils: Table = {
    name: PUPILS_FILE,
    header: PUPIL_COLUMNS,
    rows: scope.checked.map((p) => pupilRow(snapshot, p, tables)),
  };

  // Guardians of exported pupils only: ONDE refuses a guardian whose children have no class (§8 rule 9).
  const childrenOf = new Map<string, GuardianChild[]>();
  for (const p of scope.checked) {
    for (const { guardianId, relation } of exportedGuardians(p.pupil)) {
      const list = childrenOf.get(guardianId) ?? [];
      list.push({ pupil: p, link: relation.link, parentalAuthority: relation.parentalAuthority === true });
      childrenOf.set(guardianId, list);
    }
  }
  const guardianIds = [...childrenOf.keys()].sort(compareText);
  const groups = Math.max(1, ...[...childrenOf.values()].map((c) => c.length));
  const header: string[] = [...GUARDIAN_COLUMNS];
  for (let k = 0; k < groups; k += 1) header.push(...CHILD_COLUMNS);
  const guardians: Table = {
    name: GUARDIANS_FILE,
    header,
    rows: guardianIds.map((id) => guardianRow(snapshot, id, childrenOf.get(id) ?? [], groups, tables)),
  };
  return { pupils, guardians };
}
