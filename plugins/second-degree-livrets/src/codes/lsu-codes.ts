/**
 * LSU code lists, written from the ministry's `LSUN_nomenclatures.xml` (version 2.10, shipped in
 * `nomenclatures/`) and the enumerations of the default XSD; `lsu-codes.spec.ts` checks both,
 * code for code and label for label. Never add a code here that those files do not give.
 */

/** The eight socle domains (`CodeDomaineSocle`), in the XSD's order. */
export const SOCLE_DOMAINS = {
  CPD_FRA: "Comprendre, s'exprimer en utilisant la langue française à l'oral et à l'écrit",
  CPD_ETR: "Comprendre, s'exprimer en utilisant une langue étrangère et, le cas échéant, une langue régionale",
  CPD_SCI: "Comprendre, s'exprimer en utilisant les langages mathématiques, scientifiques et informatiques",
  CPD_ART: "Comprendre, s'exprimer en utilisant les langages des arts et du corps",
  MET_APP: 'Les méthodes et outils pour apprendre',
  FRM_CIT: 'La formation de la personne et du citoyen',
  SYS_NAT: 'Les systèmes naturels et les systèmes techniques',
  REP_MND: "Les représentations du monde et l'activité humaine",
} as const;
export type SocleDomain = keyof typeof SOCLE_DOMAINS;
export const SOCLE_DOMAIN_CODES = Object.keys(SOCLE_DOMAINS) as SocleDomain[];

/** Parcours éducatifs (`CodeParcours`). */
export const PARCOURS = {
  PAR_AVN: 'Parcours avenir',
  PAR_CIT: 'Parcours citoyen',
  PAR_ART: "Parcours d'éducation artistique et culturelle",
  PAR_SAN: 'Parcours éducatif de santé',
} as const;
export type ParcoursCode = keyof typeof PARCOURS;
export const PARCOURS_CODES = Object.keys(PARCOURS) as ParcoursCode[];

/** EPI themes of the nomenclature; a school may declare its own (`epis-thematiques`). */
export const EPI_THEMES = {
  EPI_SAN: 'Corps, santé, bien-être et sécurité',
  EPI_ART: 'Culture et création artistiques',
  EPI_EDD: 'Transition écologique et développement durable',
  EPI_ICC: 'Information, communication, citoyenneté',
  EPI_LGA: "Langues et cultures de l'Antiquité",
  EPI_LGE: 'Langues et cultures étrangères ou, le cas échéant, régionales',
  EPI_PRO: 'Monde économique et professionnel',
  EPI_STS: 'Sciences, technologie et société',
} as const;

/** Accompaniment modalities (`CodeModalite`). */
export const ACCOMPANIMENTS = {
  PAP: 'Plan d’accompagnement personnalisé',
  PAI: 'Projet d’accueil individualisé',
  PPRE: 'Programme personnalisé de réussite éducative',
  PPS: 'Projet personnalisé de scolarisation',
  ULIS: 'Unité localisée pour l’inclusion scolaire',
  UPE2A: 'Unité pédagogique pour élèves allophones arrivants',
  SEGPA: 'Section d’enseignement général adapté',
  CTR: 'Contrat de réussite',
} as const;
export type AccompanimentCode = keyof typeof ACCOMPANIMENTS;
export const ACCOMPANIMENT_CODES = Object.keys(ACCOMPANIMENTS) as AccompanimentCode[];

/** Enseignements de complément (`CodeEnsCompl`), end of cycle 4 only. */
export const COMPLEMENTS = {
  AUC: 'Aucun',
  LCA: "Langues et cultures de l'Antiquité",
  LCE: 'Langues et cultures européennes',
  LCR: 'Langues et cultures régionales',
  CHK: 'Chant choral',
  PRO: 'Découverte professionnelle',
  LSF: 'Langue des signes française',
  LVE: 'Langue vivante étrangère',
} as const;
export type ComplementCode = keyof typeof COMPLEMENTS;
export const COMPLEMENT_CODES = Object.keys(COMPLEMENTS) as ComplementCode[];

/** Regional languages and cultures (`CodeLangueCultureRegionale`). */
export const REGIONAL_LANGUAGES = {
  AUC: 'Aucun',
  BAQ: 'Basque',
  BRE: 'Breton',
  CAT: 'Catalan',
  COS: 'Corse',
  CPF: 'Créole',
  FUD: 'Futunien',
  GAL: 'Gallo',
  GSW: "Langue régionale d'Alsace",
  MEL: 'Langues mélanésiennes',
  MOL: 'Langues régionales des pays mosellans',
  OCI: "Occitan langue d'oc",
  TAH: 'Tahitien',
  WLS: 'Wallisien',
} as const;
export type RegionalLanguageCode = keyof typeof REGIONAL_LANGUAGES;
export const REGIONAL_LANGUAGE_CODES = Object.keys(REGIONAL_LANGUAGES) as RegionalLanguageCode[];

/** Digital skills of cycle 3 (`CodeCompetenceNumerique`): the XSD gives the codes, no file gives labels. */
export const DIGITAL_SKILL_CODES = [
  'CN_INF_MEN',
  'CN_INF_GER',
  'CN_INF_TRA',
  'CN_COM_INT',
  'CN_COM_PAR',
  'CN_COM_COL',
  'CN_COM_SIN',
  'CN_CRE_TEX',
  'CN_CRE_MUL',
  'CN_CRE_ADA',
  'CN_CRE_PRO',
  'CN_PRO_SEC',
  'CN_PRO_DON',
  'CN_PRO_SAN',
  'CN_ENV_RES',
  'CN_ENV_EVO',
] as const;

/**
 * Election modalities LSU accepts (`ModaliteElection` of the default XSD). Their meanings are
 * SIECLE's `CODE_MODALITE_ELECT` (S tronc commun, O option obligatoire, F option facultative,
 * L ajout académique, R enseignement religieux, X mesure spécifique).
 */
export const LSU_ELECTION_MODES = ['S', 'O', 'F', 'L', 'R', 'X'] as const;
export type ElectionMode = (typeof LSU_ELECTION_MODES)[number];

/** Teacher kinds (`TypeEnseignant`). */
export const TEACHER_TYPES = ['epp', 'local', 'dir', 'autre'] as const;
export type TeacherType = (typeof TEACHER_TYPES)[number];
