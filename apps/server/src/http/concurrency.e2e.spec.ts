import { type AddressInfo } from 'node:net';
import { uaiCheckLetter } from '@liaison/domain';
import { createTestApp, type TestApp } from '../testing/test-app';

const uai = (n: number) => {
  const digits = String(n).padStart(7, '0');
  return `${digits}${uaiCheckLetter(digits)}`;
};

describe('1,000 concurrent HTTP commands', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen(0, '127.0.0.1');
  });
  afterAll(() => t.close());

  it('all succeed or get 409, with no transaction error and no gap in positions', async () => {
    const token = await t.token('secretariat');
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    const base = `http://127.0.0.1:${port}/api/commands`;
    // 600 registrations of distinct schools, and 400 openings of years of a few of them:
    // many openings race for the same year stream and only the first may win.
    const commands = [
      ...Array.from({ length: 600 }, (_, i) => ({
        type: 'RegisterEstablishment',
        payload: { uai: uai(100000 + i), name: `École ${i}`, degree: 'first', contract: 'association' },
      })),
      ...Array.from({ length: 400 }, (_, i) => ({
        type: 'OpenYear',
        payload: { uai: uai(100000 + (i % 20)), year: 2020 + (i % 10) },
      })),
    ];
    const responses = await Promise.all(
      commands.map(async (command) => {
        const res = await fetch(base, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify(command),
        });
        return { status: res.status, body: (await res.json()) as { message?: string; positions?: number[]; code?: string } };
      }),
    );
    const statuses = new Set(responses.map((r) => r.status));
    expect([...statuses].sort()).toEqual([200, 409]);
    for (const r of responses.filter((r) => r.status === 409)) {
      // Openings of a school not yet registered, or of a year already opened: both are rules.
      expect(['year_already_open', 'establishment_unknown']).toContain(r.body.code);
      expect(r.body.message).not.toMatch(/transaction/i);
    }
    const accepted = responses.filter((r) => r.status === 200);
    const positions = accepted.flatMap((r) => r.body.positions ?? []).sort((a, b) => a - b);
    expect(positions).toEqual(Array.from({ length: positions.length }, (_, i) => i + 1));
    expect(t.kernel.store.headPosition()).toBe(positions.length);
    // Each of the 200 (school, year) pairs is opened at most once.
    const opened = accepted.filter((r) => r.body.positions && responses.indexOf(r) >= 600);
    expect(opened.length).toBeLessThanOrEqual(200);
    const yearEvents = t.kernel.store.readAll({ types: ['YearOpened'] });
    expect(new Set(yearEvents.map((e) => e.streamId)).size).toBe(yearEvents.length);
    expect(yearEvents.length).toBe(opened.length);
  });
});
