import { type ChannelContext, type ChannelReport, type ExchangeChannel } from '@liaison/domain';
import { type Kernel } from '../kernel/kernel';
import { exportDirOf } from './export-service';
import { ImportRefusedError } from './import-service';
import { loadSnapshot } from './snapshot-loader';

/** A channel's configuration: each setting it declares, read from the server's environment. */
export function channelConfigFromEnv(
  channel: ExchangeChannel,
  env: NodeJS.ProcessEnv = process.env,
): Record<string, string | undefined> {
  return Object.fromEntries((channel.settings ?? []).map((s) => [s.key, env[s.variable] || undefined]));
}

/** A channel's missing configuration, in French. */
export class ChannelConfigMissingError extends Error {
  constructor(
    readonly channelId: string,
    readonly variables: string[],
  ) {
    super(`canal ${channelId} non configuré : définissez ${variables.join(', ')}`);
    this.name = 'ChannelConfigMissingError';
  }
}

export class UnknownChannelError extends Error {
  constructor(channelId: string, known: string[]) {
    super(`canal d’échange inconnu : « ${channelId} » (canaux disponibles : ${known.length > 0 ? known.join(', ') : 'aucun'})`);
    this.name = 'UnknownChannelError';
  }
}

export class UnknownChannelActionError extends Error {
  constructor(channelId: string, action: string, actions: readonly string[]) {
    super(`action « ${action} » inconnue pour le canal ${channelId} (actions : ${actions.join(', ')})`);
    this.name = 'UnknownChannelActionError';
  }
}

export interface ChannelRunRequest {
  channelId: string;
  action: string;
  uai: string;
  year: number;
  actor: string;
  /** Defaults to the server's environment. */
  config?: Record<string, string | undefined>;
  /** Export folder; defaults to `$LIAISON_EXPORT_DIR`, else `./Export`. */
  outDir?: string;
  log?: (message: string) => void;
}

/**
 * Runs the exchange channels plugins declare (web services standing for files), lending them
 * the same imports and exports as the file path: same controls, reports and ledger.
 */
export class ChannelService {
  constructor(private readonly kernel: Kernel) {}

  channels(): ExchangeChannel[] {
    return this.kernel.plugins.plugins.flatMap((p) => p.channels ?? []);
  }

  channel(channelId: string): ExchangeChannel {
    const channels = this.channels();
    const channel = channels.find((c) => c.id === channelId);
    if (!channel)
      throw new UnknownChannelError(
        channelId,
        channels.map((c) => c.id),
      );
    return channel;
  }

  context(request: Omit<ChannelRunRequest, 'channelId' | 'action'>): ChannelContext {
    const { kernel } = this;
    const { uai, year, actor } = request;
    const outDir = exportDirOf(request.outDir);
    return {
      uai,
      year,
      config: request.config ?? {},
      log: request.log ?? (() => undefined),
      snapshot: () => loadSnapshot(kernel, uai, year),
      async importFile(formatId, file) {
        try {
          return await kernel.imports.run({ formatId, uai, year, file, skipRejected: false, actor });
        } catch (error) {
          if (error instanceof ImportRefusedError)
            throw new Error(`import ${formatId} de « ${file.name} » refusé : rien n’a été écrit`, { cause: error });
          throw error;
        }
      },
      async produceExport(formatId) {
        const { manifest } = await kernel.exports.produce({ formatId, uai, year, outDir, actor, source: 'channel' });
        const files = manifest.files.map((f) => {
          const kept = kernel.exports.keptFile(manifest.exportId, f.name);
          if (!kept) throw new Error(`export ${manifest.exportId} : fichier « ${f.name} » introuvable`);
          return { path: kept.path, bytes: kept.bytes };
        });
        return { exportId: manifest.exportId, files };
      },
    };
  }

  async run(request: ChannelRunRequest): Promise<ChannelReport> {
    const channel = this.channel(request.channelId);
    if (!channel.actions.includes(request.action)) {
      throw new UnknownChannelActionError(channel.id, request.action, channel.actions);
    }
    const config = request.config ?? channelConfigFromEnv(channel);
    const missing = (channel.settings ?? []).filter((s) => s.required && !config[s.key]).map((s) => s.variable);
    if (missing.length > 0) throw new ChannelConfigMissingError(channel.id, missing);
    return channel.run(this.context({ ...request, config }), { action: request.action });
  }
}
