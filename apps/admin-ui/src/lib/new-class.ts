import { command, type UiCommand } from '../api/commands';

export interface NewClassDraft {
  classCode: string;
  label: string;
  rectoratCode: string;
  contractType: string;
  classType: string;
  formations: string[];
}

/** The class created with what the form already says of it, as one batch (all or nothing). */
export function newClassCommands(draft: NewClassDraft, ref: { uai: string; year: number }): UiCommand[] {
  const cls = { ...ref, classCode: draft.classCode.trim() };
  const out: UiCommand[] = [command('CreateClass', { ...cls, label: draft.label.trim() || cls.classCode })];
  if (draft.rectoratCode.trim()) out.push(command('CodeClass', { ...cls, rectoratCode: draft.rectoratCode.trim() }));
  if (draft.contractType) out.push(command('SetClassContract', { ...cls, contractType: draft.contractType as 'association' }));
  if (draft.classType) out.push(command('SetClassType', { ...cls, classType: draft.classType }));
  for (const formationCode of draft.formations) out.push(command('AssignFormation', { ...cls, formationCode }));
  return out;
}
