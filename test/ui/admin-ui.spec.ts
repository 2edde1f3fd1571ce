import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type ConsoleMessage, chromium, type Locator, type Page } from 'playwright-core';
import { USED_COMMANDS } from '../../apps/admin-ui/src/api/commands';
import { freePort, liaison, repoRoot, startServer, tempDir } from '../support/cli';

/**
 * The admin UI in Debian's Chromium (playwright-core, no browser download) against the real
 * `liaison serve` on a fresh demo database: log in with the keyboard, fix every blocking anomaly
 * from the control screen, survive a concurrent edit, import by drag and drop, produce and
 * download the ONDE export, find the change and its author in the history, travel back in time.
 * Each screen is photographed at 1280×800 into docs/screenshots/.
 */

const UAI = '0754321P';
const SHOTS = join(repoRoot, 'docs/screenshots');
const UI_DIST = join(repoRoot, 'apps/admin-ui/dist/index.html');
const CHROMIUM = process.env.LIAISON_CHROMIUM ?? '/usr/bin/chromium';

let tmp: ReturnType<typeof tempDir>;
let server: { url: string; stop: () => Promise<void> };
let browser: Browser;
let context: BrowserContext;
let page: Page;
let year: number;
/** Console errors and uncaught exceptions of the page; a few expected API refusals are allowed by URL. */
const problems: string[] = [];
const expectedRefusals: Array<{ status: number; path: RegExp }> = [];

function onConsole(message: ConsoleMessage) {
  if (message.type() !== 'error') return;
  const url = message.location().url;
  const status = Number(/status of (\d{3})/.exec(message.text())?.[1]);
  if (expectedRefusals.some((r) => r.status === status && r.path.test(url))) return;
  problems.push(`${message.text()} (${url})`);
}

async function api<T>(path: string, init: { method?: string; body?: unknown; token?: string } = {}): Promise<T> {
  const response = await fetch(`${server.url}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      'Content-Type': 'application/json',
      ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}),
    },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

const login = async (name: string) =>
  (await api<{ token: string }>('/api/auth/login', { method: 'POST', body: { login: name, password: 'demo' } })).token;

/** A screenshot of the current screen, after checking it fits 1280 px without horizontal scrolling. */
async function shot(name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(250);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect({ screen: name, overflow: Math.max(0, overflow) }).toEqual({ screen: name, overflow: 0 });
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

const base = () => `${server.url}/e/${UAI}/${year}`;

/** Picks an option of a Mantine select (a combobox): open, optionally type to filter, click. */
async function choose(select: Locator, option: string, search?: string): Promise<void> {
  await select.click();
  if (search !== undefined) await select.fill(search);
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function nonCompliant(): Promise<number> {
  const text = await page.getByTestId('non-compliant').innerText();
  return Number(/(\d+)/.exec(text)?.[1]);
}

async function openControl(): Promise<void> {
  await page.goto(`${base()}/controle`);
  await page.getByTestId('non-compliant').waitFor();
}

async function waitForSaved(): Promise<void> {
  await page.getByText('Enregistré', { exact: true }).last().waitFor();
}

beforeAll(async () => {
  if (!existsSync(UI_DIST))
    throw new Error('apps/admin-ui/dist is missing: run `pnpm build` (turbo builds the UI before these tests)');
  mkdirSync(SHOTS, { recursive: true });
  tmp = tempDir();
  const demo = liaison(['demo', '--db', tmp.db, '--actor', 'installation', '--json']);
  expect(demo.status).toBe(0);
  // Exports are written under the temporary folder, not in the repository.
  server = await startServer(tmp.db, freePort(), { LIAISON_EXPORT_DIR: join(tmp.dir, 'Export') });
  const token = await login('direction');
  year = (await api<Array<{ year: number }>>(`/api/establishments/${UAI}/years`, { token })).at(-1)!.year;
  // Read models built by other work: while the server lacks them, the UI says « bientôt disponible ».
  const checklist = await fetch(`${server.url}/api/establishments/${UAI}/years/${year}/checklist`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  if (checklist.status === 404) expectedRefusals.push({ status: 404, path: /\/checklist$/ });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    acceptDownloads: true,
    reducedMotion: 'reduce',
  });
  context.setDefaultTimeout(15_000);
  page = await context.newPage();
  page.on('console', onConsole);
  page.on('pageerror', (error) => problems.push(`exception: ${error.message}`));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  tmp?.cleanup();
});

describe('admin UI', () => {
  it('serves the UI at / and every unknown page (SPA fallback), and leaves /api alone', async () => {
    const home = await fetch(`${server.url}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('<div id="root">');
    const deep = await fetch(`${server.url}/e/${UAI}/${year}/eleves/E0293?onglet=general`);
    expect(deep.status).toBe(200);
    expect(deep.headers.get('content-type')).toContain('text/html');
    const api404 = await fetch(`${server.url}/api/no-such-route`);
    expect(api404.status).toBe(404);
    expect(api404.headers.get('content-type')).toContain('application/json');
  });

  it('sends only commands whose schema on the server is the one its types were generated from', async () => {
    const live = await api<{ components: { schemas: Record<string, unknown> } }>('/api/docs/openapi.json');
    const committed = JSON.parse(readFileSync(join(repoRoot, 'apps/admin-ui/src/api/openapi.json'), 'utf8')) as typeof live;
    for (const type of USED_COMMANDS) {
      const name = `${type}Command`;
      if (!(name in committed.components.schemas)) continue; // typed loosely until the copy is regenerated
      expect({ name, schema: live.components.schemas[name] }).toEqual({ name, schema: committed.components.schemas[name] });
    }
  });

  it('logs in with the keyboard only (labels, focus order, Enter submits)', async () => {
    await page.goto(`${server.url}/`);
    await page.waitForURL(/\/connexion$/);
    await page.getByLabel('Identifiant').waitFor();
    await shot('01-connexion');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('login');
    await page.keyboard.type('direction');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('password');
    await page.keyboard.type('demo');
    await page.keyboard.press('Tab');
    // The password's show/hide toggle is skipped: the next stop is the submit button.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Se connecter');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/tableau-de-bord$/);
    await page.getByTestId('count-Inscrits').waitFor();
    await page.getByTestId('count-Élèves non conformes').waitFor();
    expect(page.url()).toBe(`${base()}/tableau-de-bord`);
    await shot('02-tableau-de-bord');
  });

  it('shows the structure and the pupils, with the beacon on pupils with anomalies', async () => {
    await page.getByRole('link', { name: 'Structure' }).click();
    await page.getByTestId('class-row-CE1-CE2').waitFor();
    await shot('03-structure');
    await page.getByRole('link', { name: 'Élèves' }).first().click();
    await page.getByLabel('Rechercher').fill('Péron');
    const row = page.getByTestId('pupil-row-E0293');
    await row.waitFor();
    await row.getByTestId('gyrophare').waitFor();
    await page.getByLabel('Rechercher').fill('');
    await page.getByTestId('pupil-row-E0001').waitFor();
    await shot('04-eleves');
  });

  it('fixes every blocking anomaly from the control screen until no pupil is non-compliant', async () => {
    await openControl();
    const start = await nonCompliant();
    expect(start).toBeGreaterThan(0);
    await shot('05-controle');

    // 1. The class without a code rectorat: the link opens the class on that field; keyboard only.
    await page.getByTestId('anomaly-group-CE1-CE2').getByRole('link', { name: 'Code rectorat' }).click();
    await page.waitForURL(/structure\?classe=CE1-CE2/);
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-field') === 'rectoratCode');
    await page.keyboard.type('EC11');
    await shot('06-structure-classe');
    await page.keyboard.press('Enter');
    await waitForSaved();
    await openControl();
    const afterClass = await nonCompliant();
    expect(afterClass).toBeLessThan(start);

    // 2. A pupil born nowhere: the record opens on « Général », on the birth place.
    await page.getByTestId('anomaly-group-E0291').getByRole('link', { name: 'Lieu de naissance' }).click();
    await page.waitForURL(/eleves\/E0291\?onglet=general/);
    const country = page.locator('[data-field="identity.birthPlace.country"]');
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-field')?.startsWith('identity.birthPlace'));
    await shot('07-fiche-general');
    await choose(country, 'FRANCE (100)', 'FRANCE');
    await page.locator('[data-field="identity.birthPlace.department"]').fill('075');
    await page.locator('[data-field="identity.birthPlace.communeCode"]').fill('75056');
    await page.locator('[data-field="identity.birthPlace.city"]').fill('Paris');
    await page.getByTestId('form-identity').getByRole('button', { name: 'Enregistrer' }).click();
    await waitForSaved();
    await openControl();
    expect(await nonCompliant()).toBeLessThan(afterClass);

    // 3. A pupil without LV1: « Scolarité », on the LV1 field.
    await page.getByTestId('anomaly-group-E0293').getByRole('link', { name: /LV1/ }).click();
    await page.waitForURL(/eleves\/E0293\?onglet=scolarite/);
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-field') === 'years.lv1');
    await choose(page.locator('[data-field="years.lv1"]'), 'Anglais (ENG)', 'Angl');
    await page.getByTestId('form-languages').getByRole('button', { name: 'Enregistrer' }).click();
    await waitForSaved();
    await shot('08-fiche-scolarite');

    await openControl();
    expect(await nonCompliant()).toBe(0);
    await page.getByText('Base conforme').waitFor();
    await shot('09-controle-conforme');
  });

  it('explains a concurrent edit (412) and loses neither the user’s entry nor the other change', async () => {
    await page.goto(`${base()}/eleves/E0293?onglet=general`);
    const usageName = page.locator('[data-field="identity.usageName"]');
    await usageName.waitFor();
    // Meanwhile, the secretariat corrects the same pupil over the API.
    const secretariat = await login('secretariat');
    await api('/api/commands', {
      method: 'POST',
      token: secretariat,
      body: { type: 'CorrectPupilIdentity', payload: { uai: UAI, pupilId: 'E0293', firstName3: 'Solène' } },
    });
    await usageName.fill('Péron-Martin');
    expectedRefusals.push({ status: 412, path: /\/api\/commands$/ });
    await page.getByTestId('form-identity').getByRole('button', { name: 'Enregistrer' }).click();
    const alert = page.getByTestId('stale-alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('modifiée entre-temps par secretariat');
    expect(await alert.innerText()).toContain('Solène');
    await shot('10-fiche-modifiee-entre-temps');
    await alert.getByRole('button', { name: /Recharger la fiche/ }).click();
    await alert.waitFor({ state: 'detached' });
    expect(await usageName.inputValue()).toBe('Péron-Martin');
    expect(await page.locator('[data-field="identity.firstName3"]').inputValue()).toBe('Solène');
    await page.getByTestId('form-identity').getByRole('button', { name: 'Enregistrer' }).click();
    await waitForSaved();
    expectedRefusals.pop();
    const pupil = await api<{ identity: Record<string, unknown> }>(`/api/establishments/${UAI}/pupils/E0293`, {
      token: secretariat,
    });
    expect(pupil.identity).toMatchObject({ usageName: 'Péron-Martin', firstName3: 'Solène' });
  });

  it('shows the other tabs of the pupil record', async () => {
    await page.getByRole('tab', { name: 'Responsables' }).click();
    await page.getByText('Lien avec l’élève').first().waitFor();
    await shot('11-fiche-responsables');
    await page.getByRole('tab', { name: 'An prochain' }).click();
    await page.getByTestId('form-plan').waitFor();
    await shot('12-fiche-an-prochain');
    await page.getByRole('tab', { name: 'Historique' }).click();
    await page.getByText('La fiche à une date passée').waitFor();
    await page.getByRole('tabpanel', { name: 'Historique' }).getByText('Langues vivantes').first().waitFor();
    await shot('13-fiche-historique');
  });

  it('imports a file dropped on the drop zone, with its report', async () => {
    const token = await login('direction');
    const amaury = (
      await api<Array<{ pupilId: string; lastName: string; firstName: string; birthDate: string }>>(
        `/api/establishments/${UAI}/years/${year}/pupils?q=Amaury`,
        { token },
      )
    ).find((p) => p.lastName.toUpperCase() === 'RENAUD')!;
    const digits = '123450789';
    const key = 97 - (Number(digits) % 97);
    const ine = digits + 'ABCDEFGHJK'.charAt(Math.floor(key / 10)) + 'ABCDEFGHJK'.charAt(key % 10);
    const [y, m, d] = amaury.birthDate.split('-');
    const csv = `Nom élève;Prénom élève;Date naissance;Sexe;INE\n${amaury.lastName};${amaury.firstName};${d}/${m}/${y};M;${ine}\n`;

    await page.goto(`${base()}/echanges?onglet=imports`);
    await choose(
      page.getByRole('combobox', { name: 'Format à importer' }),
      'Extraction des élèves ONDE (intégration des INE) (onde.extraction)',
    );
    const transfer = await page.evaluateHandle((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], 'CSVExtraction.csv', { type: 'text/csv' }));
      return data;
    }, csv);
    await page.getByTestId('dropzone').dispatchEvent('dragover', { dataTransfer: transfer });
    await page.getByTestId('dropzone').dispatchEvent('drop', { dataTransfer: transfer });
    await page.getByTestId('chosen-file').waitFor();
    await page.getByRole('button', { name: /Importer « CSVExtraction.csv »/ }).click();
    const report = page.getByTestId('import-report');
    await report.waitFor();
    expect((await report.innerText()).toLowerCase()).toContain('importé');
    expect(await report.innerText()).toContain(ine);
    await shot('14-echanges-import');
  });

  it('produces the ONDE export behind the anomaly gate and confirmation, and downloads it', async () => {
    await page.goto(`${base()}/echanges?onglet=exports`);
    await page.getByTestId('first-export').waitFor();
    await page.getByTestId('export-allowed').waitFor();
    await page.getByRole('button', { name: 'Produire l’export…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Confirmer et produire' }).click();
    const result = page.getByTestId('export-result');
    await result.waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      result.getByRole('button', { name: 'Télécharger' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${UAI}.zip`);
    const saved = join(tmp.dir, 'downloaded.zip');
    await download.saveAs(saved);
    expect(readFileSync(saved).subarray(0, 2).toString('latin1')).toBe('PK');
    await page.getByTestId('downloaded').waitFor();
    await shot('15-echanges-export');

    await page.getByRole('tab', { name: 'Registre des exports' }).click();
    const ledger = page.getByTestId('ledger');
    await ledger.waitFor();
    expect((await ledger.innerText()).toLowerCase()).toContain('onde.be1d');
    expect(await ledger.innerText()).toContain('direction');
    await ledger.getByRole('button', { name: 'Manifeste et modifications' }).first().click();
    // What the export carried: the fixes made above, with their author.
    const carried = page.locator(`[data-testid="subject-pupil-E0293"], [data-testid="changes-pupil-${UAI}-E0293"]`).first();
    await carried.waitFor();
    expect(await carried.innerText()).toContain('direction');
    await shot('16-registre-exports');
    await page.keyboard.press('Escape');

    // A change after the export: the next export's preview names it and its author.
    const secretariat = await login('secretariat');
    await api('/api/commands', {
      method: 'POST',
      token: secretariat,
      body: { type: 'SetPupilDispositifs', payload: { uai: UAI, pupilId: 'E0291', year, dispositifs: ['PAP'] } },
    });
    await page.getByRole('tab', { name: 'Exports', exact: true }).click();
    const preview = page.getByTestId('export-preview');
    await preview.waitFor();
    await preview.getByTestId('subject-pupil-E0291').waitFor();
    expect(await preview.getByTestId('subject-pupil-E0291').innerText()).toContain('secretariat');
    expect(await preview.getByTestId('subject-pupil-E0291').innerText()).toContain('PAP');
    await shot('17-echanges-apercu');
  });

  it('shows the checklist: the export step done by the export, the ONDE upload ticked by hand', async () => {
    await page.goto(`${base()}/tableau-de-bord`);
    const exported = page.getByTestId('step-first-degree-onde:3b');
    await exported.getByText(/Fait le/).waitFor();
    const upload = page.getByTestId('step-first-degree-onde:3c');
    await upload.getByRole('button', { name: 'Cocher l’étape 3c' }).click();
    await upload.getByText(/Fait le/).waitFor();
    expect(await upload.innerText()).toContain('coché par direction');
    await shot('18-tableau-de-bord-check-list');
  });

  it('shows the change and its author in the history, and the earlier value back in time', async () => {
    await page.goto(`${base()}/historique`);
    await page.getByTestId('timeline').waitFor();
    await choose(page.getByRole('combobox', { name: 'Élève' }), 'Péron Alice', 'Péron');
    const languages = page.locator('[data-testid^="event-"]', { hasText: 'Langues vivantes' }).first();
    await languages.waitFor();
    expect(await languages.getByTestId('event-actor').innerText()).toBe('direction');
    expect(await languages.innerText()).toMatch(/LV1 \(\d{4}-\d{4}\) :\s*—\s*→\s*ENG/);
    await shot('19-historique');

    const position = Number((await languages.getAttribute('data-testid'))!.replace('event-', ''));
    await page.getByLabel('Rechercher dans la base à cette date').fill('Péron');
    const lv1 = page.getByTestId('asof-pupil-E0293').getByTestId('asof-lv1');
    await page.waitForFunction(
      () => document.querySelector('[data-testid="asof-pupil-E0293"] [data-testid="asof-lv1"]')?.textContent === 'ENG',
    );
    // Back in time: right before the LV1 was chosen, the pupil had none.
    const input = page.getByTestId('time-position');
    await input.fill(String(position - 1));
    await page.waitForFunction(
      () => document.querySelector('[data-testid="asof-pupil-E0293"] [data-testid="asof-lv1"]')?.textContent === '—',
    );
    expect(await lv1.innerText()).toBe('—');
    expect(await page.getByTestId('time-label').innerText()).toContain(`#${position - 1}`);
    await shot('20-voyage-dans-le-temps');
    await input.fill(String(position));
    await page.waitForFunction(
      () => document.querySelector('[data-testid="asof-pupil-E0293"] [data-testid="asof-lv1"]')?.textContent === 'ENG',
    );
  });

  it('runs the new-year wizard: decisions, dry run, confirmation', async () => {
    // A blocked dry run (pupils without a decision) is a 409 carrying the plan: shown, not an error of the page.
    expectedRefusals.push({ status: 409, path: /\/rollover$/ });
    await page.goto(`${base()}/nouvelle-annee`);
    await page.getByTestId('without-plan').waitFor();
    await page.getByRole('button', { name: 'Simuler la bascule' }).click();
    await page.getByTestId('rollover-plan').waitFor();
    expect(await page.getByText('Bascule bloquée', { exact: true }).count()).toBe(1);
    await page.getByRole('button', { name: /Décider le passage pour/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Enregistrer les décisions' }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="without-plan"]')?.textContent === '0', undefined, {
      timeout: 60_000,
    });
    await page.getByRole('button', { name: 'Simuler la bascule' }).click();
    await page.getByText('Simulation : ce que la bascule écrirait').waitFor();
    expect(await page.getByText('Bascule bloquée', { exact: true }).count()).toBe(0);
    await shot('21-nouvelle-annee');
    await page.getByRole('button', { name: 'Basculer…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Confirmer la bascule' }).click();
    await page.getByTestId('rollover-done').waitFor({ timeout: 30_000 });
    await page.getByRole('combobox', { name: 'Année scolaire' }).click();
    await page.getByRole('option', { name: `${year + 1}-${year + 2}` }).waitFor();
    await page.keyboard.press('Escape');
  });

  it('shows the collège’s head-counts per MEF and per division, at the day asked', async () => {
    await page.goto(`${server.url}/e/0754322R/${year}/echanges?onglet=rapports`);
    const total = page.getByTestId('effectifs-total');
    await total.waitFor();
    expect(await total.innerText()).toMatch(/^\d+ élèves au \d{2}\/\d{2}\/\d{4}$/);
    const divisions = page.getByRole('table', { name: 'Effectifs par division' });
    expect(await divisions.getByRole('row').count()).toBeGreaterThan(5);
    await divisions.getByRole('cell', { name: '3A', exact: true }).waitFor();
    await page.getByLabel('Jour compté').fill(`${year}-10-01`);
    await page.getByText(new RegExp(`élèves au 01/10/${year}$`)).waitFor();
    await shot('22-echanges-effectifs');
  });

  it('creates a class, registers and enrols a pupil in it, adds then removes a guardian, closes an empty class — each save all or nothing', async () => {
    const token = await login('direction');
    const formations = await api<Array<{ kind: string; code: string; label: string }>>(
      `/api/establishments/${UAI}/years/${year}/nomenclature`,
      { token },
    );
    const cp = formations.find((e) => e.kind === 'formation' && e.code === 'CP')!;

    // A class with its code rectorat, the school's contract and a formation: one batch of four commands.
    await page.goto(`${base()}/structure`);
    await page.getByRole('button', { name: 'Nouvelle classe' }).click();
    const classForm = page.getByTestId('form-new-class');
    await classForm.locator('input[name="classCode"]').fill('CP-B');
    await classForm.locator('input[name="label"]').fill('CP bleu');
    await classForm.locator('input[name="rectoratCode"]').fill('EC99');
    await choose(classForm.getByLabel('Formations'), `${cp.label} (CP)`);
    await page.keyboard.press('Escape');
    await shot('23-nouvelle-classe');
    await classForm.getByRole('button', { name: 'Créer la classe' }).click();
    const row = page.getByTestId('class-row-CP-B');
    await row.waitFor();
    expect(await row.innerText()).toContain('EC99');
    const created = await api<{ rectoratCode: string; formations: string[] }>(
      `/api/establishments/${UAI}/years/${year}/classes/CP-B`,
      { token },
    );
    expect(created).toMatchObject({ rectoratCode: 'EC99', formations: ['CP'] });
    // Renamed and recoded in one save: one batch, checked against the class's ETag.
    await row.getByRole('button', { name: 'Modifier la classe CP-B' }).click();
    await page.locator('[data-field="label"]').fill('CP bleu ciel');
    await page.locator('[data-field="rectoratCode"]').fill('EC98');
    await page.getByTestId('form-class').getByRole('button', { name: 'Enregistrer' }).click();
    await waitForSaved();
    const edited = await api<{ label: string; rectoratCode: string }>(`/api/establishments/${UAI}/years/${year}/classes/CP-B`, {
      token,
    });
    expect(edited).toMatchObject({ label: 'CP bleu ciel', rectoratCode: 'EC98' });

    // « Inscrit » without a class: said before anything is sent.
    await page.goto(`${base()}/eleves`);
    await page.getByRole('button', { name: 'Inscrire un élève' }).click();
    const form = page.getByTestId('form-new-pupil');
    await form.locator('input[name="lastName"]').fill('Lemaire');
    await form.locator('input[name="firstName"]').fill('Inès');
    await choose(form.getByLabel('Sexe'), 'Féminin');
    await form.locator('input[name="birthDate"]').fill(`${year - 6}-05-14`);
    await form.locator('input[name="city"]').fill('Paris');
    await form.locator('input[name="department"]').fill('075');
    await form.getByRole('button', { name: 'Inscrire l’élève' }).click();
    await form.getByText('Indiquez la classe.').waitFor();
    // An entry date outside the year: the server refuses the enrolment, so the registration is not written either.
    await choose(form.getByLabel('Classe'), 'CP-B — CP bleu ciel');
    const entry = form.locator('input[name="entryDate"]');
    const today = await entry.inputValue();
    await entry.fill(`${year + 1}-09-15`);
    expectedRefusals.push({ status: 409, path: /\/api\/commands\/batch$/ });
    await form.getByRole('button', { name: 'Inscrire l’élève' }).click();
    await form.getByText(`est en dehors de l’année ${year}-${year + 1}`, { exact: false }).waitFor();
    expectedRefusals.pop();
    expect(await form.getByText(/commande 2/).count()).toBe(0);
    const nobody = await api<unknown[]>(`/api/establishments/${UAI}/years/${year}/pupils?q=Lemaire`, { token });
    expect(nobody).toEqual([]);
    await entry.fill(today);
    await shot('24-inscrire-un-eleve');
    await form.getByRole('button', { name: 'Inscrire l’élève' }).click();
    await page.waitForURL(/\/eleves\/E[0-9A-Z]+\?onglet=responsables$/);
    const pupilId = /\/eleves\/(E[0-9A-Z]+)/.exec(page.url())![1]!;
    const [enrolled] = await api<Array<{ pupilId: string; classCode: string; status: string }>>(
      `/api/establishments/${UAI}/years/${year}/pupils?q=Lemaire`,
      { token },
    );
    expect(enrolled).toMatchObject({ pupilId, classCode: 'CP-B', status: 'inscrit' });
    const events = await api<{ events: Array<{ type: string; metadata: { actor: string; correlationId: string } }> }>(
      `/api/events?stream=pupil-${UAI}-${pupilId}`,
      { token },
    );
    expect(events.events.map((e) => [e.type, e.metadata.actor])).toEqual([
      ['PupilRegistered', 'direction'],
      ['PupilEnrolled', 'direction'],
    ]);
    expect(new Set(events.events.map((e) => e.metadata.correlationId)).size).toBe(1);

    // A guardian added to the new record, then removed after a confirmation.
    await page.getByText('Aucun responsable enregistré.').waitFor();
    await page.getByRole('button', { name: 'Ajouter un responsable' }).click();
    const guardian = page.getByTestId('form-new-guardian');
    await choose(guardian.getByLabel('Lien de parenté'), 'Mère');
    await choose(guardian.getByLabel('Civilité'), 'Madame');
    await guardian.locator('input[name="guardian.lastName"]').fill('Lemaire');
    await guardian.locator('input[name="guardian.firstName"]').fill('Claire');
    await guardian.locator('input[name="guardian.line1"]').fill('3 rue des Lilas');
    await guardian.locator('input[name="guardian.postalCode"]').fill('75011');
    await guardian.locator('input[name="guardian.commune"]').fill('Paris');
    await shot('25-ajouter-un-responsable');
    await guardian.getByRole('button', { name: 'Ajouter le responsable' }).click();
    await waitForSaved();
    await page.getByText('Mère — Lemaire Claire').waitFor();
    const withGuardian = await api<{ guardians: Array<{ link: string }> }>(`/api/establishments/${UAI}/pupils/${pupilId}`, {
      token,
    });
    expect(withGuardian.guardians.map((g) => g.link)).toEqual(['10']);
    await page.getByRole('button', { name: 'Retirer', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Retirer Lemaire Claire' }).click();
    await page.getByText('Aucun responsable enregistré.').waitFor();
    const without = await api<{ guardians: unknown[] }>(`/api/establishments/${UAI}/pupils/${pupilId}`, { token });
    expect(without.guardians).toEqual([]);

    // The dashboard's « Dernières fiches modifiées » (the server's activity index) puts her first, with her last change.
    // The index is asynchronous: wait until it has taken in the removal before opening the page.
    for (let tries = 0; ; tries++) {
      const activity = await api<{ behind: number; streams: Array<{ id: string }> }>(
        `/api/establishments/${UAI}/activity?kind=pupil&limit=1`,
        { token },
      );
      if (activity.behind === 0 && activity.streams[0]?.id === pupilId) break;
      if (tries === 100) throw new Error(`activity index still behind: ${JSON.stringify(activity)}`);
      await page.waitForTimeout(100);
    }
    await page.goto(`${base()}/tableau-de-bord`);
    const recent = page.getByTestId('recent-changes');
    await recent.getByRole('link', { name: 'Lemaire Inès' }).waitFor();
    expect(await recent.innerText()).toMatch(/Lemaire Inès\s+Responsable retiré — par direction, le \d{2}\/\d{2}\/\d{4}/);
    await shot('26-dernieres-fiches-modifiees');

    // Closing a class: refused while Inès is in it, done for an empty one.
    await api('/api/commands', {
      method: 'POST',
      token,
      body: { type: 'CreateClass', payload: { uai: UAI, year, classCode: 'CP-C', label: 'CP vert' } },
    });
    await page.goto(`${base()}/structure?classe=CP-B`);
    await page.getByRole('button', { name: 'Fermer la classe…' }).click();
    expectedRefusals.push({ status: 409, path: /\/api\/commands$/ });
    await page.getByRole('dialog', { name: 'Fermer la classe CP-B ?' }).getByRole('button', { name: 'Fermer CP-B' }).click();
    await page.getByText('compte encore 1 élève').waitFor();
    expectedRefusals.pop();
    await page.goto(`${base()}/structure?classe=CP-C`);
    await page.getByRole('button', { name: 'Fermer la classe…' }).click();
    await page.getByRole('dialog', { name: 'Fermer la classe CP-C ?' }).getByRole('button', { name: 'Fermer CP-C' }).click();
    await page
      .getByTestId('class-row-CP-C')
      .getByText(/^fermée le \d{2}\/\d{2}\/\d{4}$/)
      .waitFor();
  });

  it('had no console error on any screen', () => {
    expect(problems).toEqual([]);
  });
});
