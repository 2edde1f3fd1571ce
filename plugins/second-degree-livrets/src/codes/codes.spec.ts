import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { LSL_XSD_2016, LSU_XSD_2020 } from '../__fixtures__/xsd-validate';
import { COMPETENCE_LEVELS, ENGAGEMENT_CODES, EXAM_OPINION_CODES, LSL_ELECTION_MODES } from './lsl-codes';
import {
  ACCOMPANIMENTS,
  COMPLEMENTS,
  DIGITAL_SKILL_CODES,
  EPI_THEMES,
  LSU_ELECTION_MODES,
  PARCOURS,
  REGIONAL_LANGUAGES,
  SOCLE_DOMAINS,
  TEACHER_TYPES,
} from './lsu-codes';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
});
type Node = Record<string, Node[]> & Record<string, string>;

const nomenclature = parser.parse(
  readFileSync(path.resolve(__dirname, '../../nomenclatures/LSUN_nomenclatures.xml'), 'utf8'),
) as {
  nomenclatures: Node[];
};
const root = nomenclature.nomenclatures[0]!;
const list = (container: string, item: string) =>
  Object.fromEntries((root[container]![0]![item] as unknown as Node[]).map((n) => [n.code, n.libelle]));

/** The enumeration of a named simple type of an XSD, in the XSD's order. */
function enumeration(xsdPath: string, typeName: string): string[] {
  const xsd = readFileSync(xsdPath, 'utf8');
  const body = new RegExp(`<xs:simpleType name="${typeName}">([\\s\\S]*?)</xs:simpleType>`).exec(xsd)?.[1] ?? '';
  return [...body.matchAll(/enumeration value="([^"]+)"/g)].map((m) => m[1]!);
}

describe('LSU code lists', () => {
  it('are LSUN_nomenclatures.xml’s codes and labels, code for code', () => {
    expect(SOCLE_DOMAINS).toEqual(list('domaines-socle', 'domaine-socle'));
    expect(PARCOURS).toEqual(list('liste-parcours', 'parcours'));
    expect(EPI_THEMES).toEqual(list('thematiques-epis', 'thematique-epi'));
    expect(ACCOMPANIMENTS).toEqual(list('modalites-accompagnement', 'modalite-accompagnement'));
    expect(COMPLEMENTS).toEqual(list('enseignements-complement', 'enseignement-complement'));
    expect(REGIONAL_LANGUAGES).toEqual(list('langues-culture-regionale', 'langue-culture-regionale'));
  });

  it('are the enumerations of the default XSD, in its order where order matters', () => {
    expect(Object.keys(SOCLE_DOMAINS)).toEqual(enumeration(LSU_XSD_2020, 'CodeDomaineSocle'));
    expect(Object.keys(PARCOURS).sort()).toEqual(enumeration(LSU_XSD_2020, 'CodeParcours').sort());
    expect(Object.keys(ACCOMPANIMENTS).sort()).toEqual(enumeration(LSU_XSD_2020, 'CodeModalite').sort());
    expect(Object.keys(COMPLEMENTS)).toEqual(enumeration(LSU_XSD_2020, 'CodeEnsCompl'));
    expect(Object.keys(REGIONAL_LANGUAGES)).toEqual(enumeration(LSU_XSD_2020, 'CodeLangueCultureRegionale'));
    expect([...DIGITAL_SKILL_CODES]).toEqual(enumeration(LSU_XSD_2020, 'CodeCompetenceNumerique'));
    expect([...LSU_ELECTION_MODES]).toEqual(enumeration(LSU_XSD_2020, 'ModaliteElection'));
    expect([...TEACHER_TYPES]).toEqual(enumeration(LSU_XSD_2020, 'TypeEnseignant'));
  });
});

describe('LSL code lists', () => {
  it('are the enumerations of the default LSL XSD', () => {
    expect([...EXAM_OPINION_CODES]).toEqual(enumeration(LSL_XSD_2016, 'CodeAvisExamen'));
    expect([...COMPETENCE_LEVELS]).toEqual(enumeration(LSL_XSD_2016, 'CodeNiveauCompetence'));
    expect([...LSL_ELECTION_MODES]).toEqual(enumeration(LSL_XSD_2016, 'ModaliteElection'));
    // The engagement codes are an inline type of the attribute `code` of `Engagement`.
    const xsd = readFileSync(LSL_XSD_2016, 'utf8');
    const engagement = /<xs:complexType name="Engagement">([\s\S]*?)<\/xs:complexType>/.exec(xsd)![1]!;
    expect([...engagement.matchAll(/enumeration value="([^"]+)"/g)].map((m) => m[1])).toEqual(ENGAGEMENT_CODES);
  });
});
