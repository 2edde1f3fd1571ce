import { freePort, liaison, startServer, tempDir } from '../support/cli';

interface Establishment {
  uai: string;
}
interface Year {
  year: number;
}
interface Pupil {
  pupilId: string;
  guardians: Array<{ guardianId: string }>;
}

/** Every read model of the demo, over real HTTP, as a directory of answers. */
async function snapshot(url: string, token: string): Promise<Record<string, unknown>> {
  const get = async <T>(path: string): Promise<T> => {
    const res = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const answers: Record<string, unknown> = {};
  const establishments = await get<Establishment[]>('/api/establishments');
  answers['/api/establishments'] = establishments;
  for (const { uai } of establishments) {
    const years = await get<Year[]>(`/api/establishments/${uai}/years`);
    answers[`/api/establishments/${uai}/years`] = years;
    for (const { year } of years) {
      for (const part of ['classes', 'nomenclature']) {
        const path = `/api/establishments/${uai}/years/${year}/${part}`;
        answers[path] = await get(path);
      }
      const pupilsPath = `/api/establishments/${uai}/years/${year}/pupils`;
      const pupils = await get<Pupil[]>(pupilsPath);
      answers[pupilsPath] = pupils;
      for (const pupil of pupils.slice(0, 25)) {
        const path = `/api/establishments/${uai}/pupils/${pupil.pupilId}`;
        answers[path] = await get(path);
        for (const g of pupil.guardians) {
          const gPath = `/api/establishments/${uai}/guardians/${g.guardianId}`;
          answers[gPath] = await get(gPath);
        }
      }
    }
  }
  return answers;
}

async function login(url: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: 'direction', password: 'demo' }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { token: string }).token;
}

describe('liaison demo, then serve; projections rebuild changes no answer', () => {
  let t: ReturnType<typeof tempDir>;
  beforeEach(() => (t = tempDir()));
  afterEach(() => t.cleanup());

  it('serves the demo school over HTTP, and every read model answers the same after a rebuild', async () => {
    const demo = liaison(['demo', '--db', t.db, '--json'], { env: { LIAISON_DEMO_TODAY: '2026-11-28' } });
    expect(demo.status).toBe(0);
    const created = JSON.parse(demo.stdout) as { status: string; counts: { pupils: number } };
    expect(created.status).toBe('created');
    expect(created.counts.pupils).toBeGreaterThan(500);

    let server = await startServer(t.db, freePort());
    let before: Record<string, unknown>;
    try {
      before = await snapshot(server.url, await login(server.url));
    } finally {
      await server.stop();
    }
    expect(Object.keys(before).length).toBeGreaterThan(100);
    const pupils = before['/api/establishments/0754321P/years/2026/pupils'] as Pupil[];
    expect(pupils.length).toBeGreaterThan(100);

    const rebuild = liaison(['projections', 'rebuild', '--json', '--db', t.db]);
    expect(rebuild.status).toBe(0);
    const reports = JSON.parse(rebuild.stdout) as Array<{ name: string; applied: number }>;
    expect(reports.find((r) => r.name === 'core_pupils')!.applied).toBeGreaterThan(6000);

    server = await startServer(t.db, freePort());
    try {
      const after = await snapshot(server.url, await login(server.url));
      expect(after).toEqual(before);
    } finally {
      await server.stop();
    }
  });
});
