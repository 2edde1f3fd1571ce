import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, type CommandResult } from '../commands/command-pipeline';
import { type Kernel } from '../kernel/kernel';
import { KERNEL } from '../nest/tokens';

/** One domain command `{type, payload}` as received, with who sends it. */
export class ExecuteDomainCommand extends Command<CommandResult> {
  constructor(
    readonly raw: unknown,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ExecuteDomainCommand)
export class ExecuteDomainCommandHandler implements ICommandHandler<ExecuteDomainCommand> {
  constructor(@Inject(KERNEL) private readonly kernel: Kernel) {}

  execute(command: ExecuteDomainCommand): Promise<CommandResult> {
    return this.kernel.pipeline.execute(command.raw, command.context);
  }
}
