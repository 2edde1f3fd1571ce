import { type ChannelContext, type ChannelReport, type ExchangeChannel } from '@liaison/domain';
import { IMPORT_PRIVE_FORMAT_ID } from '../export/format-ids';
import { ELEVES_FORMAT_ID, RESPONSABLES_FORMAT_ID } from '../imports/format-ids';
import { OmogenClient, OmogenError } from './omogen-client';

export const OMOGEN_CHANNEL_ID = 'siecle.omogen';

/** The SIECLE exports pulled, in order, and the importer each goes through. */
export const PULLED_EXPORTS = [
  { name: 'ElevesSansAdresses', formatId: ELEVES_FORMAT_ID },
  { name: 'ResponsablesAvecAdresses', formatId: RESPONSABLES_FORMAT_ID },
] as const;

/** Configuration keys the server lends (from `LIAISON_OMOGEN_*`). */
export interface OmogenConfig {
  url?: string;
  token?: string;
  auth?: string;
  timeoutMs?: string;
  retries?: string;
  pollDeadlineMs?: string;
  pollIntervalMs?: string;
}

const number = (value: string | undefined, fallback: number) => {
  const n = value === undefined ? NaN : Number(value);
  return Number.isFinite(n) && n >= 0 ? n : fallback;
};

export function clientOf(config: Record<string, string | undefined>): OmogenClient {
  if (!config.url) throw new OmogenError('adresse du service SIECLE non configurée (LIAISON_OMOGEN_URL)');
  return new OmogenClient({
    baseUrl: config.url,
    ...(config.token ? { token: config.token } : {}),
    auth: config.auth === 'basic' ? 'basic' : 'bearer',
    timeoutMs: number(config.timeoutMs, 30_000),
    retries: number(config.retries, 2),
  });
}

const countsOf = (report: unknown): string => {
  const r = report as { status?: string; counts?: Record<string, number> } | undefined;
  if (!r?.counts) return '';
  const counts = Object.entries(r.counts)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  return `${r.status === 'already-imported' ? ' (déjà importé)' : ''}${counts ? ` : ${counts}` : ''}`;
};

async function pull(context: ChannelContext, client: OmogenClient, steps: string[]): Promise<Record<string, unknown>> {
  const imports: Record<string, unknown> = {};
  for (const { name, formatId } of PULLED_EXPORTS) {
    context.log(`Récupération de ${name} auprès de SIECLE…`);
    const bytes = await client.pullExport(name);
    steps.push(`${name} récupéré (${bytes.length} octets)`);
    const report = await context.importFile(formatId, { name: `${name}.xml`, bytes });
    imports[formatId] = report;
    steps.push(`${name} importé (${formatId})${countsOf(report)}`);
  }
  return imports;
}

async function send(
  context: ChannelContext,
  client: OmogenClient,
  steps: string[],
): Promise<{ status: ChannelReport['status']; details: Record<string, unknown> }> {
  context.log('Production de l’import des élèves pour SIECLE…');
  const produced = await context.produceExport(IMPORT_PRIVE_FORMAT_ID);
  steps.push(`Export ${produced.exportId} produit (${produced.files.length} fichier(s))`);
  const acknowledgements: Array<{ path: string; id: string; status: string; report?: string }> = [];
  let status: ChannelReport['status'] = 'done';
  for (const file of produced.files) {
    const fileName = file.path.split('/').pop() ?? file.path;
    context.log(`Envoi de ${fileName} à SIECLE…`);
    const id = await client.pushImport(fileName, file.bytes);
    steps.push(`${fileName} envoyé ; accusé de réception ${id}`);
    const ack = await client.pollAcknowledgement(id, {
      deadlineMs: number(context.config.pollDeadlineMs, 60_000),
      intervalMs: number(context.config.pollIntervalMs, 1_000),
    });
    acknowledgements.push({ path: file.path, id, status: ack.status, ...(ack.report ? { report: ack.report } : {}) });
    if (ack.status === 'integrated') steps.push(`${fileName} intégré par SIECLE`);
    else if (ack.status === 'rejected') {
      steps.push(`${fileName} rejeté par SIECLE${ack.report ? ` : ${ack.report}` : ''} ; nos données sont inchangées`);
      status = 'failed';
    } else {
      steps.push(`${fileName} toujours en attente d’intégration : relancez plus tard (accusé ${id})`);
      if (status === 'done') status = 'pending';
    }
  }
  return { status, details: { exportId: produced.exportId, acknowledgements } };
}

/**
 * SIECLE's web service as an exchange channel (adapter: the service is not public, see
 * docs/formats/omogen.md). `pull` imports ElevesSansAdresses and ResponsablesAvecAdresses
 * (ELEVE_ID, INE, family ids) through the usual importers; `send` produces the private import
 * (recorded in the ledger as any export) and pushes it, then polls the acknowledgement: a
 * rejection or a timeout is only reported, nothing else is recorded; `sync` does both.
 */
export const omogenChannel: ExchangeChannel = {
  id: OMOGEN_CHANNEL_ID,
  displayName: 'SIECLE — service web (OMOGEN, hypothèse)',
  status: 'adapter',
  actions: ['pull', 'send', 'sync'],
  settings: [
    { key: 'url', variable: 'LIAISON_OMOGEN_URL', required: true, description: 'adresse de base du service' },
    { key: 'token', variable: 'LIAISON_OMOGEN_TOKEN', description: 'jeton (ou « utilisateur:mot de passe » en Basic)' },
    { key: 'auth', variable: 'LIAISON_OMOGEN_AUTH', description: '« bearer » (défaut) ou « basic »' },
    { key: 'timeoutMs', variable: 'LIAISON_OMOGEN_TIMEOUT_MS', description: 'délai par requête en ms (défaut 30 000)' },
    {
      key: 'retries',
      variable: 'LIAISON_OMOGEN_RETRIES',
      description: 'nouvelles tentatives après une erreur réseau ou 5xx (défaut 2)',
    },
    {
      key: 'pollDeadlineMs',
      variable: 'LIAISON_OMOGEN_POLL_DEADLINE_MS',
      description: 'attente maximale de l’accusé de traitement en ms (défaut 60 000)',
    },
    {
      key: 'pollIntervalMs',
      variable: 'LIAISON_OMOGEN_POLL_INTERVAL_MS',
      description: 'intervalle d’interrogation en ms (défaut 1 000)',
    },
  ],
  async run(context, { action }): Promise<ChannelReport> {
    const steps: string[] = [];
    if (action !== 'pull' && action !== 'send' && action !== 'sync')
      return { status: 'failed', steps: [`action « ${action} » inconnue : pull, send ou sync`] };
    try {
      const client = clientOf(context.config);
      const details: Record<string, unknown> = {};
      if (action === 'pull' || action === 'sync') details.imports = await pull(context, client, steps);
      if (action === 'pull') return { status: 'done', steps, details };
      const sent = await send(context, client, steps);
      return { status: sent.status, steps, details: { ...details, ...sent.details } };
    } catch (error) {
      steps.push(`Échec : ${(error as Error)?.message ?? String(error)}`);
      return { status: 'failed', steps };
    }
  },
};
