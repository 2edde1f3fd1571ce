import { type CommandDefinition, defineCommand } from '../commands/command';
import { deciderFor } from '../decider';
import { streamIds } from '../streams';
import { yearAggregate } from '../year/year-evolve';
import { type ClassCommand, classDecider } from './class-decider';
import { classHeadCountLookup } from './class-lookups';
import {
  assignFormationPayload,
  closeClassPayload,
  codeClassPayload,
  createClassPayload,
  renameClassPayload,
  setClassContractPayload,
  setClassTypePayload,
  unassignFormationPayload,
} from './class-payloads';

type ClassRef = { uai: string; year: number; classCode: string };

const classStream = (p: ClassRef) => streamIds.class(p.uai, p.year, p.classCode);
/** Every class command reads its year: open or not, and its nomenclatures. */
const yearContext = (p: ClassRef) => ({ year: { streamId: streamIds.year(p.uai, p.year), aggregate: yearAggregate } });

const classCommand = <TType extends ClassCommand['type']>(
  type: TType,
  payload: CommandDefinition<Extract<ClassCommand, { type: TType }>['payload']>['payload'],
) =>
  defineCommand({
    type,
    payload,
    decider: deciderFor(classDecider, type),
    streamId: classStream,
    context: yearContext,
  });

export const CreateClassCommand = classCommand('CreateClass', createClassPayload);
export const RenameClassCommand = classCommand('RenameClass', renameClassPayload);
export const CloseClassCommand = defineCommand({
  type: 'CloseClass',
  payload: closeClassPayload,
  decider: deciderFor(classDecider, 'CloseClass'),
  streamId: classStream,
  context: yearContext,
  lookups: (p) => ({ headCount: classHeadCountLookup(p.uai, p.year, p.classCode) }),
});
export const CodeClassCommand = classCommand('CodeClass', codeClassPayload);
export const SetClassContractCommand = classCommand('SetClassContract', setClassContractPayload);
export const SetClassTypeCommand = classCommand('SetClassType', setClassTypePayload);
export const AssignFormationCommand = classCommand('AssignFormation', assignFormationPayload);
export const UnassignFormationCommand = classCommand('UnassignFormation', unassignFormationPayload);

/** The class's command types, in the order of PRODUCT.md's table, then rename and close. */
export const classCommands: CommandDefinition[] = [
  CreateClassCommand,
  CodeClassCommand,
  SetClassContractCommand,
  SetClassTypeCommand,
  AssignFormationCommand,
  UnassignFormationCommand,
  RenameClassCommand,
  CloseClassCommand,
];
