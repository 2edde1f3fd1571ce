import { el, optionalText, renderXml, textEl, type XmlNode } from '../xml/xml-tree';
import {
  LSU_NAMESPACE,
  type LsuAcquis,
  type LsuCycleBilan,
  type LsuDocument,
  type LsuDomain,
  type LsuGroupComment,
  type LsuGuardian,
  type LsuPeriodicBilan,
  type LsuProject,
  type LsuProjectGroup,
} from './lsu-document';

/**
 * Renders an LSU document (LSU FORMAT.md §3): UTF-8, the namespace as the default namespace of
 * the root so every element is qualified, attributes unqualified, `donnees` children in the
 * XSD's enforced order, optional sections only when they hold something. It writes what the
 * document says: the mapper and the pre-export checks decide what it may say.
 */

const refs = (ids: readonly string[] | undefined) => (ids === undefined || ids.length === 0 ? undefined : ids.join(' '));

/** A list element holding its items, or nothing when there are none (the XSD wants at least one). */
const list = (name: string, items: readonly XmlNode[]) => (items.length > 0 ? el(name, {}, items) : undefined);

function guardians(items: readonly LsuGuardian[]): XmlNode | undefined {
  return list(
    'responsables',
    items.map((g) =>
      el(
        'responsable',
        {
          civilite: g.civility,
          nom: g.lastName,
          prenom: g.firstName,
          legal1: g.legal1,
          legal2: g.legal2,
          'lien-parente': g.link,
          denomination: g.denomination,
        },
        g.address &&
          el('adresse', {
            ligne1: g.address.line1,
            ligne2: g.address.line2,
            ligne3: g.address.line3,
            ligne4: g.address.line4,
            'code-postal': g.address.postalCode,
            commune: g.address.commune,
          }),
      ),
    ),
  );
}

const domains = (items: readonly LsuDomain[]) => items.map((d) => el('domaine', { code: d.code, positionnement: d.positioning }));

function acquis(a: LsuAcquis): XmlNode {
  return el(
    'acquis',
    {
      'discipline-ref': a.disciplineRef,
      'enseignant-refs': a.teacherRefs.join(' '),
      'element-programme-refs': refs(a.programmeElementRefs),
      'moyenne-eleve': a.average,
      'moyenne-structure': a.classAverage,
      'eleve-non-note': a.notGraded,
      'structure-non-notee': a.classNotGraded,
      positionnement: a.positioning,
    },
    optionalText('appreciation', a.appraisal),
  );
}

const groupComments = (listName: string, itemName: string, refName: string, items: readonly LsuGroupComment[]) =>
  list(
    listName,
    items.map((g) => el(itemName, { [refName]: g.groupRef }, optionalText('commentaire', g.comment))),
  );

function periodicBilan(b: LsuPeriodicBilan): XmlNode {
  return el(
    'bilan-periodique',
    {
      'eleve-ref': b.pupilRef,
      'periode-ref': b.periodRef,
      'date-conseil-classe': b.councilDate,
      'date-scolarite': b.schoolingDate,
      'date-verrou': b.lockDate,
      'responsable-etab-ref': b.headRef,
      'prof-princ-refs': refs(b.mainTeacherRefs),
    },
    el('liste-acquis', {}, b.acquis.map(acquis)),
    b.digitalSkills &&
      el(
        'competences-numeriques',
        { 'comp-num-commun-refs': refs(b.digitalSkills.commonRefs) },
        optionalText('appreciation-num', b.digitalSkills.appraisal),
        b.digitalSkills.skills.map((s) => el('competence-num', { code: s.code, niveau: s.level })),
      ),
    groupComments('epis-eleve', 'epi-eleve', 'epi-groupe-ref', b.epis),
    groupComments('acc-persos-eleve', 'acc-perso-eleve', 'acc-perso-groupe-ref', b.aps),
    list(
      'liste-parcours',
      b.parcours.map((p) => textEl('parcours', p.text, { code: p.code })),
    ),
    list(
      'modalites-accompagnement',
      b.accompaniments.map((m) =>
        el(
          'modalite-accompagnement',
          { code: m.code },
          optionalText('complement-ppre', m.ppre),
          optionalText('complement-contrat-reussite', m.successContract),
        ),
      ),
    ),
    textEl('acquis-conseils', b.advice),
    optionalText('devoirs-faits', b.homework),
    el(
      'vie-scolaire',
      {
        'nb-retards': b.schoolLife.lateArrivals,
        'nb-abs-justifiees': b.schoolLife.justifiedAbsences,
        'nb-abs-injustifiees': b.schoolLife.unjustifiedAbsences,
        'nb-heures-manquees': b.schoolLife.missedHours,
      },
      optionalText('commentaire', b.schoolLife.comment),
    ),
    b.socle && el('socle', {}, domains(b.socle)),
    guardians(b.guardians),
  );
}

function cycleBilan(b: LsuCycleBilan): XmlNode {
  return el(
    'bilan-cycle',
    {
      'eleve-ref': b.pupilRef,
      cycle: b.cycle,
      millesime: b.millesime,
      'date-creation': b.createdOn,
      'date-verrou': b.lockDate,
      'responsable-etab-ref': b.headRef,
      'prof-princ-refs': refs(b.mainTeacherRefs),
    },
    el('socle', {}, domains(b.socle)),
    textEl('synthese', b.synthesis),
    b.complement && el('enseignement-complement', { code: b.complement.code, positionnement: b.complement.positioning }),
    guardians(b.guardians),
    b.regionalLanguage &&
      el('langue-culture-regionale', { code: b.regionalLanguage.code, positionnement: b.regionalLanguage.positioning }),
  );
}

const projects = (listName: string, itemName: string, items: readonly LsuProject[]) =>
  list(
    listName,
    items.map((p) =>
      el(
        itemName,
        { id: p.id, intitule: p.title, thematique: p.theme, 'discipline-refs': p.disciplineRefs.join(' ') },
        optionalText('description', p.description),
      ),
    ),
  );

const projectGroups = (listName: string, itemName: string, refName: string, items: readonly LsuProjectGroup[]) =>
  list(
    listName,
    items.map((g) =>
      el(
        itemName,
        { id: g.id, [refName]: g.projectRef, intitule: g.title },
        optionalText('commentaire', g.comment),
        el(
          'enseignants-disciplines',
          {},
          g.teacherDisciplines.map((td) =>
            el('enseignant-discipline', { 'enseignant-ref': td.teacherRef, 'discipline-ref': td.disciplineRef }),
          ),
        ),
      ),
    ),
  );

export interface LsuWriteOptions {
  /** The XSD file named in `xsi:schemaLocation` (the selected schema's). */
  schemaFile?: string;
}

export function lsuTree(doc: LsuDocument, options: LsuWriteOptions = {}): XmlNode {
  const h = doc.header;
  return el(
    'lsun-bilans',
    {
      xmlns: LSU_NAMESPACE,
      'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      'xsi:schemaLocation': `${LSU_NAMESPACE} ${options.schemaFile ?? 'import-bilan-complet.xsd'}`,
      schemaVersion: doc.schemaVersion,
    },
    el(
      'entete',
      {},
      textEl('editeur', h.editor),
      textEl('application', h.application),
      optionalText('appliVersion', h.applicationVersion),
      textEl('etablissement', h.establishment),
    ),
    el(
      'donnees',
      {},
      el(
        'responsables-etab',
        {},
        doc.heads.map((r) => el('responsable-etab', { id: r.id, libelle: r.label })),
      ),
      el(
        'eleves',
        {},
        doc.pupils.map((p) =>
          el('eleve', { id: p.id, 'id-be': p.idBe, nom: p.lastName, prenom: p.firstName, 'code-division': p.division }),
        ),
      ),
      list(
        'periodes',
        doc.periods.map((p) => el('periode', { id: p.id, millesime: p.millesime, indice: p.index, 'nb-periodes': p.count })),
      ),
      list(
        'disciplines',
        doc.disciplines.map((d) =>
          el('discipline', {
            id: d.id,
            code: d.code,
            'code-national': d.nationalCode,
            'modalite-election': d.electionMode,
            libelle: d.label,
          }),
        ),
      ),
      list(
        'enseignants',
        doc.teachers.map((t) =>
          el('enseignant', {
            id: t.id,
            type: t.type,
            'id-sts': t.stsId,
            civilite: t.civility,
            nom: t.lastName,
            prenom: t.firstName,
          }),
        ),
      ),
      list(
        'elements-programme',
        doc.programmeElements.map((e) => el('element-programme', { id: e.id, libelle: e.label })),
      ),
      list(
        'competences-numeriques-communs',
        doc.digitalSkillsCommons.map((c) =>
          textEl('competences-numeriques-commun', c.text, {
            id: c.id,
            'code-structure': c.structureCode,
            'type-structure': c.structureType,
          }),
        ),
      ),
      list(
        'parcours-communs',
        doc.commonParcours.map((c) =>
          el(
            'parcours-commun',
            { 'periode-ref': c.periodRef, 'code-division': c.division },
            c.parcours.map((p) => textEl('parcours', p.text, { code: p.code })),
          ),
        ),
      ),
      list(
        'vies-scolaires-communs',
        doc.commonSchoolLife.map((c) =>
          el(
            'vie-scolaire-commun',
            { 'periode-ref': c.periodRef, 'code-division': c.division },
            textEl('commentaire', c.comment),
          ),
        ),
      ),
      list(
        'epis-thematiques',
        doc.epiThemes.map((t) => el('epi-thematique', { code: t.code, libelle: t.label })),
      ),
      projects('epis', 'epi', doc.epis),
      projectGroups('epis-groupes', 'epi-groupe', 'epi-ref', doc.epiGroups),
      projects('acc-persos', 'acc-perso', doc.aps),
      projectGroups('acc-persos-groupes', 'acc-perso-groupe', 'acc-perso-ref', doc.apGroups),
      list('bilans-periodiques', doc.periodicBilans.map(periodicBilan)),
      list('bilans-cycle', doc.cycleBilans.map(cycleBilan)),
    ),
  );
}

/** The document as the UTF-8 bytes of the file. */
export function writeLsu(doc: LsuDocument, options: LsuWriteOptions = {}): Uint8Array {
  return renderXml(lsuTree(doc, options));
}
