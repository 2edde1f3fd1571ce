import {
  type Anomaly,
  type AnomalyEntity,
  checkUai,
  EXIT_MOTIVES,
  GUARDIAN_LINK_ORDER,
  type GuardianRelation,
  type GuardianState,
  inspectIne,
  isExitMotive,
  isGuardianLink,
  isMefCode,
  type SchoolSnapshot,
} from '@liaison/domain';
import {
  CIVILITIES,
  DEFAULT_PROFESSION,
  DEFAULT_REGIME,
  DEFAULT_STATUT,
  FRANCE,
  OWN_SCHOOL_PROVENANCE,
  PROFESSIONS,
  PROVENANCES,
  REGIMES,
  SEXES,
  STATUTS,
} from '../control/code-lists';
import { RULES } from '../control/rule-ids';
import { byCodePoints, guardianLabel, type SentPupilScope, siecleScope, type SiecleScope } from '../control/scope';
import { referenceStateOf, type SiecleReferenceState } from '../reference';
import { describeChar, plainText, unwritableChars } from './latin9';

/** The model the writer renders: codes and plain texts, in SIECLE's terms, ids still internal. */
export interface AddressModel {
  lines: string[];
  /** France: CODE_POSTAL and LL_POSTAL. */
  postalCode?: string;
  town?: string;
  /** Abroad: COMMUNE_ETRANGERE. */
  foreignTown?: string;
  country: string;
}

export interface PersonModel {
  guardianId: string;
  civility: string;
  lastName: string;
  usageName?: string;
  firstName: string;
  address?: AddressModel;
  profession: string;
  phone?: string;
  mobile?: string;
  email?: string;
}

export interface RelationModel {
  guardianId: string;
  link: string;
  /** HEBERGE_ELEVE, for LEGAL and PERSONNE_EN_CHARGE. */
  hosts: boolean;
}

export interface SchoolingModel {
  mef: string;
  division?: string;
  statut: string;
  start: string;
  end?: string;
}

export interface PreviousSchoolModel {
  uai?: string;
  department?: string;
  provenance: string;
  mef?: string;
  division?: string;
}

export interface PupilModel {
  pupilId: string;
  /** ELEVE_SORTANT: CODE_MOTIF_SORTIE and DATE_SORTIE. */
  exit?: { motive: string; date: string };
  ine?: string;
  lastName: string;
  usageName?: string;
  firstName: string;
  firstName2?: string;
  firstName3?: string;
  nationality?: string;
  birthDate: string;
  sex: string;
  birthCountry: string;
  birthCommune?: string;
  birthCity?: string;
  entryDate?: string;
  transport: boolean;
  regime: string;
  doublement: boolean;
  responsables?: { legal: RelationModel[]; inCharge: RelationModel[]; contacts: RelationModel[] };
  schooling?: SchoolingModel;
  previous?: PreviousSchoolModel;
}

export interface ImportPriveDocument {
  /** In `pupilId` order. */
  pupils: PupilModel[];
  /** Every person a written relation names, in `guardianId` order. */
  persons: PersonModel[];
}

export interface DocumentRun {
  scope: SiecleScope;
  document: ImportPriveDocument;
  /** What the mapping found: errors block the export, warnings tell which default was applied. */
  anomalies: Anomaly[];
}

/** XSD lengths, in characters. */
const MAX = { name: 100, town: 32, addressLine: 38, phone: 20, email: 254, division: 8, code3: 3 } as const;

export const yearBounds = (year: number) => ({ start: `${year}-09-01`, end: `${year + 1}-08-31` });
const frenchDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The division code SIECLE knows a class by: its code rectorat, else its own code. */
export function divisionCodeOf(klass: { classCode?: string; rectoratCode?: string }): string | undefined {
  return klass.rectoratCode ?? klass.classCode;
}

class Findings {
  readonly list: Anomaly[] = [];

  add(entity: AnomalyEntity, severity: Anomaly['severity'], rule: string, field: string | undefined, message: string): void {
    this.list.push({ rule, severity, entity, ...(field === undefined ? {} : { field }), message });
  }

  /**
   * The text as written, after the checks the XSD and the encoding impose: characters outside
   * ISO-8859-15, and the length limit. Faults are errors on `entity`/`field`.
   */
  text(entity: AnomalyEntity, field: string, what: string, value: string, max: number): string {
    const written = plainText(value);
    const bad = unwritableChars(written);
    if (bad.length > 0) {
      this.add(
        entity,
        'error',
        RULES.text,
        field,
        `${what} « ${value} » : ${bad.map(describeChar).join(', ')} ne peut pas s’écrire dans le fichier SIECLE (ISO-8859-15) ; corrigez la saisie`,
      );
    }
    const length = [...written].length;
    if (length === 0) this.add(entity, 'error', RULES.text, field, `${what} vide : SIECLE exige au moins un caractère`);
    else if (length > max)
      this.add(
        entity,
        'error',
        RULES.text,
        field,
        `${what} « ${written} » trop long : ${length} caractères, ${max} au plus dans SIECLE`,
      );
    return written;
  }

  optionalText(entity: AnomalyEntity, field: string, what: string, value: string | undefined, max: number): string | undefined {
    if (value === undefined || plainText(value) === '') return undefined;
    return this.text(entity, field, what, value, max);
  }
}

/** Legal level, then SIECLE's display order of the link, then guardianId. */
function relationOrder(a: [string, GuardianRelation], b: [string, GuardianRelation]): number {
  const rank = (link: string) => {
    const index = GUARDIAN_LINK_ORDER.indexOf(link);
    return index < 0 ? GUARDIAN_LINK_ORDER.length : index;
  };
  return a[1].legalLevel - b[1].legalLevel || rank(a[1].link) - rank(b[1].link) || byCodePoints(a[0], b[0]);
}

interface Context {
  snapshot: SchoolSnapshot;
  /** The year's SIECLE reference data (structures, code lists), when imported. */
  reference: SiecleReferenceState;
  findings: Findings;
  bounds: { start: string; end: string };
  nomenclature: Record<string, unknown>;
  hasNomenclature: boolean;
  yearField: (field: string) => string;
}

/** A code of SIECLE's national list, or of the school's own copy of it (`Nomenclature.xml`, when imported). */
function inList(
  ctx: Context,
  list: 'regimes' | 'statuts' | 'provenances',
  national: Readonly<Record<string, string>>,
  code: string,
): boolean {
  return Object.hasOwn(national, code) || Object.hasOwn(ctx.reference.codeLists[list] ?? {}, code);
}

function mapPerson(ctx: Context, guardianId: string, guardian: GuardianState): PersonModel {
  const f = ctx.findings;
  const person = guardian.person!;
  const entity: AnomalyEntity = { kind: 'guardian', id: guardianId, label: guardianLabel(guardianId, guardian) };
  const lastName = f.text(entity, 'lastName', 'Nom de famille', person.lastName, MAX.name);
  const usageName = f.optionalText(entity, 'usageName', 'Nom d’usage', person.usageName, MAX.name);
  const firstName = f.text(entity, 'firstName', 'Prénom', person.firstName, MAX.name);
  let profession = person.profession;
  if (profession === undefined) {
    profession = DEFAULT_PROFESSION;
    f.add(
      entity,
      'warning',
      RULES.defaultProfession,
      'profession',
      `Profession (PCS) non renseignée : « ${DEFAULT_PROFESSION} » (non renseignée) est envoyé, la valeur par défaut de SIECLE`,
    );
  } else if (!PROFESSIONS.has(profession) && !Object.hasOwn(ctx.reference.codeLists.professions ?? {}, profession)) {
    f.add(
      entity,
      'error',
      RULES.profession,
      'profession',
      `Profession « ${profession} » inconnue de SIECLE : un code PCS à 2 chiffres de la nomenclature est attendu (ex. 99 non renseignée)`,
    );
  }
  const a = person.address;
  const country = a.country;
  if ([...country].length > MAX.code3)
    f.add(
      entity,
      'error',
      RULES.address,
      'address.country',
      `Pays de l’adresse « ${country} » : un code pays INSEE de 3 caractères au plus est attendu`,
    );
  const lines = [
    f.text(entity, 'address.line1', 'Adresse (ligne 1)', a.line1, MAX.addressLine),
    f.optionalText(entity, 'address.line2', 'Adresse (ligne 2)', a.line2, MAX.addressLine),
  ].filter((l): l is string => l !== undefined);
  let address: AddressModel;
  if (country === FRANCE) {
    const postalCode = a.postalCode === undefined ? undefined : plainText(a.postalCode);
    if (postalCode === undefined || !/^\d{5}$/.test(postalCode)) {
      f.add(
        entity,
        'error',
        RULES.address,
        'address.postalCode',
        postalCode === undefined
          ? 'Code postal manquant : SIECLE l’exige pour une adresse en France'
          : `Code postal « ${postalCode} » invalide : 5 chiffres sont attendus`,
      );
    }
    address = {
      lines,
      postalCode: postalCode ?? '',
      town: f.text(entity, 'address.commune', 'Commune', a.commune, MAX.town),
      country,
    };
  } else {
    address = { lines, foreignTown: f.text(entity, 'address.commune', 'Commune (étranger)', a.commune, MAX.town), country };
  }
  return {
    guardianId,
    civility: CIVILITIES[person.civility] ?? '',
    lastName,
    ...(usageName === undefined ? {} : { usageName }),
    firstName,
    address,
    profession,
    ...optionalField('phone', f.optionalText(entity, 'phone', 'Téléphone', person.phone, MAX.phone)),
    ...optionalField('mobile', f.optionalText(entity, 'mobile', 'Téléphone portable', person.mobile, MAX.phone)),
    ...optionalField('email', f.optionalText(entity, 'email', 'Courriel', person.email, MAX.email)),
  };
}

const optionalField = <K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> =>
  (value === undefined ? {} : { [key]: value }) as Partial<Record<K, string>>;

function mapResponsables(ctx: Context, s: SentPupilScope, entity: AnomalyEntity): PupilModel['responsables'] {
  const f = ctx.findings;
  const related = Object.entries(s.pupil.guardians).sort(relationOrder);
  const known: Array<[string, GuardianRelation]> = [];
  for (const [guardianId, relation] of related) {
    if (!ctx.snapshot.guardians[guardianId]?.person) {
      f.add(
        entity,
        'error',
        RULES.guardianUnknown,
        `guardians.${guardianId}`,
        `Responsable ${guardianId} introuvable : sa fiche n’existe pas dans l’établissement`,
      );
      continue;
    }
    if (!isGuardianLink(relation.link)) {
      f.add(
        entity,
        'error',
        RULES.guardianLink,
        `guardians.${guardianId}.link`,
        `Lien de parenté « ${relation.link} » avec ${guardianLabel(guardianId, ctx.snapshot.guardians[guardianId])} inconnu de SIECLE : un CODE_PARENTE à 2 chiffres est attendu (10 mère, 20 père, 50 tuteur…)`,
      );
    }
    known.push([guardianId, relation]);
  }
  const legal = known.filter(([, r]) => r.legalLevel === 1);
  if (legal.length === 0) {
    if (s.leaving) {
      if (known.length > 0 || related.length > 0) {
        f.add(
          entity,
          'warning',
          RULES.leavingWithoutGuardian,
          'guardians',
          'Élève sortant sans représentant légal : ses responsables ne sont pas envoyés',
        );
      }
      return undefined;
    }
    f.add(
      entity,
      'error',
      RULES.legalGuardianMissing,
      'guardians',
      'Aucun représentant légal : SIECLE n’importe pas un élève sans responsable légal (au moins un responsable de niveau 1 est attendu)',
    );
    return undefined;
  }
  if (legal.length > 2) {
    f.add(
      entity,
      'error',
      RULES.legalGuardiansTooMany,
      'guardians',
      `${legal.length} représentants légaux : SIECLE en accepte 2 au plus ; passez les autres en « personne en charge » ou « personne à contacter »`,
    );
  }
  const hosting = (guardianId: string, relation: GuardianRelation): RelationModel => {
    if (relation.livesWith === undefined) {
      f.add(
        entity,
        'warning',
        RULES.defaultHosting,
        `guardians.${guardianId}.livesWith`,
        `Hébergement de l’élève par ${guardianLabel(guardianId, ctx.snapshot.guardians[guardianId])} non renseigné : « oui » est envoyé (HEBERGE_ELEVE)`,
      );
    }
    return { guardianId, link: relation.link, hosts: relation.livesWith ?? true };
  };
  return {
    legal: legal.map(([id, r]) => hosting(id, r)),
    inCharge: known.filter(([, r]) => r.legalLevel === 2).map(([id, r]) => hosting(id, r)),
    contacts: known.filter(([, r]) => r.legalLevel === 3).map(([id, r]) => ({ guardianId: id, link: r.link, hosts: false })),
  };
}

function mapSchooling(ctx: Context, s: SentPupilScope, entity: AnomalyEntity): SchoolingModel | undefined {
  const f = ctx.findings;
  const klass = s.klass;
  if (!klass) {
    f.add(
      entity,
      'error',
      RULES.classUnknown,
      ctx.yearField('classCode'),
      s.year.classCode === undefined
        ? 'Aucune classe (division) : SIECLE attend la division de l’élève'
        : `Classe « ${s.year.classCode} » introuvable dans l’année`,
    );
    return undefined;
  }
  const division = divisionCodeOf(klass);
  const mef = s.year.formationCode ?? (klass.formations.length === 1 ? klass.formations[0] : undefined);
  if (mef === undefined) {
    f.add(
      entity,
      'error',
      RULES.mefMissing,
      ctx.yearField('formationCode'),
      klass.formations.length === 0
        ? `Formation (MEF) manquante : la classe ${klass.label ?? klass.classCode} n’a pas de MEF et l’élève n’en a pas`
        : `Formation (MEF) manquante : la classe ${klass.label ?? klass.classCode} en a plusieurs (${klass.formations.join(', ')}), choisissez celle de l’élève`,
    );
  } else if (!isMefCode(mef)) {
    f.add(
      entity,
      'error',
      RULES.mefInvalid,
      ctx.yearField('formationCode'),
      `Code MEF « ${mef} » invalide : SIECLE attend un code MEF de 11 chiffres`,
    );
  } else {
    if (ctx.hasNomenclature && !Object.hasOwn(ctx.nomenclature, mef)) {
      f.add(
        entity,
        'error',
        RULES.mefNotInNomenclature,
        ctx.yearField('formationCode'),
        `MEF ${mef} absent de la nomenclature SIECLE de l’année : importez la nomenclature à jour ou corrigez la formation`,
      );
    }
    const structure = division === undefined ? undefined : ctx.reference.divisions[division];
    if (!klass.formations.includes(mef)) {
      f.add(
        entity,
        'error',
        RULES.divisionNotInMef,
        ctx.yearField('formationCode'),
        `Division ${division ?? klass.classCode} non rattachée au MEF ${mef} : SIECLE rejetterait la scolarité (ACDIV_B_01) ; ajoutez le MEF à la classe ou corrigez la formation de l’élève`,
      );
    } else if (structure && !structure.mefCodes.includes(mef)) {
      f.add(
        entity,
        'error',
        RULES.divisionNotInMef,
        ctx.yearField('formationCode'),
        `Division ${division} non rattachée au MEF ${mef} dans les structures SIECLE (Structures.xml : ${structure.mefCodes.join(', ') || 'aucun MEF'}) : SIECLE rejetterait la scolarité (ACDIV_B_01) ; faites rattacher le MEF à la division dans STS-web ou corrigez la formation`,
      );
    }
  }
  const schooling = s.year.schooling;
  let statut = schooling.statut;
  if (statut === undefined) {
    statut = DEFAULT_STATUT;
    f.add(
      entity,
      'warning',
      RULES.defaultStatut,
      ctx.yearField('schooling.statut'),
      `Statut non renseigné : « ${DEFAULT_STATUT} » (scolaire) est envoyé, la valeur par défaut de SIECLE`,
    );
  } else if (!inList(ctx, 'statuts', STATUTS, statut)) {
    f.add(
      entity,
      'error',
      RULES.statut,
      ctx.yearField('schooling.statut'),
      `Statut « ${statut} » absent de la nomenclature nationale : SIECLE l’ignorerait (STATU_C_01) ; codes acceptés ${Object.keys(STATUTS).join(', ')}`,
    );
  }
  const start = s.year.entryDate;
  if (start === undefined || !ISO_DATE.test(start)) {
    f.add(
      entity,
      'error',
      RULES.schoolingDates,
      ctx.yearField('entryDate'),
      'Date d’entrée (début de scolarité) manquante : SIECLE l’exige',
    );
  } else if (start < ctx.bounds.start || start > ctx.bounds.end) {
    f.add(
      entity,
      'error',
      RULES.schoolingDates,
      ctx.yearField('entryDate'),
      `Date de début de scolarité ${frenchDate(start)} hors de l’année scolaire (${frenchDate(ctx.bounds.start)} – ${frenchDate(ctx.bounds.end)}) : SIECLE ignorerait la scolarité (SCOAC_E_02)`,
    );
  }
  return {
    mef: mef ?? '',
    ...(division === undefined ? {} : { division: plainText(division) }),
    statut,
    start: start ?? '',
    ...(s.leaving && s.year.exitDate !== undefined ? { end: s.year.exitDate } : {}),
  };
}

function mapPrevious(ctx: Context, s: SentPupilScope, entity: AnomalyEntity): PreviousSchoolModel | undefined {
  const f = ctx.findings;
  const own = ctx.snapshot.uai;
  const lastYear = s.pupil.years[ctx.snapshot.year - 1];
  const hereLastYear = lastYear?.status === 'inscrit';
  const given = s.pupil.identity?.previousSchool;
  const field = 'identity.previousSchool';
  const names = (uai: string | undefined) => uai !== undefined && uai.toUpperCase() === own;
  if (given === undefined || (hereLastYear && !names(given.uai))) {
    if (!hereLastYear) {
      if (s.leaving) return undefined;
      f.add(
        entity,
        'error',
        RULES.previousSchoolMissing,
        field,
        `Établissement d’origine manquant : l’élève est nouveau dans l’établissement ; indiquez l’établissement fréquenté en ${ctx.snapshot.year - 1}-${ctx.snapshot.year} (UAI ou département, et provenance)`,
      );
      return undefined;
    }
    // Enrolled here last year: this school is the previous one (SIECLE's default, with a warning).
    const lastMef = lastYear?.formationCode;
    const mef = lastMef !== undefined && isMefCode(lastMef) && Object.hasOwn(ctx.nomenclature, lastMef) ? lastMef : undefined;
    f.add(
      entity,
      'warning',
      RULES.defaultPreviousSchool,
      field,
      `${given === undefined ? 'Établissement d’origine non renseigné' : `Établissement d’origine saisi (${given.uai ?? given.department ?? '?'}) antérieur à l’an dernier`} : inscrit ici en ${ctx.snapshot.year - 1}-${ctx.snapshot.year}, l’établissement lui-même est envoyé (${own}, provenance ${OWN_SCHOOL_PROVENANCE} « privé de l’académie »${mef ? `, MEF ${mef}` : ''})`,
    );
    if (lastMef !== undefined && mef === undefined) {
      f.add(
        entity,
        'warning',
        RULES.previousMefDropped,
        field,
        `MEF de l’an dernier ${lastMef} absent de la nomenclature de l’année : il n’est pas envoyé`,
      );
    }
    return { uai: own, provenance: OWN_SCHOOL_PROVENANCE, ...(mef ? { mef } : {}) };
  }
  const uai = given.uai === undefined ? undefined : given.uai.toUpperCase();
  const department = given.department;
  if (uai !== undefined) {
    const reason = checkUai(uai);
    if (reason) f.add(entity, 'error', RULES.previousSchool, `${field}.uai`, `Établissement d’origine : ${reason}`);
  } else if (department === undefined) {
    f.add(
      entity,
      'error',
      RULES.previousSchool,
      field,
      'Établissement d’origine incomplet : son UAI ou son département est attendu',
    );
  } else if (!/^[0-9A-Z]{1,3}$/.test(department)) {
    f.add(
      entity,
      'error',
      RULES.previousSchool,
      `${field}.department`,
      `Département d’origine « ${department} » invalide : un code de 3 caractères au plus est attendu (ex. 075, 2A, 99)`,
    );
  }
  let provenance = given.provenance;
  if (provenance === undefined) {
    if (names(uai)) {
      provenance = OWN_SCHOOL_PROVENANCE;
      f.add(
        entity,
        'warning',
        RULES.defaultProvenance,
        `${field}.provenance`,
        `Provenance non renseignée : « ${OWN_SCHOOL_PROVENANCE} » (privé de l’académie) est envoyé, l’établissement d’origine étant l’établissement lui-même`,
      );
    } else {
      f.add(
        entity,
        'error',
        RULES.previousSchool,
        `${field}.provenance`,
        `Provenance (CODE_PROVENANCE) manquante : indiquez 1 à 8 (1 public de l’académie, 2 privé de l’académie, 3 public hors académie…)`,
      );
      provenance = '';
    }
  } else if (!inList(ctx, 'provenances', PROVENANCES, provenance)) {
    f.add(
      entity,
      'error',
      RULES.previousSchool,
      `${field}.provenance`,
      `Provenance « ${provenance} » inconnue de SIECLE : un code de 1 à 8 est attendu`,
    );
  }
  const mef = given.formationCode;
  if (mef !== undefined) {
    if (!isMefCode(mef)) {
      f.add(
        entity,
        'error',
        RULES.previousMef,
        `${field}.formationCode`,
        `MEF d’origine « ${mef} » invalide : un code MEF de 11 chiffres est attendu`,
      );
    } else if (ctx.hasNomenclature && !Object.hasOwn(ctx.nomenclature, mef)) {
      f.add(
        entity,
        'error',
        RULES.previousMef,
        `${field}.formationCode`,
        `MEF d’origine ${mef} absent de la nomenclature de l’établissement : SIECLE l’effacerait (MEFAD_C_02) ; corrigez-le ou retirez-le`,
      );
    }
  }
  const division = f.optionalText(entity, `${field}.classCode`, 'Division d’origine', given.classCode, MAX.division);
  return {
    ...(uai !== undefined ? { uai } : { department: department ?? '' }),
    provenance,
    ...(mef === undefined ? {} : { mef }),
    ...(division === undefined ? {} : { division }),
  };
}

function mapPupil(ctx: Context, s: SentPupilScope): PupilModel | undefined {
  const f = ctx.findings;
  const identity = s.pupil.identity;
  const entity: AnomalyEntity = { kind: 'pupil', id: s.pupilId, label: s.label };
  if (!identity) return undefined;
  const year = s.year;
  let exit: PupilModel['exit'];
  if (s.leaving) {
    const motive = year.exitMotive ?? '';
    if (!isExitMotive(motive)) {
      f.add(
        entity,
        'error',
        RULES.exitMotive,
        ctx.yearField('exitMotive'),
        `Motif de sortie « ${motive} » invalide : SIECLE rejetterait l’élève entier (REJEL_SORTI_F_01) ; un des 29 codes nationaux est attendu (ex. 40 ${EXIT_MOTIVES['40']})`,
      );
    }
    const date = year.exitDate ?? '';
    if (!ISO_DATE.test(date)) {
      f.add(entity, 'error', RULES.exitDate, ctx.yearField('exitDate'), 'Date de sortie manquante');
    } else if (date < ctx.bounds.start || date > ctx.bounds.end) {
      f.add(
        entity,
        'error',
        RULES.exitDate,
        ctx.yearField('exitDate'),
        `Date de sortie ${frenchDate(date)} hors de l’année scolaire (${frenchDate(ctx.bounds.start)} – ${frenchDate(ctx.bounds.end)})`,
      );
    } else if (year.entryDate !== undefined && ISO_DATE.test(year.entryDate) && date < year.entryDate) {
      f.add(
        entity,
        'error',
        RULES.exitDate,
        ctx.yearField('exitDate'),
        `Date de sortie ${frenchDate(date)} antérieure à la date d’entrée ${frenchDate(year.entryDate)}`,
      );
    }
    exit = { motive, date };
  }

  let ine: string | undefined;
  if (s.pupil.ine !== undefined) {
    ine = s.pupil.ine;
    const inspection = inspectIne(ine);
    if (!/^[A-Za-z0-9_]{11}$/.test(ine)) {
      f.add(entity, 'error', RULES.ineInvalid, 'ine', `INE « ${ine} » invalide : SIECLE attend 11 caractères`);
    } else if (!inspection.valid) {
      f.add(entity, 'error', RULES.ineInvalid, 'ine', inspection.message ?? `INE « ${ine} » invalide`);
    } else if (inspection.message) {
      f.add(entity, 'warning', RULES.ineUnchecked, 'ine', inspection.message);
    }
  }

  const lastName = f.text(entity, 'identity.lastName', 'Nom de famille', identity.lastName, MAX.name);
  const usageName = f.optionalText(entity, 'identity.usageName', 'Nom d’usage', identity.usageName, MAX.name);
  const firstName = f.text(entity, 'identity.firstName', 'Prénom', identity.firstName, MAX.name);
  const firstName2 = f.optionalText(entity, 'identity.firstName2', 'Deuxième prénom', identity.firstName2, MAX.name);
  const firstName3 = f.optionalText(entity, 'identity.firstName3', 'Troisième prénom', identity.firstName3, MAX.name);

  const nationality = identity.nationality;
  if (nationality === undefined) {
    if (!s.leaving)
      f.add(
        entity,
        'error',
        RULES.nationality,
        'identity.nationality',
        'Nationalité manquante : SIECLE exige le code pays INSEE de la nationalité (ex. 100 France)',
      );
  } else if (!/^\d{1,3}$/.test(nationality)) {
    f.add(
      entity,
      'error',
      RULES.nationality,
      'identity.nationality',
      `Nationalité « ${nationality} » invalide : un code pays INSEE de 3 chiffres est attendu (ex. 100 France)`,
    );
  }

  const place = identity.birthPlace;
  let birthCommune: string | undefined;
  let birthCity: string | undefined;
  if (place === undefined) {
    f.add(
      entity,
      'error',
      RULES.birthPlace,
      'identity.birthPlace',
      'Lieu de naissance manquant : SIECLE exige le pays de naissance, et la commune INSEE en France ou la ville à l’étranger',
    );
  } else if (!/^\d{1,3}$/.test(place.country)) {
    f.add(
      entity,
      'error',
      RULES.birthPlace,
      'identity.birthPlace.country',
      `Pays de naissance « ${place.country} » invalide : un code pays INSEE de 3 chiffres est attendu`,
    );
  } else if (place.country === FRANCE) {
    if (place.communeCode !== undefined && /^[0-9][0-9AB][0-9]{3}$/.test(place.communeCode)) birthCommune = place.communeCode;
    else if (!s.leaving) {
      f.add(
        entity,
        'error',
        RULES.birthPlace,
        'identity.birthPlace.communeCode',
        place.communeCode === undefined
          ? 'Commune de naissance (code INSEE) manquante : SIECLE l’exige pour un élève né en France'
          : `Commune de naissance « ${place.communeCode} » invalide : un code commune INSEE de 5 caractères est attendu`,
      );
    }
  } else if (place.city !== undefined && plainText(place.city) !== '') {
    birthCity = f.text(entity, 'identity.birthPlace.city', 'Ville de naissance', place.city, MAX.town);
  } else if (!s.leaving) {
    f.add(
      entity,
      'error',
      RULES.birthPlace,
      'identity.birthPlace.city',
      'Ville de naissance manquante : SIECLE l’exige pour un élève né à l’étranger',
    );
  }

  const schooling = year.schooling;
  let regime = schooling.regime;
  if (regime === undefined) {
    regime = DEFAULT_REGIME;
    f.add(
      entity,
      'warning',
      RULES.defaultRegime,
      ctx.yearField('schooling.regime'),
      `Régime non renseigné : « ${DEFAULT_REGIME} » (externe libre) est envoyé, la valeur par défaut de SIECLE (INF_REGIM_A_01)`,
    );
  } else if (!inList(ctx, 'regimes', REGIMES, regime)) {
    f.add(
      entity,
      'error',
      RULES.regime,
      ctx.yearField('schooling.regime'),
      `Régime « ${regime} » absent de la nomenclature nationale des régimes (0 externe libre, 2 demi-pensionnaire, 3 interne…)`,
    );
  }
  if (schooling.transport === undefined) {
    f.add(
      entity,
      'warning',
      RULES.defaultTransport,
      ctx.yearField('schooling.transport'),
      'Adhésion au transport non renseignée : « non » est envoyé',
    );
  }
  if (schooling.doublement === undefined) {
    f.add(
      entity,
      'warning',
      RULES.defaultDoublement,
      ctx.yearField('schooling.doublement'),
      'Doublement non renseigné : « non » est envoyé',
    );
  }

  const entryDates = Object.values(s.pupil.years)
    .filter((y) => y.status !== 'preinscrit' && y.entryDate !== undefined && ISO_DATE.test(y.entryDate))
    .map((y) => y.entryDate!)
    .sort(byCodePoints);

  const responsables = mapResponsables(ctx, s, entity);
  const schoolingModel = mapSchooling(ctx, s, entity);
  const previous = mapPrevious(ctx, s, entity);

  return {
    pupilId: s.pupilId,
    ...(exit ? { exit } : {}),
    ...(ine === undefined ? {} : { ine }),
    lastName,
    ...(usageName === undefined ? {} : { usageName }),
    firstName,
    ...(firstName2 === undefined ? {} : { firstName2 }),
    ...(firstName3 === undefined ? {} : { firstName3 }),
    ...(nationality === undefined ? {} : { nationality }),
    birthDate: identity.birthDate,
    sex: SEXES[identity.sex] ?? '',
    birthCountry: place?.country ?? '',
    ...(birthCommune === undefined ? {} : { birthCommune }),
    ...(birthCity === undefined ? {} : { birthCity }),
    ...(entryDates[0] === undefined ? {} : { entryDate: entryDates[0] }),
    transport: schooling.transport ?? false,
    regime,
    doublement: schooling.doublement ?? false,
    ...(responsables ? { responsables } : {}),
    ...(schoolingModel ? { schooling: schoolingModel } : {}),
    ...(previous ? { previous } : {}),
  };
}

/**
 * Maps the snapshot to the private import's content and lists, on the way, what SIECLE would
 * refuse or default (FORMAT.md §8.4-§8.5, §11): the export's plan and the control read the same
 * findings, the writer renders the same model.
 */
export function importPriveDocument(snapshot: SchoolSnapshot): DocumentRun {
  const scope = siecleScope(snapshot);
  const findings = new Findings();
  const ctx: Context = {
    snapshot,
    reference: referenceStateOf(snapshot),
    findings,
    bounds: yearBounds(snapshot.year),
    nomenclature: snapshot.schoolYear.formations,
    hasNomenclature: Object.keys(snapshot.schoolYear.formations).length > 0,
    yearField: (field) => `years.${snapshot.year}.${field}`,
  };
  const pupils: PupilModel[] = [];
  const personIds = new Set<string>();
  for (const s of scope.sent) {
    const model = mapPupil(ctx, s);
    if (!model) continue;
    pupils.push(model);
    const r = model.responsables;
    for (const rel of r ? [...r.legal, ...r.inCharge, ...r.contacts] : []) personIds.add(rel.guardianId);
  }
  const persons = [...personIds].sort(byCodePoints).map((id) => mapPerson(ctx, id, snapshot.guardians[id]!));
  return { scope, document: { pupils, persons }, anomalies: findings.list };
}
