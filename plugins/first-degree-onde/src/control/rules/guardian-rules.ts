import { type Anomaly, GUARDIAN_LINK_LABELS, type GuardianPerson } from '@liaison/domain';
import { type ControlContext } from '../control-context';
import { countryLabel, FRANCE } from '../../labels/countries';
import { pupilEntity } from '../../school/entities';
import { exportedGuardians, type PupilGuardian } from '../../school/exported-guardians';
import { type ScopedPupil } from '../../school/pupil-scope';
import { compareText, normaliseName } from '../../text/normalise';
import { RULES } from '../rule-ids';

const blank = (value: string | undefined) => value === undefined || value.trim() === '';

function who(person: GuardianPerson | undefined, guardian: PupilGuardian): string {
  const link = GUARDIAN_LINK_LABELS[guardian.relation.link]?.toLowerCase();
  const name = person
    ? `${(person.lastName ?? '').toUpperCase()} ${person.firstName ?? ''}`.trim() || guardian.guardianId
    : guardian.guardianId;
  return `responsable ${name}${link ? ` (${link})` : ''}`;
}

/** The person's fields ONDE requires (§8 rule 8: CNIL list and MyScol). */
function personProblems(person: GuardianPerson): Array<[string, string]> {
  const problems: Array<[string, string]> = [];
  if (person.civility !== 'M.' && person.civility !== 'MME') problems.push(['civility', 'civilité manquante (M. ou MME)']);
  if (blank(person.lastName)) problems.push(['lastName', 'nom manquant']);
  if (blank(person.firstName)) problems.push(['firstName', 'prénom manquant']);
  const address = person.address;
  if (!address) {
    problems.push(['address', 'adresse manquante']);
    return problems;
  }
  if (blank(address.line1)) problems.push(['address.line1', 'adresse (rue) manquante']);
  if (blank(address.commune)) problems.push(['address.commune', 'commune manquante']);
  if (blank(address.country)) problems.push(['address.country', 'pays de résidence manquant']);
  else if (countryLabel(address.country) === undefined)
    problems.push(['address.country', `pays « ${address.country} » inconnu de la table des pays INSEE`]);
  if (address.country === FRANCE && blank(address.postalCode))
    problems.push(['address.postalCode', 'code postal manquant (adresse en France)']);
  return problems;
}

/**
 * §8 rules 8 and 9 and the parental authority: every exported pupil has a guardian; each
 * guardian relation has a known link and says whether the guardian holds parental authority;
 * each guardian person is complete. Anomalies are on the pupil (the record a user opens), with
 * `guardians.<id>.<field>` naming the guardian's field.
 */
export function guardianRules(context: ControlContext): Anomaly[] {
  const { snapshot, tables } = context;
  const anomalies: Anomaly[] = [];
  for (const pupil of context.scope.checked) {
    const entity = pupilEntity(pupil);
    const add = (rule: string, severity: Anomaly['severity'], field: string, message: string) =>
      anomalies.push({ rule, severity, entity, field, message });
    const guardians = exportedGuardians(pupil.pupil);
    if (guardians.length === 0) {
      const contactsOnly =
        Object.keys(pupil.pupil.guardians).length > 0 ? ' (les personnes à contacter ne sont pas des responsables)' : '';
      add(
        RULES.guardianMissing,
        'error',
        'guardians',
        `aucun responsable légal${contactsOnly} : ajoutez au moins un représentant légal avec son lien de parenté, l’autorité parentale et son adresse`,
      );
      continue;
    }
    for (const guardian of guardians) {
      const field = (f: string) => `guardians.${guardian.guardianId}.${f}`;
      const person = snapshot.guardians[guardian.guardianId]?.person;
      const name = who(person, guardian);
      if (!person) {
        add(
          RULES.guardianIncomplete,
          'error',
          `guardians.${guardian.guardianId}`,
          `${name} introuvable : rattachez à nouveau le responsable`,
        );
        continue;
      }
      const link = guardian.relation.link;
      if (blank(link))
        add(RULES.guardianLink, 'error', field('link'), `${name} : lien de parenté manquant (mère, père, tuteur…)`);
      else if (tables.linkLabels[link] === undefined)
        add(
          RULES.guardianLink,
          'error',
          field('link'),
          `${name} : lien de parenté « ${link} » inconnu, choisissez un lien de la liste`,
        );
      if (typeof guardian.relation.parentalAuthority !== 'boolean') {
        add(
          RULES.parentalAuthority,
          'error',
          field('parentalAuthority'),
          `${name} : autorité parentale non renseignée, indiquez oui ou non`,
        );
      }
      for (const [f, problem] of personProblems(person)) add(RULES.guardianIncomplete, 'error', field(f), `${name} : ${problem}`);
    }
    anomalies.push(...authorityRules(pupil, guardians, context));
  }
  anomalies.push(...duplicateGuardians(context));
  return anomalies;
}

/**
 * `parentalAuthority: false` on every legal representative means nobody holds parental
 * authority over the child: that is an error. A single representative without it (a judge
 * withdrew it) is possible, but worth a second look: a warning.
 */
function authorityRules(pupil: ScopedPupil, guardians: PupilGuardian[], context: ControlContext): Anomaly[] {
  const entity = pupilEntity(pupil);
  const legal = guardians.filter((g) => g.relation.legalLevel === 1 && typeof g.relation.parentalAuthority === 'boolean');
  const without = legal.filter((g) => g.relation.parentalAuthority === false);
  if (legal.length === 0 || without.length === 0) return [];
  const nameOf = (g: PupilGuardian) => who(context.snapshot.guardians[g.guardianId]?.person, g);
  if (without.length === legal.length) {
    return [
      {
        rule: RULES.parentalAuthority,
        severity: 'error',
        entity,
        field: `guardians.${without[0]?.guardianId}.parentalAuthority`,
        message: `aucun représentant légal n’a l’autorité parentale (${without.map(nameOf).join(', ')}) : indiquez qui la détient`,
      },
    ];
  }
  return without.map((g) => ({
    rule: RULES.parentalAuthority,
    severity: 'warning' as const,
    entity,
    field: `guardians.${g.guardianId}.parentalAuthority`,
    message: `${nameOf(g)} : représentant légal sans autorité parentale, vérifiez que c’est bien le cas`,
  }));
}

/** §8 rule 15: the same person entered twice (two ids) becomes two guardians in ONDE. */
function duplicateGuardians(context: ControlContext): Anomaly[] {
  const { snapshot } = context;
  const idsByKey = new Map<string, Set<string>>();
  const keyOf = (person: GuardianPerson) =>
    [
      person.lastName ?? '',
      person.firstName ?? '',
      person.address?.line1 ?? '',
      person.address?.postalCode ?? '',
      person.address?.commune ?? '',
    ]
      .map(normaliseName)
      .join('|');
  for (const pupil of context.scope.checked) {
    for (const g of exportedGuardians(pupil.pupil)) {
      const person = snapshot.guardians[g.guardianId]?.person;
      if (!person) continue;
      const key = keyOf(person);
      idsByKey.set(key, (idsByKey.get(key) ?? new Set()).add(g.guardianId));
    }
  }
  const keptFor = new Map<string, string>();
  for (const ids of idsByKey.values()) {
    const sorted = [...ids].sort(compareText);
    for (const id of sorted.slice(1)) keptFor.set(id, sorted[0] ?? id);
  }
  const anomalies: Anomaly[] = [];
  for (const pupil of context.scope.checked) {
    for (const g of exportedGuardians(pupil.pupil)) {
      const kept = keptFor.get(g.guardianId);
      if (kept === undefined) continue;
      const person = snapshot.guardians[g.guardianId]?.person;
      anomalies.push({
        rule: RULES.guardianDuplicate,
        severity: 'error',
        entity: pupilEntity(pupil),
        field: `guardians.${g.guardianId}`,
        message: `le responsable ${g.guardianId} (${(person?.lastName ?? '').toUpperCase()} ${person?.firstName ?? ''}) semble être la même personne que le responsable ${kept} : rattachez l’élève à ${kept} pour qu’ONDE ne crée pas deux comptes`,
      });
    }
  }
  return anomalies;
}
