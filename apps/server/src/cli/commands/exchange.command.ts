import { type Command } from 'commander';
import {
  ChannelConfigMissingError,
  ChannelService,
  UnknownChannelActionError,
  UnknownChannelError,
} from '../../exchanges/channel-service';
import { withAppContext } from '../app-context';
import { CliError, ExitCode } from '../exit-codes';
import { type CommonOptions, requireActor, resolveDbPath, withCommonOptions } from '../options';
import { Output } from '../output';
import { type SchoolOptions, withSchoolOptions } from '../school-options';

type ExchangeOptions = CommonOptions & SchoolOptions;

const STATUS_LABELS = { done: 'terminé', pending: 'en attente', failed: 'échoué' } as const;

/** Exit code of a missing channel configuration. */
export const CONFIG_MISSING_EXIT_CODE = 2;

export function registerExchangeCommand(program: Command): void {
  withCommonOptions(
    withSchoolOptions(
      program
        .command('exchange')
        .description('échange par un service web (canal) : code 1 si l’échange échoue, 2 si le canal n’est pas configuré')
        .argument('<channel>', 'identifiant du canal (ex. siecle.omogen)')
        .argument('<action>', 'action du canal (siecle.omogen : pull, send ou sync)'),
    ),
    { actor: true },
  ).action(async (channelId: string, action: string, options: ExchangeOptions) => {
    const out = new Output(Boolean(options.json));
    const actor = requireActor(options);
    const report = await withAppContext(resolveDbPath(options), async (_app, kernel) => {
      try {
        return await new ChannelService(kernel).run({
          channelId,
          action,
          uai: options.uai,
          year: options.year,
          actor,
          log: (message) => {
            if (!options.json) process.stderr.write(`${message}\n`);
          },
        });
      } catch (error) {
        if (error instanceof ChannelConfigMissingError)
          throw new CliError(error.message, CONFIG_MISSING_EXIT_CODE, { channel: error.channelId, missing: error.variables });
        if (error instanceof UnknownChannelError || error instanceof UnknownChannelActionError)
          throw new CliError(error.message, ExitCode.rejected);
        throw error;
      }
    });
    out.data({ channel: channelId, action, ...report });
    out.line(`Échange ${channelId} ${action} : ${STATUS_LABELS[report.status]}`);
    for (const step of report.steps) out.line(`  ${step}`);
    if (report.status === 'failed') process.exitCode = ExitCode.rejected;
  });
}
