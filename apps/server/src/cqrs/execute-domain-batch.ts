import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, type CommandResult } from '../commands/command-pipeline';
import { type Kernel } from '../kernel/kernel';
import { KERNEL } from '../nest/tokens';

/**
 * Several domain commands that stand or fall together (a pupil registered and enrolled, a class
 * created with its formation): one transaction, the first refusal writes nothing.
 */
export class ExecuteDomainBatch extends Command<CommandResult[]> {
  constructor(
    readonly raws: readonly unknown[],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ExecuteDomainBatch)
export class ExecuteDomainBatchHandler implements ICommandHandler<ExecuteDomainBatch> {
  constructor(@Inject(KERNEL) private readonly kernel: Kernel) {}

  execute(command: ExecuteDomainBatch): Promise<CommandResult[]> {
    return this.kernel.pipeline.executeBatch(command.raws, command.context);
  }
}
