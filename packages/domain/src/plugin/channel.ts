import { type SchoolSnapshot } from './school-snapshot';

/**
 * What the server lends an exchange channel (a web service standing for files): the same
 * imports and exports the file path uses, so both paths share controls, reports and ledger.
 */
export interface ChannelContext {
  uai: string;
  year: number;
  /** The live snapshot (re-read after each import or export). */
  snapshot(): Promise<SchoolSnapshot>;
  /** Runs an importer on bytes received from the service; returns the import report. */
  importFile(formatId: string, file: { name: string; bytes: Uint8Array }): Promise<unknown>;
  /** Produces an export (controls, ledger, kept copy) and returns its files' bytes. */
  produceExport(formatId: string): Promise<{ exportId: string; files: Array<{ path: string; bytes: Uint8Array }> }>;
  /** Endpoint, credentials, timeouts: from the server's configuration, never from the plugin. */
  config: Record<string, string | undefined>;
  /** Progress lines for the user, in French. */
  log(message: string): void;
}

export interface ChannelReport {
  status: 'done' | 'pending' | 'failed';
  /** French lines telling what happened. */
  steps: string[];
  details?: Record<string, unknown>;
}

/**
 * One configuration value of a channel: the server reads it from the environment variable
 * (endpoints and credentials belong to the installation, never to the plugin's code).
 */
export interface ChannelSetting {
  /** Its key in `ChannelContext.config`. */
  key: string;
  /** `LIAISON_<CHANNEL>_<NAME>`. */
  variable: string;
  /** Without it the channel does not run (the CLI exits 2, HTTP answers 503). */
  required?: boolean;
  /** French, for `liaison formats` and the docs. */
  description: string;
}

/** An exchange done over a network service instead of files (SIECLE's web service, "OMOGEN"). */
export interface ExchangeChannel {
  readonly id: string;
  readonly displayName: string;
  readonly status: 'official' | 'adapter';
  /** The actions `run` accepts (`pull`, `send`…), for the CLI and the API. */
  readonly actions: readonly string[];
  readonly settings?: readonly ChannelSetting[];
  run(context: ChannelContext, options: { action: string }): Promise<ChannelReport>;
}
