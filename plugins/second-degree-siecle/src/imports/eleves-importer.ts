import {
  type Command,
  type Importer,
  type ImportPlan,
  type ImportRow,
  inspectIne,
  type PupilState,
  pupilsOfYear,
  schoolYearLabel,
} from '@liaison/domain';
import { reconcile } from '../reconciliation/reconcile';
import { reconciliationReport } from '../reconciliation/reconciliation-report';
import { type SiecleSendState, siecleStreamId } from '../send/send-state';
import { frenchDateOf } from '../xml';
import { type BeeEleve, idKey, inesOf, readElevesFile } from './eleves-file';
import { ELEVES_FORMAT_ID } from './format-ids';
import { refuseFirstDegree } from './guard';
import { type MatchOutcome, type MatchTier, tieredMatch } from './matching';
import { normaliseName } from './names';

const ELEVE_ID_SHAPE = /^[0-9]{1,12}$/;

const pupilName = (p: PupilState) => (p.identity ? `${p.identity.lastName} ${p.identity.firstName}` : (p.pupilId ?? '?'));
const who = (p: PupilState) => `${pupilName(p)} (${p.pupilId})`;
const subjectOf = (f: BeeEleve) =>
  [f.lastName ?? '(sans nom)', f.firstName].filter(Boolean).join(' ') +
  (f.birthDate ? `, né(e) le ${frenchDateOf(f.birthDate)}` : '');
const refOf = (f: BeeEleve) => (f.eleveId ? `ELEVE_ID ${f.eleveId}` : `élève n° ${f.position} du fichier`);

function identityKeys(names: Array<string | undefined>, firstName: string | undefined, birthDate: string | undefined): string[] {
  if (firstName === undefined || birthDate === undefined) return [];
  return names
    .filter((n): n is string => n !== undefined && n.length > 0)
    .map((n) => `${normaliseName(n)}|${normaliseName(firstName)}|${birthDate}`);
}

/** ELEVE_ID, then INE, then our private id, then names and birth date (FORMAT.md §8.1). */
function tiers(privateIds: Readonly<Record<string, number>>): ReadonlyArray<MatchTier<BeeEleve, PupilState>> {
  return [
    {
      name: 'ELEVE_ID',
      left: (f) => (f.eleveId ? [idKey(f.eleveId) as string] : []),
      right: (p) => (p.siecleId ? [idKey(p.siecleId) as string] : []),
    },
    { name: 'INE', left: inesOf, right: (p) => (p.ine ? [p.ine.toUpperCase()] : []) },
    {
      name: 'ID_PRV_ELE',
      left: (f) => (f.privateId && /^[0-9]+$/.test(f.privateId) ? [idKey(f.privateId) as string] : []),
      right: (p) => {
        const id = p.pupilId === undefined ? undefined : privateIds[p.pupilId];
        return id === undefined ? [] : [String(id)];
      },
    },
    {
      name: 'nom, prénom et date de naissance',
      left: (f) => identityKeys([f.lastName, f.usageName], f.firstName, f.birthDate),
      right: (p) => identityKeys([p.identity?.lastName, p.identity?.usageName], p.identity?.firstName, p.identity?.birthDate),
    },
  ];
}

function unmatchedMessage(outcome: MatchOutcome<BeeEleve, PupilState>, entry: BeeEleve, others: readonly PupilState[]): string {
  switch (outcome.kind) {
    case 'ambiguous':
      return `plusieurs élèves de l’année correspondent par ${outcome.tier} (${outcome.candidates.map(who).join(', ')}) : aucun n’est choisi, complétez la bonne fiche`;
    case 'taken':
      return `correspond par ${outcome.tier} à ${who(outcome.right)}, déjà rapproché de ${refOf(outcome.by)} : vérifiez les deux fiches`;
    case 'contested':
      return `plusieurs élèves du fichier (${[entry, ...outcome.rivals].map(refOf).join(', ')}) correspondent par ${outcome.tier} à ${who(outcome.right)} : aucun n’est choisi`;
    default: {
      // A pupil we know, but not of this year, is worth naming.
      const id = idKey(entry.eleveId);
      const ines = inesOf(entry);
      const other = others.find(
        (p) => (id !== undefined && idKey(p.siecleId) === id) || (p.ine !== undefined && ines.includes(p.ine.toUpperCase())),
      );
      if (other) return `correspond à ${who(other)}, qui n’est pas élève de l’année : rien n’est modifié`;
      return entry.eleveId
        ? 'aucun élève de l’année ne correspond (ELEVE_ID, INE, identifiant privé, nom, prénom et date de naissance)'
        : 'élève sans ELEVE_ID dans le fichier : ignoré';
    }
  }
}

interface IneChoice {
  /** The INE to assign: the first valid of ID_NATIONAL, INE_RNIE, INE_BEA. */
  ine?: string;
  /** Warnings: INEs of the file that fail their key (not integrated), or of unknown format (integrated). */
  warnings: string[];
}

function chooseIne(entry: BeeEleve): IneChoice {
  const warnings: string[] = [];
  let ine: string | undefined;
  for (const value of inesOf(entry)) {
    const inspection = inspectIne(value);
    if (!inspection.valid) {
      warnings.push(`${inspection.message ?? `INE « ${value} » invalide`} : non intégré`);
    } else if (ine === undefined) {
      ine = value;
      if (inspection.message) warnings.push(inspection.message);
    }
  }
  return ine === undefined ? { warnings } : { ine, warnings };
}

/**
 * « Import des identifiants nationaux (INE) et des identifiants SIECLE » (seed, steps 21-23,
 * case 2): `ElevesSansAdresses.xml` or `ElevesAvecAdresses.xml` (root BEE_ELEVES). Each pupil
 * of the file is paired with one of our pupils of the year by ELEVE_ID, then INE, then our
 * private id (ID_PRV_ELE), then names and birth date; a pair gets SIECLE's ELEVE_ID
 * (`SetPupilSiecleId`) and INE (`AssignNationalId`). A pupil of the file that matches nobody, or
 * several, is reported (`unmatched`), never guessed. An INE another of our pupils holds makes
 * the row `rejected`; an INE whose check key fails is not integrated (warning in the row), one
 * of unknown format is integrated with a warning. After a send, the file is also reconciled
 * with what was sent (`src/reconciliation/`).
 */
export function elevesImporter(): Importer<Promise<ImportPlan>> {
  return {
    formatId: ELEVES_FORMAT_ID,
    displayName: 'Élèves SIECLE : INE et identifiants (ElevesSansAdresses.xml / ElevesAvecAdresses.xml)',
    status: 'official',
    async parse(bytes, context): Promise<ImportPlan> {
      const { snapshot, uai, year } = context;
      refuseFirstDegree(snapshot);
      const file = await readElevesFile(bytes, { uai, year });
      const send = snapshot.pluginStates[siecleStreamId(uai)] as SiecleSendState | undefined;
      const ofYear = pupilsOfYear(snapshot);
      const outcomes = tieredMatch(file.pupils, ofYear, tiers(send?.pupilPrivateIds ?? {}));
      const others = snapshot.pupils.filter((p) => !ofYear.includes(p));
      const holders = new Map(
        snapshot.pupils.filter((p) => p.ine !== undefined).map((p) => [(p.ine as string).toUpperCase(), p]),
      );
      const givenIne = new Map<string, BeeEleve>();
      const notes = [
        `fichier ${context.fileName}${file.version ? ` (BEE_ELEVES version ${file.version})` : ''} : ${file.pupils.length} élève(s)`,
        ...file.notes,
      ];
      const rows: ImportRow[] = [];
      const matched = new Set<PupilState>();

      file.pupils.forEach((entry, i) => {
        const outcome = outcomes[i] as MatchOutcome<BeeEleve, PupilState>;
        const base = { ref: refOf(entry), subject: subjectOf(entry) };
        if (outcome.kind !== 'matched') {
          rows.push({ ...base, outcome: 'unmatched', message: unmatchedMessage(outcome, entry, others) });
          return;
        }
        const pupil = outcome.right;
        matched.add(pupil);
        const pupilId = pupil.pupilId as string;
        const commands: Command[] = [];
        const said: string[] = [`rapproché de ${who(pupil)} par ${outcome.tier}`];
        if (entry.exitDate) said.push(`sorti(e) le ${frenchDateOf(entry.exitDate)} dans SIECLE`);

        if (entry.eleveId !== undefined && idKey(entry.eleveId) !== idKey(pupil.siecleId)) {
          if (ELEVE_ID_SHAPE.test(entry.eleveId)) {
            commands.push({ type: 'SetPupilSiecleId', payload: { uai, pupilId, eleveId: entry.eleveId } });
            said.push(
              pupil.siecleId ? `ELEVE_ID ${entry.eleveId} remplace ${pupil.siecleId}` : `ELEVE_ID ${entry.eleveId} enregistré`,
            );
          } else {
            said.push(`ELEVE_ID « ${entry.eleveId} » invalide (un nombre est attendu) : non enregistré`);
          }
        }

        const choice = chooseIne(entry);
        const fileInes = inesOf(entry);
        const keeps = pupil.ine !== undefined && fileInes.includes(pupil.ine.toUpperCase());
        if (choice.ine !== undefined && !keeps) {
          const holder = holders.get(choice.ine);
          const earlier = givenIne.get(choice.ine);
          if (holder && holder.pupilId !== pupilId) {
            rows.push({
              ...base,
              outcome: 'rejected',
              message: `INE ${choice.ine} déjà porté par ${who(holder)} : il ne peut pas être attribué aussi à ${who(pupil)}, vérifiez les deux fiches`,
            });
            return;
          }
          if (earlier && earlier !== entry) {
            rows.push({
              ...base,
              outcome: 'rejected',
              message: `INE ${choice.ine} déjà attribué par ce fichier à ${refOf(earlier)}`,
            });
            return;
          }
          givenIne.set(choice.ine, entry);
          commands.push({ type: 'AssignNationalId', payload: { uai, pupilId, ine: choice.ine } });
          said.push(pupil.ine ? `INE ${choice.ine} remplace ${pupil.ine}` : `INE ${choice.ine} attribué`);
        }
        said.push(...choice.warnings);
        if (commands.length === 0) said.splice(1, 0, 'identifiants déjà à jour');
        rows.push({
          ...base,
          outcome: commands.length > 0 ? 'update' : 'unchanged',
          message: said.join(' ; '),
          ...(commands.length > 0 ? { commands } : {}),
        });
      });

      if (ofYear.length === 0)
        notes.push(`aucun élève inscrit ou préinscrit en ${schoolYearLabel(year)} dans Liaison : aucun rapprochement possible`);
      const missing = ofYear.filter((p) => !matched.has(p));
      if (missing.length > 0)
        notes.push(`${missing.length} élève(s) de l’année absent(s) du fichier : ${missing.map(who).join(', ')}`);
      const invalidDates = file.pupils.filter((p) => p.invalidBirthDate !== undefined);
      if (invalidDates.length > 0)
        notes.push(
          `date de naissance illisible, rapprochement par l’identité impossible : ${invalidDates.map(refOf).join(', ')}`,
        );

      const lastSend = send?.lastSend;
      if (lastSend && lastSend.year === year) {
        const report = reconciliationReport(reconcile(lastSend, file.pupils));
        rows.push(...report.rows);
        notes.push(...report.notes);
      } else if (lastSend) {
        notes.push(
          `dernier envoi à SIECLE pour ${schoolYearLabel(lastSend.year)} : pas de contrôle d’intégration pour ${schoolYearLabel(year)}`,
        );
      }
      const count = (o: ImportRow['outcome']) => rows.filter((r) => r.outcome === o && !r.ref.startsWith('contrôle')).length;
      return {
        rows,
        notes,
        successMessage:
          `Import des identifiants SIECLE : ${count('update')} élève(s) à mettre à jour, ${count('unchanged')} déjà à jour, ` +
          `${count('unmatched')} sans correspondance, ${count('rejected')} refusé(s)`,
      };
    },
  };
}
