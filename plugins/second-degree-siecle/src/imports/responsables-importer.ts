import { type GuardianState, type Importer, type ImportPlan, type ImportRow, type PupilState } from '@liaison/domain';
import { type SiecleSendState, siecleStreamId } from '../send/send-state';
import { idKey } from './eleves-file';
import { RESPONSABLES_FORMAT_ID } from './format-ids';
import { refuseFirstDegree } from './guard';
import { type MatchOutcome, type MatchTier, tieredMatch } from './matching';
import { normaliseName } from './names';
import { type BeeLien, type BeePersonne, readResponsablesFile } from './responsables-file';

const PERSONNE_ID_SHAPE = /^[0-9]{1,12}$/;

interface Guardian {
  guardianId: string;
  state: GuardianState;
  /** ELEVE_IDs of our pupils this guardian is linked to. */
  eleveIds: string[];
}

const personSubject = (p: BeePersonne) => [p.civility, p.lastName ?? '(sans nom)', p.firstName].filter(Boolean).join(' ');
const refOf = (p: BeePersonne) => (p.personneId ? `PERSONNE_ID ${p.personneId}` : `personne n° ${p.position} du fichier`);
const guardianName = (g: Guardian) => {
  const person = g.state.person;
  return person ? `${person.lastName} ${person.firstName} (${g.guardianId})` : g.guardianId;
};

function nameKeys(prefixes: readonly string[], names: Array<string | undefined>, firstName: string | undefined): string[] {
  if (firstName === undefined) return [];
  const keys: string[] = [];
  for (const prefix of prefixes) {
    for (const name of names) if (name) keys.push(`${prefix}|${normaliseName(name)}|${normaliseName(firstName)}`);
  }
  return keys;
}

/**
 * « Import des identifiants famille » (seed, steps 21-23, case 2): `ResponsablesAvecAdresses.xml`
 * (root BEE_RESPONSABLES, both models). Each person is paired with one of our guardians by
 * PERSONNE_ID, then our private id (ID_PRV_PER), then through the pupils it is linked to (their
 * ELEVE_ID, set by the siecle.eleves import) and the names of those pupils' guardians; a pair
 * gets SIECLE's PERSONNE_ID (`SetGuardianSiecleId`). No match, or several, is reported, never
 * guessed; a guardian already holding another PERSONNE_ID is reported, not overwritten.
 */
export function responsablesImporter(): Importer<Promise<ImportPlan>> {
  return {
    formatId: RESPONSABLES_FORMAT_ID,
    displayName: 'Responsables SIECLE : identifiants famille (ResponsablesAvecAdresses.xml)',
    status: 'official',
    async parse(bytes, context): Promise<ImportPlan> {
      const { snapshot, uai, year } = context;
      refuseFirstDegree(snapshot);
      const file = await readResponsablesFile(bytes, { uai, year });
      const send = snapshot.pluginStates[siecleStreamId(uai)] as SiecleSendState | undefined;
      const privateIds = send?.guardianPrivateIds ?? {};

      const pupilsByEleveId = new Map<string, PupilState>();
      for (const p of snapshot.pupils) if (p.siecleId) pupilsByEleveId.set(idKey(p.siecleId) as string, p);
      const guardians: Guardian[] = Object.entries(snapshot.guardians).map(([guardianId, state]) => ({
        guardianId,
        state,
        eleveIds: snapshot.pupils
          .filter((p) => p.siecleId && Object.hasOwn(p.guardians, guardianId))
          .map((p) => idKey(p.siecleId) as string),
      }));
      const linksOf = new Map<string, BeeLien[]>();
      for (const l of file.liens) {
        const k = idKey(l.personneId) as string;
        linksOf.set(k, [...(linksOf.get(k) ?? []), l]);
      }
      const eleveIdsOf = (p: BeePersonne) => [
        ...new Set((linksOf.get(idKey(p.personneId) ?? '') ?? []).map((l) => idKey(l.eleveId) as string)),
      ];

      const tiers: ReadonlyArray<MatchTier<BeePersonne, Guardian>> = [
        {
          name: 'PERSONNE_ID',
          left: (p) => (p.personneId ? [idKey(p.personneId) as string] : []),
          right: (g) => (g.state.siecleId ? [idKey(g.state.siecleId) as string] : []),
        },
        {
          name: 'ID_PRV_PER',
          left: (p) => (p.privateId && /^[0-9]+$/.test(p.privateId) ? [idKey(p.privateId) as string] : []),
          right: (g) => (privateIds[g.guardianId] === undefined ? [] : [String(privateIds[g.guardianId])]),
        },
        {
          name: 'élève lié, nom et prénom',
          left: (p) => nameKeys(eleveIdsOf(p), [p.lastName, p.usageName], p.firstName),
          right: (g) => nameKeys(g.eleveIds, [g.state.person?.lastName, g.state.person?.usageName], g.state.person?.firstName),
        },
      ];
      const outcomes = tieredMatch(file.personnes, guardians, tiers);

      const rows: ImportRow[] = file.personnes.map((personne, i): ImportRow => {
        const outcome = outcomes[i] as MatchOutcome<BeePersonne, Guardian>;
        const base = { ref: refOf(personne), subject: personSubject(personne) };
        if (outcome.kind !== 'matched')
          return { ...base, outcome: 'unmatched', message: unmatched(outcome, personne, eleveIdsOf(personne), pupilsByEleveId) };
        const guardian = outcome.right;
        const personneId = personne.personneId as string;
        const said = `rapproché de ${guardianName(guardian)} par ${outcome.tier}`;
        if (idKey(guardian.state.siecleId) === idKey(personneId))
          return { ...base, outcome: 'unchanged', message: `${said} ; PERSONNE_ID déjà enregistré` };
        if (guardian.state.siecleId !== undefined) {
          return {
            ...base,
            outcome: 'unmatched',
            message: `${guardianName(guardian)} porte déjà le PERSONNE_ID ${guardian.state.siecleId} : non remplacé, vérifiez la fiche`,
          };
        }
        if (!PERSONNE_ID_SHAPE.test(personneId)) {
          return {
            ...base,
            outcome: 'unmatched',
            message: `PERSONNE_ID « ${personneId} » invalide (un nombre est attendu) : non enregistré`,
          };
        }
        return {
          ...base,
          outcome: 'update',
          message: `${said} ; PERSONNE_ID ${personneId} enregistré`,
          commands: [{ type: 'SetGuardianSiecleId', payload: { uai, guardianId: guardian.guardianId, personneId } }],
        };
      });

      const notes = [
        `fichier ${context.fileName}${file.version ? ` (BEE_RESPONSABLES version ${file.version})` : ''} : ${file.personnes.length} personne(s), ${file.liens.length} lien(s) élève–responsable`,
        ...file.notes,
      ];
      const count = (o: ImportRow['outcome']) => rows.filter((r) => r.outcome === o).length;
      return {
        rows,
        notes,
        successMessage: `Import des identifiants famille : ${count('update')} à enregistrer, ${count('unchanged')} déjà à jour, ${count('unmatched')} sans correspondance`,
      };
    },
  };
}

function unmatched(
  outcome: MatchOutcome<BeePersonne, Guardian>,
  personne: BeePersonne,
  eleveIds: readonly string[],
  pupils: ReadonlyMap<string, PupilState>,
): string {
  switch (outcome.kind) {
    case 'ambiguous':
      return `plusieurs responsables correspondent par ${outcome.tier} (${outcome.candidates.map(guardianName).join(', ')}) : aucun n’est choisi`;
    case 'taken':
      return `correspond par ${outcome.tier} à ${guardianName(outcome.right)}, déjà rapproché de ${refOf(outcome.by)}`;
    case 'contested':
      return `plusieurs personnes du fichier (${[personne, ...outcome.rivals].map(refOf).join(', ')}) correspondent à ${guardianName(outcome.right)} : aucune n’est choisie`;
    default: {
      if (!personne.personneId) return 'personne sans PERSONNE_ID dans le fichier : ignorée';
      if (eleveIds.length === 0) return 'aucun élève n’est lié à cette personne dans le fichier';
      const known = eleveIds.map((id) => pupils.get(id)).filter((p): p is PupilState => p !== undefined);
      if (known.length === 0) {
        return `aucun des élèves liés (ELEVE_ID ${eleveIds.join(', ')}) n’a d’identifiant SIECLE dans Liaison : importez d’abord le fichier des élèves (siecle.eleves)`;
      }
      const names = known.map((p) => (p.identity ? `${p.identity.lastName} ${p.identity.firstName}` : p.pupilId)).join(', ');
      return `aucun responsable de ${names} ne porte ce nom et ce prénom dans Liaison`;
    }
  }
}
