import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kernel } from '../kernel/kernel';
import {
  ChannelConfigMissingError,
  channelConfigFromEnv,
  ChannelService,
  UnknownChannelActionError,
  UnknownChannelError,
} from './channel-service';

/** The simulator the SIECLE plugin ships (built: `tsc -p tsconfig.build.json`), loaded from its `dist`. */
interface Simulator {
  url: string;
  rejectNextSend: boolean;
  requests: string[];
  received: unknown[];
  start(): Promise<string>;
  stop(): Promise<void>;
}
const PLUGIN_DIR = join(__dirname, '../../../../plugins/second-degree-siecle');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { OmogenSimulator } = require(join(PLUGIN_DIR, 'dist/omogen/simulator.js')) as {
  OmogenSimulator: new (options: { token?: string; exports?: Record<string, Uint8Array> }) => Simulator;
};

const UAI = '0750680G';
const Y = 2019;
const ctx = { actor: 'mme.durand', source: 'test' };
const FIXTURES = join(PLUGIN_DIR, 'src/imports/__fixtures__');
const fixture = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));
const TOKEN = 'jeton-de-test';

describe('ChannelService with the SIECLE web service (simulated)', () => {
  let dir: string;
  let kernel: Kernel;
  let sim: Simulator;
  let service: ChannelService;
  const run = (action: string) =>
    service.run({
      channelId: 'siecle.omogen',
      action,
      uai: UAI,
      year: Y,
      actor: 'mme.durand',
      outDir: join(dir, 'Export'),
      config: { url: sim.url, token: TOKEN, pollIntervalMs: '10', pollDeadlineMs: '2000', timeoutMs: '5000' },
    });

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'liaison-channel-'));
    kernel = await Kernel.open({ dbPath: join(dir, 'db.sqlite') });
    service = new ChannelService(kernel);
    sim = new OmogenSimulator({
      token: TOKEN,
      exports: {
        ElevesSansAdresses: fixture('ElevesSansAdresses.xml'),
        ResponsablesAvecAdresses: fixture('ResponsablesAvecAdresses-ancien-modele.xml'),
      },
    });
    await sim.start();
    await kernel.pipeline.executeBatch(
      [
        {
          type: 'RegisterEstablishment',
          payload: { uai: UAI, name: 'Lycée Saint-Exemple', degree: 'second', contract: 'association' },
        },
        { type: 'OpenYear', payload: { uai: UAI, year: Y } },
        {
          type: 'DeclareFormations',
          payload: { uai: UAI, year: Y, source: 'test', entries: [{ code: '20010018110', label: '2NDE GENERALE & TECHNO' }] },
        },
        { type: 'CreateClass', payload: { uai: UAI, year: Y, classCode: '2NDE1', label: 'Seconde 1' } },
        { type: 'AssignFormation', payload: { uai: UAI, year: Y, classCode: '2NDE1', formationCode: '20010018110' } },
        { type: 'SetClassContract', payload: { uai: UAI, year: Y, classCode: '2NDE1', contractType: 'association' } },
        {
          type: 'RegisterPupil',
          payload: {
            uai: UAI,
            pupilId: 'P002',
            lastName: 'Dupont',
            firstName: 'Hugo',
            sex: 'M',
            birthDate: '2004-07-01',
            nationality: '100',
            birthPlace: { country: '100', department: '075', communeCode: '75112', city: 'Paris 12e Arrondissement' },
            previousSchool: { uai: '0750001U', provenance: '1' },
            guardians: [
              {
                guardianId: 'G002',
                civility: 'M.',
                lastName: 'DUPONT',
                firstName: 'Marc',
                link: '20',
                legalLevel: 1,
                parentalAuthority: true,
                address: { line1: '1 rue de la Paix', postalCode: '75002', commune: 'Paris', country: '100' },
              },
            ],
          },
        },
        { type: 'EnrolPupil', payload: { uai: UAI, year: Y, pupilId: 'P002', classCode: '2NDE1', entryDate: '2019-09-02' } },
      ],
      ctx,
    );
  });
  afterEach(async () => {
    await sim.stop();
    await kernel.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds the channel among the plugins’ channels', () => {
    expect(service.channels().map((c) => c.id)).toContain('siecle.omogen');
    expect(() => service.channel('onde.ws')).toThrow(UnknownChannelError);
  });

  it('refuses to run without the service’s address', async () => {
    await expect(
      service.run({ channelId: 'siecle.omogen', action: 'pull', uai: UAI, year: Y, actor: 'mme.durand', config: {} }),
    ).rejects.toThrow(new ChannelConfigMissingError('siecle.omogen', ['LIAISON_OMOGEN_URL']));
  });

  it('reads the settings the channel declares from the environment, and nothing else', () => {
    const omogen = service.channel('siecle.omogen');
    expect(
      channelConfigFromEnv(omogen, {
        LIAISON_OMOGEN_URL: 'http://rectorat.test',
        LIAISON_OMOGEN_RETRIES: '0',
        LIAISON_OMOGEN_POLL_INTERVAL_MS: '',
        LIAISON_ONDE_URL: 'http://other.test',
      }),
    ).toEqual({
      url: 'http://rectorat.test',
      token: undefined,
      auth: undefined,
      timeoutMs: undefined,
      retries: '0',
      pollDeadlineMs: undefined,
      pollIntervalMs: undefined,
    });
  });

  it('refuses an action the channel does not declare, before touching the network', async () => {
    await expect(
      service.run({ channelId: 'siecle.omogen', action: 'push', uai: UAI, year: Y, actor: 'mme.durand', config: {} }),
    ).rejects.toThrow(new UnknownChannelActionError('siecle.omogen', 'push', ['pull', 'send', 'sync']));
  });

  it('pull imports the ELEVE_IDs and INEs through the SIECLE importers', async () => {
    const report = await run('pull');
    expect(report.steps).toEqual(
      expect.arrayContaining(['ElevesSansAdresses récupéré (' + fixture('ElevesSansAdresses.xml').length + ' octets)']),
    );
    expect(report.status).toBe('done');
    const ids = kernel.store.readAll({ types: ['PupilSiecleIdSet', 'NationalIdAssigned'] }).map((e) => e.data);
    expect(ids).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ pupilId: 'P002', eleveId: '2100002' }),
        expect.objectContaining({ pupilId: 'P002', ine: '0113014881M' }),
      ]),
    );
    expect(sim.requests).toEqual(['GET /exports/ElevesSansAdresses', 'GET /exports/ResponsablesAvecAdresses']);
  });

  it('a rejected send reports failed; our pupils’ events are unchanged apart from the export’s own ledger', async () => {
    const before = kernel.store.readAll({}).length;
    sim.rejectNextSend = true;
    const report = await run('send');
    expect(report.status).toBe('failed');
    const after = kernel.store.readAll({}).slice(before);
    // Only what the export itself records (private ids, send number, the manifest) — nothing about the send's fate.
    expect(after.map((e) => `${e.streamId} ${e.type}`)).toEqual([
      'siecle-0750680G SieclePupilIdsAssigned',
      'siecle-0750680G SiecleGuardianIdsAssigned',
      'siecle-0750680G SiecleSendNumbered',
      'siecle-0750680G SiecleSendRecorded',
      'export-0750680G-siecle.import-prive ExportProduced',
    ]);
    expect(report.steps.at(-1)).toMatch(/rejeté par SIECLE : .* ; nos données sont inchangées$/);
    expect(sim.received).toHaveLength(1);
  });

  it('an integrated send reports done, with the export id and the acknowledgement', async () => {
    const report = await run('send');
    expect(report).toMatchObject({ status: 'done', details: { acknowledgements: [{ id: 'ack-1', status: 'integrated' }] } });
    expect(report.details!.exportId).toMatch(/^exp-0750680G-2019-siecle\.import-prive-/);
  });
});
