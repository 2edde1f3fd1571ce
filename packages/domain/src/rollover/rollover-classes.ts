import { type ClassState } from '../class/class-state';
import { type Command } from '../commands/command';
import { schoolYearLabel } from '../values';
import { type NextNomenclature } from './rollover-nomenclature';
import { type CarriedClass } from './rollover-plan';

/** What the pupils' placement needs to know of a class of Y+1. */
export interface NextClass {
  classCode: string;
  formations: string[];
  closed: boolean;
}

/**
 * `--carry-classes`: each open class of Y whose code Y+1 does not have is created in Y+1 with
 * its label, code rectorat, contract, type and formations. A formation or class type Y+1's
 * nomenclature does not know is left out with a warning, rather than failing the whole run.
 */
export function carryClasses(
  uai: string,
  fromYear: number,
  fromClasses: readonly ClassState[],
  nextClasses: readonly ClassState[],
  nomenclature: NextNomenclature,
  carry: boolean,
): { carried: CarriedClass[]; classes: Map<string, NextClass>; commands: Command[]; warnings: string[] } {
  const toYear = fromYear + 1;
  const classes = new Map<string, NextClass>(
    nextClasses
      .filter((c) => c.created && c.classCode !== undefined)
      .map((c) => [c.classCode!, { classCode: c.classCode!, formations: [...c.formations], closed: c.closedOn !== undefined }]),
  );
  const carried: CarriedClass[] = [];
  const commands: Command[] = [];
  const warnings: string[] = [];
  if (!carry) return { carried, classes, commands, warnings };
  for (const c of fromClasses) {
    if (!c.created || c.classCode === undefined || c.closedOn !== undefined || classes.has(c.classCode)) continue;
    const ref = { uai, year: toYear, classCode: c.classCode };
    const formations = c.formations.filter((f) => Object.hasOwn(nomenclature.formations, f));
    for (const f of c.formations.filter((code) => !formations.includes(code))) {
      warnings.push(
        `classe ${c.classCode} : la formation ${f} n’est pas dans la nomenclature de ${schoolYearLabel(toYear)}, elle n’est pas reprise`,
      );
    }
    const classType = c.classType !== undefined && Object.hasOwn(nomenclature.classTypes, c.classType) ? c.classType : undefined;
    if (c.classType !== undefined && classType === undefined) {
      warnings.push(
        `classe ${c.classCode} : le type de classe ${c.classType} n’est pas dans la nomenclature de ${schoolYearLabel(toYear)}, il n’est pas repris`,
      );
    }
    commands.push({ type: 'CreateClass', payload: { ...ref, label: c.label ?? c.classCode } });
    if (c.rectoratCode !== undefined) commands.push({ type: 'CodeClass', payload: { ...ref, rectoratCode: c.rectoratCode } });
    if (c.contractType !== undefined)
      commands.push({ type: 'SetClassContract', payload: { ...ref, contractType: c.contractType } });
    if (classType !== undefined) commands.push({ type: 'SetClassType', payload: { ...ref, classType } });
    for (const formationCode of formations) commands.push({ type: 'AssignFormation', payload: { ...ref, formationCode } });
    carried.push({
      classCode: c.classCode,
      label: c.label ?? c.classCode,
      ...(c.rectoratCode === undefined ? {} : { rectoratCode: c.rectoratCode }),
      ...(c.contractType === undefined ? {} : { contractType: c.contractType }),
      ...(classType === undefined ? {} : { classType }),
      formations,
    });
    classes.set(c.classCode, { classCode: c.classCode, formations, closed: false });
  }
  return { carried, classes, commands, warnings };
}
