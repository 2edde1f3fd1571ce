/** French words for the codes the API returns. Pure module: unit-tested, used by every screen. */

export const STATUS_LABELS: Record<string, string> = {
  inscrit: 'Inscrit',
  preinscrit: 'Préinscrit',
  sorti: 'Sorti',
};

export const CONTRACT_LABELS: Record<string, string> = {
  association: 'Contrat d’association',
  simple: 'Contrat simple',
  'hors-contrat': 'Hors contrat',
};

export const DEGREE_LABELS: Record<string, string> = { first: 'Premier degré', second: 'Second degré' };

export const ROLE_LABELS: Record<string, string> = {
  admin: 'Administrateur',
  direction: 'Direction',
  secretariat: 'Secrétariat',
  lecture: 'Lecture seule',
};

export const SEX_LABELS: Record<string, string> = { M: 'Masculin', F: 'Féminin' };
/** The sex picker's options, « Féminin » first as on the national forms. */
export const SEX_OPTIONS = [
  { value: 'F', label: SEX_LABELS.F! },
  { value: 'M', label: SEX_LABELS.M! },
];
/** A guardian's civility as SIECLE codes it. */
export const CIVILITY_OPTIONS = [
  { value: 'MME', label: 'Madame' },
  { value: 'M.', label: 'Monsieur' },
];

export const DECISION_LABELS: Record<string, string> = {
  passage: 'Passage',
  redoublement: 'Redoublement',
  sortie: 'Sortie',
};

export const SOURCE_LABELS: Record<string, string> = {
  http: 'interface',
  cli: 'ligne de commande',
  demo: 'démo',
  import: 'import',
  rollover: 'bascule',
};

export const EVENT_LABELS: Record<string, string> = {
  EstablishmentRegistered: 'Établissement enregistré',
  ExchangeModeSet: 'Mode d’échange choisi',
  YearOpened: 'Année ouverte',
  FormationsDeclared: 'Formations déclarées',
  LanguagesDeclared: 'Langues déclarées',
  ClassTypesDeclared: 'Types de classe déclarés',
  ClassCreated: 'Classe créée',
  ClassRenamed: 'Classe renommée',
  ClassCoded: 'Code rectorat de la classe',
  ClassContractSet: 'Contrat de la classe',
  ClassTypeSet: 'Type de la classe',
  FormationAssigned: 'Formation ajoutée à la classe',
  FormationUnassigned: 'Formation retirée de la classe',
  ClassClosed: 'Classe fermée',
  PupilRegistered: 'Élève enregistré',
  PupilIdentityCorrected: 'Identité corrigée',
  PupilPreEnrolled: 'Préinscription',
  PupilEnrolled: 'Inscription',
  PupilClassChanged: 'Changement de classe',
  PupilFormationSet: 'Formation de l’élève',
  PupilLanguagesSet: 'Langues vivantes',
  PupilDispositifsSet: 'Dispositifs',
  PupilSchoolingSet: 'Régime, statut, transport',
  PupilExited: 'Sortie de l’élève',
  NextYearPlanned: 'An prochain décidé',
  NationalIdAssigned: 'INE attribué',
  PupilSiecleIdSet: 'Identifiant SIECLE',
  GuardianRegistered: 'Responsable enregistré',
  GuardianAdded: 'Responsable ajouté',
  GuardianCorrected: 'Responsable corrigé',
  GuardianLinkCorrected: 'Lien du responsable corrigé',
  GuardianRemoved: 'Responsable retiré',
  GuardianSiecleIdSet: 'Identifiant SIECLE du responsable',
  FileImported: 'Fichier importé',
  ExportProduced: 'Export produit',
  ExportDownloaded: 'Export téléchargé',
  ChecklistStepTicked: 'Étape cochée',
  ChecklistStepUnticked: 'Étape décochée',
  YearRolledOver: 'Bascule d’année',
};

export const eventLabel = (type: string) => EVENT_LABELS[type] ?? type;

const FIELD_LABELS: Record<string, string> = {
  lastName: 'nom',
  firstName: 'prénom',
  usageName: 'nom d’usage',
  firstName2: '2e prénom',
  firstName3: '3e prénom',
  sex: 'sexe',
  birthDate: 'date de naissance',
  birthPlace: 'lieu de naissance',
  country: 'pays',
  department: 'département',
  communeCode: 'code commune',
  city: 'commune',
  nationality: 'nationalité',
  previousSchool: 'établissement précédent',
  provenance: 'provenance',
  ine: 'INE',
  siecleId: 'identifiant SIECLE',
  status: 'statut',
  classCode: 'classe',
  formerClassCodes: 'classes quittées dans l’année',
  formationCode: 'formation',
  entryDate: 'date d’entrée',
  exitDate: 'date de sortie',
  exitMotive: 'motif de sortie',
  motive: 'motif',
  lv1: 'LV1',
  lv2: 'LV2',
  dispositifs: 'dispositifs',
  schooling: 'scolarité',
  regime: 'régime',
  statut: 'statut',
  transport: 'transport',
  doublement: 'doublement',
  plan: 'an prochain',
  decision: 'décision',
  link: 'lien de parenté',
  legalLevel: 'représentant légal',
  parentalAuthority: 'autorité parentale',
  livesWith: 'vit avec l’élève',
  civility: 'civilité',
  address: 'adresse',
  line1: 'adresse',
  line2: 'complément d’adresse',
  postalCode: 'code postal',
  commune: 'commune',
  phone: 'téléphone',
  mobile: 'portable',
  email: 'courriel',
  profession: 'profession',
  label: 'libellé',
  rectoratCode: 'code rectorat',
  contractType: 'contrat',
  classType: 'type de classe',
  formations: 'formations',
  closedOn: 'fermée le',
  name: 'nom',
  degree: 'degré',
  contract: 'contrat',
  exchangeMode: 'mode d’échange',
  registered: 'enregistré',
  created: 'créée',
  identity: 'identité',
  person: 'personne',
  guardians: 'responsables',
  years: 'années',
  ticks: 'coches',
};

/**
 * A dotted state path as a person reads it: `years.2026.lv1` → « LV1 (2026-2027) »,
 * `identity.birthPlace.city` → « lieu de naissance › commune », `guardians.R12.link` →
 * « responsable R12 › lien de parenté ».
 */
export function fieldLabel(path: string): string {
  const parts = path.split('.');
  const words: string[] = [];
  let year: string | undefined;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (part === 'identity' || part === 'person') continue;
    if (part === 'years' && parts[i + 1] && /^\d{4}$/.test(parts[i + 1]!)) {
      const y = Number(parts[i + 1]);
      year = `${y}-${y + 1}`;
      i++;
      continue;
    }
    if (part === 'guardians' && parts[i + 1]) {
      words.push(`responsable ${parts[i + 1]}`);
      i++;
      continue;
    }
    if (part === 'ticks' && parts[i + 1]) {
      words.push(`étape ${parts[i + 1]}`);
      i++;
      continue;
    }
    words.push(FIELD_LABELS[part] ?? part);
  }
  const text = words.join(' › ') || path;
  const capitalised = text.charAt(0).toUpperCase() + text.slice(1);
  return year ? `${capitalised} (${year})` : capitalised;
}

/** A value of a change: « — » for nothing, lists joined, booleans in French. */
export function showValue(value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  if (Array.isArray(value)) return value.length === 0 ? '(aucun)' : value.map((v) => showValue(v)).join(', ');
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${FIELD_LABELS[k] ?? k} : ${showValue(v)}`)
      .join(' ; ');
  }
  return String(value);
}

/** `2026-09-01` → `01/09/2026`. */
export function frenchDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** An instant in Paris time: `01/09/2026 à 08:30`. */
export function frenchDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = new Intl.DateTimeFormat('fr-FR', {
    timeZone: 'Europe/Paris',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('day')}/${get('month')}/${get('year')} à ${get('hour')}:${get('minute')}`;
}

export const yearLabel = (year: number) => `${year}-${year + 1}`;

/** `pupil-0754321P-E0291` → the kind and the id after the UAI (and year for classes). */
export function describeStream(streamId: string): { kind: string; id: string } {
  const [kind = '', , ...rest] = streamId.split('-');
  if (kind === 'class' || kind === 'year' || kind === 'checklist') {
    const [year, ...code] = rest;
    return { kind, id: code.length ? `${code.join('-')} (${year})` : (year ?? '') };
  }
  return { kind, id: rest.join('-') };
}

export const STREAM_KIND_LABELS: Record<string, string> = {
  establishment: 'Établissement',
  year: 'Année',
  class: 'Classe',
  pupil: 'Élève',
  guardian: 'Responsable',
  export: 'Export',
  import: 'Import',
  checklist: 'Check-list',
  rollover: 'Bascule',
};

export const OUTCOME_LABELS: Record<string, string> = {
  create: 'Créés',
  update: 'Mis à jour',
  unchanged: 'Inchangés',
  unmatched: 'Sans correspondance',
  rejected: 'Rejetés',
};

export function formatBytes(size: number): string {
  if (size < 1024) return `${size} o`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1).replace('.', ',')} Ko`;
  return `${(size / 1024 / 1024).toFixed(1).replace('.', ',')} Mo`;
}

const COUNT_LABELS: Record<string, string> = {
  pupils: 'élèves',
  guardians: 'responsables',
  excluded: 'non exportés',
  classes: 'classes',
  files: 'fichiers',
};

/** An export's counts in French: « élèves : 251, responsables : 367 ». */
export const countsText = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([k, v]) => `${COUNT_LABELS[k] ?? k} : ${v}`)
    .join(', ');
