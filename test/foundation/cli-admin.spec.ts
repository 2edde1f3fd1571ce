import { liaison, freePort, startServer, tempDir } from '../support/cli';

const register = (uai: string) =>
  JSON.stringify({ type: 'RegisterEstablishment', payload: { uai, name: 'École', degree: 'first', contract: 'simple' } }) + '\n';

describe('liaison users, formats, projections and serve (real processes)', () => {
  let t: ReturnType<typeof tempDir>;
  beforeEach(() => (t = tempDir()));
  afterEach(() => t.cleanup());

  it('lists the discovered plugins, each after the plugins it requires', () => {
    const run = liaison(['formats', '--json', '--db', t.db]);
    expect(run.status).toBe(0);
    const { plugins } = JSON.parse(run.stdout) as { plugins: Array<{ id: string; degree: string; requires?: string[] }> };
    // Folder order would put second-degree-livrets before second-degree-siecle, whose events it reads.
    expect(plugins.map((p) => [p.id, p.degree, p.requires ?? []])).toEqual([
      ['first-degree-onde', 'first', []],
      ['second-degree-siecle', 'second', []],
      ['second-degree-livrets', 'second', ['second-degree-siecle']],
    ]);
    expect(liaison(['formats', '--db', t.db]).stdout).toContain(
      'siecle.omogen            canal   adaptateur  SIECLE — service web (OMOGEN, hypothèse) — liaison exchange siecle.omogen pull|send|sync',
    );
  });

  it('shows projection checkpoints and rebuilds them to the same position', () => {
    liaison(['exec', '-', '--db', t.db, '--actor', 'x'], { input: register('0750680G') + register('0660864F') });
    const status = JSON.parse(liaison(['projections', 'status', '--json', '--db', t.db]).stdout) as Array<{
      name: string;
      position: number;
      status: string;
    }>;
    expect(status.map((p) => [p.name, p.position, p.status])).toEqual([
      ['core_establishments', 2, 'running'],
      ['core_years', 2, 'running'],
      ['core_classes', 2, 'running'],
      ['core_pupils', 2, 'running'],
      ['core_guardians', 2, 'running'],
      ['core_stream_activity', 2, 'running'],
    ]);
    const rebuilt = liaison(['projections', 'rebuild', 'core_establishments', '--json', '--db', t.db]);
    expect(rebuilt.status).toBe(0);
    expect(JSON.parse(rebuilt.stdout)).toEqual([{ name: 'core_establishments', applied: 2, position: 2 }]);
    const unknown = liaison(['projections', 'rebuild', 'nope', '--db', t.db]);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('projection inconnue');
  });

  it('creates users (password from stdin or generated), refuses a duplicate, and the CLI writes while serve runs', async () => {
    const added = liaison(['users', 'add', 'direction', '--role', 'direction', '--password-stdin', '--db', t.db], {
      input: 'secret-demo\n',
    });
    expect(added.status).toBe(0);
    const generated = liaison(['users', 'add', 'accueil', '--role', 'lecture', '--json', '--db', t.db]);
    const { password } = JSON.parse(generated.stdout) as { password: string };
    expect(password.length).toBeGreaterThanOrEqual(12);
    const duplicate = liaison(['users', 'add', 'direction', '--role', 'admin', '--db', t.db]);
    expect(duplicate.status).toBe(1);
    expect(duplicate.stderr).toContain('existe déjà');
    const badRole = liaison(['users', 'add', 'zoe', '--role', 'chef', '--db', t.db]);
    expect(badRole.status).toBe(2);

    const server = await startServer(t.db, freePort());
    try {
      const login = await fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login: 'direction', password: 'secret-demo' }),
      });
      expect(login.status).toBe(200);
      const { token } = (await login.json()) as { token: string };
      const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
      // The CLI appends to the file the server has open, while the server appends too.
      const [cli, http] = await Promise.all([
        new Promise<ReturnType<typeof liaison>>((resolve) =>
          setImmediate(() => resolve(liaison(['exec', '-', '--db', t.db, '--actor', 'cron'], { input: register('0750680G') }))),
        ),
        fetch(`${server.url}/api/commands`, { method: 'POST', headers: auth, body: register('0660864F') }),
      ]);
      expect(cli.status).toBe(0);
      expect(http.status).toBe(200);
      const events = (await (await fetch(`${server.url}/api/events`, { headers: auth })).json()) as {
        events: Array<{ globalPosition: number; metadata: { actor: string } }>;
      };
      expect(events.events.map((e) => e.globalPosition)).toEqual([1, 2]);
      expect(events.events.map((e) => e.metadata.actor).sort()).toEqual(['cron', 'direction']);
      const establishments = (await (await fetch(`${server.url}/api/establishments`, { headers: auth })).json()) as Array<{
        uai: string;
      }>;
      expect(establishments.map((e) => e.uai)).toEqual(['0660864F', '0750680G']);
    } finally {
      await server.stop();
    }
  });
});
