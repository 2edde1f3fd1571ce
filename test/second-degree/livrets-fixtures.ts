import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import iconv from 'iconv-lite';
import { liaison, repoRoot } from '../support/cli';

/**
 * What the livrets acceptance scenarios share: an STS-web `sts_emp` export built for the test
 * (no real one is public; the element tree is the one the SIECLE plugin reads, SIECLE
 * FORMAT.md §7.2), and the XSD validator the server uses (libxml2 in WebAssembly).
 */

export interface StsPerson {
  id: string;
  civility: '1' | '2';
  lastName: string;
  firstName: string;
  function?: 'ENS' | 'DIR';
  mainTeacherOf?: string;
}

export interface StsDivision {
  code: string;
  label: string;
  mef: string;
  services: Array<{ subject: string; teachers: string[] }>;
}

/** `sts_emp_<UAI>_<YYYY>.xml`, ISO-8859-15 as STS-web writes it. */
export function stsEmp(uai: string, year: number, people: StsPerson[], divisions: StsDivision[]): Buffer {
  const individus = people
    .map(
      (p) => `      <INDIVIDU ID="${p.id}" TYPE="epp">
        <NOM_USAGE>${p.lastName}</NOM_USAGE>
        <PRENOM>${p.firstName}</PRENOM>
        <CIVILITE>${p.civility}</CIVILITE>
        <FONCTION>${p.function ?? 'ENS'}</FONCTION>
        <DISCIPLINES/>${
          p.mainTeacherOf
            ? `
        <PROFS_PRINC><PROF_PRINC><CODE_STRUCTURE>${p.mainTeacherOf}</CODE_STRUCTURE></PROF_PRINC></PROFS_PRINC>`
            : ''
        }
      </INDIVIDU>`,
    )
    .join('\n');
  const structures = divisions
    .map(
      (d) => `        <DIVISION CODE="${d.code}">
          <LIBELLE_LONG>${d.label}</LIBELLE_LONG>
          <MEFS_APPARTENANCE><MEF_APPARTENANCE CODE="${d.mef}"/></MEFS_APPARTENANCE>
          <SERVICES>
${d.services
  .map(
    (s) => `            <SERVICE CODE_MATIERE="${s.subject}" CODE_MOD_COURS="CG">
              <ENSEIGNANTS>${s.teachers.map((t) => `<ENSEIGNANT ID="${t}" TYPE="epp"/>`).join('')}</ENSEIGNANTS>
            </SERVICE>`,
  )
  .join('\n')}
          </SERVICES>
        </DIVISION>`,
    )
    .join('\n');
  return iconv.encode(
    `<?xml version="1.0" encoding="ISO-8859-15"?>
<STS_EDT>
  <PARAMETRES>
    <UAJ CODE="${uai}"/>
    <ANNEE_SCOLAIRE ANNEE="${year}"/>
  </PARAMETRES>
  <DONNEES>
    <INDIVIDUS>
${individus}
    </INDIVIDUS>
    <STRUCTURE>
      <DIVISIONS>
${structures}
      </DIVISIONS>
    </STRUCTURE>
  </DONNEES>
</STS_EDT>
`,
    'ISO-8859-15',
  );
}

export const nomenclature = (file: string) =>
  resolve(repoRoot, '../shared/reference/siecle/bee-exports/nomenclature/lycee-arago-0750680G', file);
export const referenceXsd = (...parts: string[]) => resolve(repoRoot, '../shared/reference', ...parts);

/** A JSONL file of commands, one per line. */
export const jsonl = (...commands: Array<{ type: string; payload: Record<string, unknown> }>) =>
  `${commands.map((c) => JSON.stringify(c)).join('\n')}\n`;

/**
 * The CLI on one scenario's database, as the school's secretary: `run` a command, `exec`
 * commands written to a JSONL file, and `openSchool` — register a second-degree establishment,
 * open its year and import the reference SIECLE nomenclature — which every scenario starts with.
 */
export function cliSession(folder: () => { dir: string; db: string }) {
  const run = (args: string[]) =>
    liaison([...args, '--db', folder().db], { cwd: folder().dir, env: { LIAISON_ACTOR: 'secretariat.nguyen' } });
  const exec = (...commands: Parameters<typeof jsonl>) => {
    const file = join(folder().dir, `commands-${Math.random().toString(36).slice(2)}.jsonl`);
    writeFileSync(file, jsonl(...commands));
    return run(['exec', file]);
  };
  const openSchool = (uai: string, year: number, name: string, nomenclatureFile: string) => {
    const registered = exec(
      { type: 'RegisterEstablishment', payload: { uai, name, degree: 'second', contract: 'association' } },
      { type: 'OpenYear', payload: { uai, year } },
    );
    expect(registered.status).toBe(0);
    expect(
      run(['import', 'siecle.nomenclature', nomenclature(nomenclatureFile), '--uai', uai, '--year', String(year)]).status,
    ).toBe(0);
  };
  return { run, exec, openSchool };
}
