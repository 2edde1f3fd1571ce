import { join, resolve } from 'node:path';
import JSZip from 'jszip';
import { liaison, repoRoot, tempDir } from '../support/cli';
import { startOmogenSimulator, type SimulatorProcess } from '../support/omogen-simulator';
import { elevesSansAdresses, type ImportReport, responsablesAvecAdresses, UAI } from '../support/siecle-files';
import { IMPORT_PRIVE_XSD, xsdErrors } from '../support/xsd';

const fixture = (name: string) => join(__dirname, '../fixtures', name);
const nomenclature = resolve(
  repoRoot,
  '../shared/reference/siecle/bee-exports/nomenclature/lycee-arago-0750680G/Nomenclature-2018-19.xml',
);
const TOKEN = 'jeton-recette';
const school = ['--uai', UAI, '--year', '2018'];

interface ExchangeOutput {
  channel: string;
  action: string;
  status: 'done' | 'pending' | 'failed';
  steps: string[];
  details?: { exportId?: string; imports?: Record<string, ImportReport> };
}

interface LoggedEvent {
  streamId: string;
  type: string;
}

/**
 * The collège scenario of college-year.spec.ts, with SIECLE's web service instead of files:
 * the same CLI, the shipped simulator as another process, the network failures a secretary
 * meets (a service that does not answer, a send refused) and the reconciliation after a pull.
 */
describe('a collège year with SIECLE’s web service (OMOGEN simulator) through the CLI', () => {
  let t: ReturnType<typeof tempDir>;
  let sim: SimulatorProcess;
  let env: Record<string, string>;
  const run = (args: string[], extra: Record<string, string | undefined> = {}) =>
    liaison([...args, '--db', t.db], { cwd: t.dir, env: { ...env, ...extra } });
  const exchange = (action: string, extra: Record<string, string | undefined> = {}) => {
    const result = run(['exchange', 'siecle.omogen', action, ...school, '--json'], extra);
    return { status: result.status, stderr: result.stderr, out: JSON.parse(result.stdout || '{}') as ExchangeOutput };
  };
  const log = () => JSON.parse(run(['history', '--json']).stdout) as LoggedEvent[];

  beforeAll(async () => {
    t = tempDir();
    sim = await startOmogenSimulator(TOKEN);
    env = {
      LIAISON_ACTOR: 'secretariat.nguyen',
      LIAISON_OMOGEN_URL: sim.url,
      LIAISON_OMOGEN_TOKEN: TOKEN,
      LIAISON_OMOGEN_TIMEOUT_MS: '3000',
      LIAISON_OMOGEN_RETRIES: '0',
      LIAISON_OMOGEN_POLL_INTERVAL_MS: '20',
      LIAISON_OMOGEN_POLL_DEADLINE_MS: '5000',
    };
    expect(run(['exec', fixture('college-setup.jsonl')]).status).toBe(0);
    expect(run(['import', 'siecle.nomenclature', nomenclature, ...school]).status).toBe(0);
    expect(run(['exec', fixture('college-year.jsonl')]).status).toBe(0);
  });
  afterAll(async () => {
    await sim.stop();
    t.cleanup();
  });

  it('says which variable is missing when the service is not configured, and exits 2', () => {
    const result = run(['exchange', 'siecle.omogen', 'send', ...school], { LIAISON_OMOGEN_URL: undefined });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('canal siecle.omogen non configuré : définissez LIAISON_OMOGEN_URL');
  });

  it('a send SIECLE rejects is reported as failed (exit 1) and changes none of our pupils', async () => {
    const before = log();
    expect((await sim.control('reject-next-send', { method: 'POST' })).status).toBe(200);
    const { status, out } = exchange('send');
    expect(status).toBe(1);
    expect(out.status).toBe('failed');
    expect(out.steps.at(-1)).toMatch(/rejeté par SIECLE : .* ; nos données sont inchangées$/);
    // Only the export's own bookkeeping: ids assigned for the file, its send number, the send, the manifest.
    expect(
      log()
        .slice(before.length)
        .map((e) => `${e.streamId} ${e.type}`),
    ).toEqual([
      `siecle-${UAI} SieclePupilIdsAssigned`,
      `siecle-${UAI} SiecleGuardianIdsAssigned`,
      `siecle-${UAI} SiecleSendNumbered`,
      `siecle-${UAI} SiecleSendRecorded`,
      `export-${UAI}-siecle.import-prive ExportProduced`,
    ]);
  });

  it('sends the private import through the service: the file received validates against XSD 3.1', async () => {
    const { status, out } = exchange('send');
    expect(status).toBe(0);
    expect(out.status).toBe('done');
    expect(out.details?.exportId).toMatch(/^exp-0750680G-2018-siecle\.import-prive-/);
    const received = (await (await sim.control('received')).json()) as Array<{ id: string; fileName: string }>;
    expect(received).toHaveLength(2);
    const last = received.at(-1)!;
    expect(last.fileName).toMatch(new RegExp(`^${UAI}PRIVE2018\\d{12}\\.zip$`));
    const zip = await JSZip.loadAsync(Buffer.from(await (await sim.control(`received/${last.id}`)).arrayBuffer()));
    const [name] = Object.keys(zip.files);
    expect(name).toBe(last.fileName.replace(/\.zip$/, '.xml'));
    expect(await xsdErrors(IMPORT_PRIVE_XSD, name!, await zip.file(name!)!.async('uint8array'))).toEqual([]);
  });

  it('a service that does not answer in time fails the pull (exit 1) and writes nothing', async () => {
    const before = log().length;
    await sim.control('delay?ms=2000', { method: 'POST' });
    try {
      const { status, out } = exchange('pull', { LIAISON_OMOGEN_TIMEOUT_MS: '300' });
      expect(status).toBe(1);
      expect(out.status).toBe('failed');
      expect(out.steps.at(-1)).toMatch(/n’a pas répondu dans les 300 ms/);
    } finally {
      await sim.control('delay?ms=0', { method: 'POST' });
    }
    expect(log().length).toBe(before);
  });

  it('pulls the next SIECLE export and reconciles it: the pupil SIECLE did not integrate is named', async () => {
    const assigned = JSON.parse(run(['history', '--json', '--type', 'SieclePupilIdsAssigned']).stdout) as Array<{
      data: { ids: Array<{ pupilId: string; privateId: number }> };
    }>;
    const privateIdOf = (pupilId: string) => assigned.flatMap((e) => e.data.ids).find((a) => a.pupilId === pupilId)!.privateId;
    const pupil = { mef: '10310019110', division: '3A' };
    await sim.control('exports/ElevesSansAdresses', {
      method: 'PUT',
      body: elevesSansAdresses([
        {
          ...pupil,
          eleveId: '1001',
          privateId: privateIdOf('P1'),
          ine: '070832327JA',
          last: 'LEFEVRE',
          first: 'Eloïse',
          birth: '14/03/2004',
        },
        {
          ...pupil,
          eleveId: '1002',
          privateId: privateIdOf('P2'),
          ine: '060375611AC',
          last: 'MENARD',
          first: 'Noé',
          birth: '02/07/2004',
        },
      ]),
    });
    await sim.control('exports/ResponsablesAvecAdresses', {
      method: 'PUT',
      body: responsablesAvecAdresses(2018, [
        { eleveId: '1001', personneId: '9001', civility: 'MME', last: 'LEFEVRE', first: 'Hélène' },
      ]),
    });
    const { status, out } = exchange('pull');
    expect(status).toBe(0);
    expect(out.status).toBe('done');
    const report = out.details!.imports!['siecle.eleves']!;
    expect(report.rows.filter((r) => /intégré/i.test(`${r.message ?? ''} ${r.ref}`))).toHaveLength(2);
    const missing = report.rows.filter((r) => /absent de SIECLE/i.test(`${r.message ?? ''} ${r.ref}`));
    expect(missing).toHaveLength(1);
    expect(missing[0]!.subject).toMatch(/CŒURDACIER|Cœurdacier/i);
    const ids = JSON.parse(run(['history', '--json', '--type', 'PupilSiecleIdSet']).stdout) as Array<{
      data: { pupilId: string; eleveId: string };
    }>;
    expect(ids.map((e) => [e.data.pupilId, e.data.eleveId])).toEqual([
      ['P1', '1001'],
      ['P2', '1002'],
    ]);
  });
});
