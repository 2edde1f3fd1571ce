import { el, optionalText, renderXml, textEl, type XmlNode } from '../xml/xml-tree';
import { LSL_NAMESPACE, type LslDocument, type LslEvaluation, type LslOpinion, type LslPupil } from './lsl-document';

/**
 * Renders an LSL document (LSL FORMAT.md §3–§4): UTF-8; **only the root is in the namespace**
 * (`<lsl:lsl xmlns:lsl="…">`), its children unprefixed and unqualified, as the XSD (no
 * `elementFormDefault`) wants — a default namespace would make the file invalid. `scolarite`
 * children follow the XSD's sequence; `evaluation` children (an `xs:all`) the sample's order.
 */

const opinion = (name: string, o: LslOpinion | undefined): XmlNode | undefined =>
  o && textEl(name, o.text, { date: o.date, nom: o.lastName, prenom: o.firstName });

function evaluation(e: LslEvaluation): XmlNode {
  const s = e.structure;
  return el(
    'evaluation',
    { 'modalite-election': e.electionMode, 'code-matiere': e.subjectCode, date: e.date },
    el('structure', {
      effectif: s.headcount,
      moyenne: s.average,
      'repar-moins-huit': s.below8,
      'repar-huit-douze': s.between8and12,
      'repar-plus-douze': s.above12,
    }),
    optionalText('annuelle', e.annual),
    e.periods.length > 0 &&
      el(
        'periodiques',
        {},
        e.periods.map((p) => el('periode', { numero: p.number, moyenne: p.average })),
      ),
    e.competences.length > 0 &&
      el(
        'competences',
        {},
        e.competences.map((c) => textEl('competence', c.level, { code: c.code })),
      ),
    el(
      'enseignants',
      {},
      e.teachers.map((t) => el('enseignant', { nom: t.lastName, prenom: t.firstName })),
    ),
  );
}

function pupil(p: LslPupil): XmlNode {
  return el(
    'eleve',
    { id: p.id },
    p.engagements &&
      el(
        'engagements',
        {},
        p.engagements.codes.map((code) => el('engagement', { code })),
        optionalText('engagement-autre', p.engagements.other),
      ),
    p.examOpinion !== undefined && el('avisExamen', { code: p.examOpinion }),
    el(
      'scolarites',
      {},
      p.schoolYears.map((y) =>
        el(
          'scolarite',
          { 'annee-scolaire': y.year, 'code-periode': y.periodType },
          opinion('avisEngagement', y.engagementOpinion),
          opinion('avisInvestissement', y.investmentOpinion),
          opinion('avisChefEtab', y.headOpinion),
          y.evaluations.map(evaluation),
        ),
      ),
    ),
  );
}

export interface LslWriteOptions {
  /** The XSD file named in `xsi:schemaLocation`. */
  schemaFile?: string;
}

export function lslTree(doc: LslDocument, options: LslWriteOptions = {}): XmlNode {
  return el(
    'lsl:lsl',
    {
      'xmlns:lsl': LSL_NAMESPACE,
      'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      'xsi:schemaLocation': `${LSL_NAMESPACE} ${options.schemaFile ?? 'import-lsl_1.xsd'}`,
      schemaVersion: doc.schemaVersion,
    },
    el(
      'entete',
      {},
      textEl('editeur', doc.header.editor),
      textEl('application', doc.header.application),
      textEl('etablissement', doc.header.establishment),
    ),
    el('donnees', {}, doc.pupils.map(pupil)),
  );
}

export function writeLsl(doc: LslDocument, options: LslWriteOptions = {}): Uint8Array {
  return renderXml(lslTree(doc, options));
}
