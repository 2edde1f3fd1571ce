import { createHash } from 'node:crypto';
import { parisWallClock } from '@liaison/domain';
import { type PrivateIds } from '../send/private-ids';
import { encodeLatin9 } from './latin9';
import {
  type AddressModel,
  type ImportPriveDocument,
  type PersonModel,
  type PupilModel,
  type RelationModel,
} from './import-prive-document';
import { el, leaf, optional, renderXml, type XmlElement } from './xml';

const pad2 = (value: number) => String(value).padStart(2, '0');

/** The schema version the file declares (`IMPORT_ELEVES/@VERSION`). */
export const SCHEMA_VERSION = '3.1';
/** `LOGICIEL`: must stay the same from one upload to the next (FORMAT.md §8.1). */
export const SOFTWARE_NAME = 'LIAISON';

export interface SendParameters {
  uai: string;
  year: number;
  /** The export's instant: `DATE_IMPORT` is its Paris calendar day. */
  producedAt: string;
  sendNumber: number;
}

/** `<UAI>PRIVE<YYYY><YYMMDDhhmmss>`: the year, then the export's instant in Paris time. */
export function importPriveBaseName(uai: string, year: number, producedAt: string): string {
  const c = parisWallClock(producedAt);
  const stamp = `${pad2(c.year % 100)}${pad2(c.month)}${pad2(c.day)}${pad2(c.hour)}${pad2(c.minute)}${pad2(c.second)}`;
  return `${uai.toUpperCase()}PRIVE${year}${stamp}`;
}

const idOf = (map: Map<string, number>, id: string) => {
  const value = map.get(id);
  if (value === undefined) throw new Error(`identifiant privé SIECLE manquant pour ${id}`);
  return value;
};

function address(a: AddressModel): XmlElement {
  return el(
    'ADRESSE',
    a.lines.slice(0, 4).map((line, i) => leaf(`LIGNE${i + 1}_ADRESSE`, line)),
    a.foreignTown !== undefined
      ? leaf('COMMUNE_ETRANGERE', a.foreignTown)
      : [leaf('CODE_POSTAL', a.postalCode ?? ''), leaf('LL_POSTAL', a.town ?? '')],
    leaf('CODE_PAYS', a.country),
  );
}

function person(p: PersonModel, ids: PrivateIds): XmlElement {
  return el(
    'PERSONNE',
    leaf('ID_PRV_PER', idOf(ids.guardians, p.guardianId)),
    leaf('CODE_CIVILITE', p.civility),
    leaf('NOM_DE_FAMILLE', p.lastName),
    optional('NOM_USAGE', p.usageName),
    leaf('PRENOM', p.firstName),
    p.address && address(p.address),
    leaf('CODE_PROFESSION', p.profession),
    optional('TEL_PERSONNEL', p.phone),
    optional('TEL_PORTABLE', p.mobile),
    optional('EMAIL', p.email),
  );
}

function responsables(r: NonNullable<PupilModel['responsables']>, ids: PrivateIds): XmlElement {
  const link = (name: string, rel: RelationModel, hosting: boolean) =>
    el(
      name,
      leaf('ID_PRV_PER', idOf(ids.guardians, rel.guardianId)),
      leaf('CODE_PARENTE', rel.link),
      hosting && leaf('HEBERGE_ELEVE', rel.hosts),
    );
  return el(
    'RESPONSABLES_ELEVE',
    r.legal.map((rel) => link('LEGAL', rel, true)),
    r.inCharge.map((rel) => link('PERSONNE_EN_CHARGE', rel, true)),
    r.contacts.map((rel) => link('CONTACT', rel, false)),
  );
}

/** The pupil's elements in XSD 3.1 order; a leaving pupil starts with its exit (ELEVE_SORTANT). */
function pupil(p: PupilModel, ids: PrivateIds): XmlElement {
  const s = p.schooling;
  const prev = p.previous;
  return el(
    'ELEVE',
    p.exit && [leaf('CODE_MOTIF_SORTIE', p.exit.motive), leaf('DATE_SORTIE', p.exit.date)],
    leaf('ID_PRV_ELE', idOf(ids.pupils, p.pupilId)),
    optional('ID_NATIONAL', p.ine),
    leaf('NOM_DE_FAMILLE', p.lastName),
    optional('NOM_USAGE', p.usageName),
    leaf('PRENOM', p.firstName),
    optional('PRENOM2', p.firstName2),
    optional('PRENOM3', p.firstName3),
    optional('CODE_PAYS_NAT', p.nationality),
    leaf('DATE_NAISS', p.birthDate),
    leaf('CODE_SEXE', p.sex),
    leaf('CODE_PAYS', p.birthCountry),
    optional('CODE_COMMUNE_INSEE_NAISS', p.birthCommune),
    p.birthCommune === undefined && optional('VILLE_NAISS', p.birthCity),
    optional('DATE_ENTREE', p.entryDate),
    leaf('ADHESION_TRANSPORT', p.transport),
    leaf('CODE_REGIME', p.regime),
    leaf('DOUBLEMENT', p.doublement),
    p.responsables && responsables(p.responsables, ids),
    s &&
      el(
        'SCOLARITE_ACTIVE',
        leaf('CODE_MEF', s.mef),
        optional('CODE_DIVISION', s.division),
        leaf('CODE_STATUT', s.statut),
        leaf('DATE_DEB_SCO', s.start),
        optional('DATE_FIN_SCO', s.end),
        el('OPTIONS'),
      ),
    prev &&
      el(
        'ETABLISSEMENT_AN_DERNIER',
        prev.uai !== undefined ? leaf('CODE_RNE', prev.uai) : leaf('CODE_DEPARTEMENT', prev.department ?? ''),
        leaf('CODE_PROVENANCE', prev.provenance),
        optional('CODE_MEF', prev.mef),
        optional('CODE_DIVISION', prev.division),
        el('OPTIONS_AN_DERNIER'),
      ),
  );
}

/**
 * The `DONNEES` block: persons then pupils, each in private-id order (the order stays the same
 * from one send to the next; newcomers come last).
 */
export function renderDonnees(document: ImportPriveDocument, ids: PrivateIds): string {
  const persons = [...document.persons].sort((a, b) => idOf(ids.guardians, a.guardianId) - idOf(ids.guardians, b.guardianId));
  const pupils = [...document.pupils].sort((a, b) => idOf(ids.pupils, a.pupilId) - idOf(ids.pupils, b.pupilId));
  return renderXml(
    el(
      'DONNEES',
      el(
        'PERSONNES',
        persons.map((p) => person(p, ids)),
      ),
      el(
        'ELEVES',
        pupils.map((p) => pupil(p, ids)),
      ),
    ),
    1,
  );
}

/** SHA-256 of the `DONNEES` block: what a send holds, whatever its number and date. */
export const donneesDigest = (donnees: string) => createHash('sha256').update(donnees, 'utf8').digest('hex');

/** The whole `IMPORT_ELEVES` document, as ISO-8859-15 bytes with a matching declaration. */
export function renderImportPrive(params: SendParameters, donnees: string): Uint8Array {
  const c = parisWallClock(params.producedAt);
  const parametres = renderXml(
    el(
      'PARAMETRES',
      leaf('UAJ', params.uai.toUpperCase()),
      leaf('ANNEE_SCOLAIRE', String(params.year)),
      leaf('DATE_IMPORT', `${pad2(c.day)}/${pad2(c.month)}/${c.year}`),
      leaf('NUM_ENVOI', params.sendNumber),
      leaf('LOGICIEL', SOFTWARE_NAME),
    ),
    1,
  );
  const text = `<?xml version="1.0" encoding="ISO-8859-15"?>\n<IMPORT_ELEVES VERSION="${SCHEMA_VERSION}">\n${parametres}${donnees}</IMPORT_ELEVES>\n`;
  return encodeLatin9(text);
}
