import {
  attr,
  boolAttr,
  child,
  childText,
  children,
  decodeXml,
  idList,
  intAttr,
  parseXml,
  requiredAttr,
  text,
  type XmlObject,
  XmlReadError,
} from '../xml/xml-read';
import {
  emptyLsuDocument,
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
 * Reads an LSU import file (the ministry's `sample-bilan-complet.xml`, our own exports) back into
 * the document model. Everything the model covers is read; the surrounding whitespace of texts
 * (indentation) is not kept. For tests and for reading a file another tool produced.
 */

const LISTS = [
  'responsable-etab',
  'eleve',
  'periode',
  'discipline',
  'enseignant',
  'element-programme',
  'competences-numeriques-commun',
  'parcours-commun',
  'parcours',
  'vie-scolaire-commun',
  'epi-thematique',
  'epi',
  'epi-groupe',
  'enseignant-discipline',
  'acc-perso',
  'acc-perso-groupe',
  'bilan-periodique',
  'acquis',
  'competence-num',
  'epi-eleve',
  'acc-perso-eleve',
  'modalite-accompagnement',
  'domaine',
  'responsable',
  'bilan-cycle',
];

const defined = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

function guardians(node: XmlObject | undefined): LsuGuardian[] {
  return children(child(node, 'responsables'), 'responsable').map((r) => {
    const a = child(r, 'adresse');
    return defined({
      civility: attr(r, 'civilite'),
      lastName: attr(r, 'nom'),
      firstName: attr(r, 'prenom'),
      legal1: boolAttr(r, 'legal1'),
      legal2: boolAttr(r, 'legal2'),
      link: attr(r, 'lien-parente'),
      denomination: attr(r, 'denomination'),
      address: a
        ? defined({
            line1: attr(a, 'ligne1'),
            line2: attr(a, 'ligne2'),
            line3: attr(a, 'ligne3'),
            line4: attr(a, 'ligne4'),
            postalCode: requiredAttr(a, 'code-postal', 'adresse'),
            commune: requiredAttr(a, 'commune', 'adresse'),
          })
        : undefined,
    });
  });
}

const domains = (socle: XmlObject | undefined): LsuDomain[] =>
  children(socle, 'domaine').map((d) =>
    defined({ code: requiredAttr(d, 'code', 'domaine'), positioning: intAttr(d, 'positionnement') }),
  );

function acquis(a: XmlObject): LsuAcquis {
  return defined({
    disciplineRef: requiredAttr(a, 'discipline-ref', 'acquis'),
    teacherRefs: idList(requiredAttr(a, 'enseignant-refs', 'acquis')) ?? [],
    programmeElementRefs: idList(attr(a, 'element-programme-refs')),
    average: attr(a, 'moyenne-eleve'),
    classAverage: attr(a, 'moyenne-structure'),
    notGraded: boolAttr(a, 'eleve-non-note'),
    classNotGraded: boolAttr(a, 'structure-non-notee'),
    positioning: intAttr(a, 'positionnement'),
    appraisal: childText(a, 'appreciation'),
  });
}

const groupComments = (list: XmlObject | undefined, item: string, ref: string): LsuGroupComment[] =>
  children(list, item).map((g) => defined({ groupRef: requiredAttr(g, ref, item), comment: childText(g, 'commentaire') }));

function periodicBilan(b: XmlObject): LsuPeriodicBilan {
  const where = 'bilan-periodique';
  const digital = child(b, 'competences-numeriques');
  const life = child(b, 'vie-scolaire');
  if (!life) throw new XmlReadError(`${where} : élément vie-scolaire manquant`);
  const socle = child(b, 'socle');
  return defined({
    pupilRef: requiredAttr(b, 'eleve-ref', where),
    periodRef: requiredAttr(b, 'periode-ref', where),
    councilDate: requiredAttr(b, 'date-conseil-classe', where),
    schoolingDate: requiredAttr(b, 'date-scolarite', where),
    lockDate: attr(b, 'date-verrou'),
    headRef: requiredAttr(b, 'responsable-etab-ref', where),
    mainTeacherRefs: idList(attr(b, 'prof-princ-refs')),
    acquis: children(child(b, 'liste-acquis'), 'acquis').map(acquis),
    digitalSkills: digital
      ? defined({
          commonRefs: idList(attr(digital, 'comp-num-commun-refs')),
          appraisal: childText(digital, 'appreciation-num'),
          skills: children(digital, 'competence-num').map((s) => ({
            code: requiredAttr(s, 'code', 'competence-num'),
            level: Number(requiredAttr(s, 'niveau', 'competence-num')),
          })),
        })
      : undefined,
    epis: groupComments(child(b, 'epis-eleve'), 'epi-eleve', 'epi-groupe-ref'),
    aps: groupComments(child(b, 'acc-persos-eleve'), 'acc-perso-eleve', 'acc-perso-groupe-ref'),
    parcours: children(child(b, 'liste-parcours'), 'parcours').map((p) => ({
      code: requiredAttr(p, 'code', 'parcours'),
      text: text(p) ?? '',
    })),
    accompaniments: children(child(b, 'modalites-accompagnement'), 'modalite-accompagnement').map((m) =>
      defined({
        code: requiredAttr(m, 'code', 'modalite-accompagnement'),
        ppre: childText(m, 'complement-ppre'),
        successContract: childText(m, 'complement-contrat-reussite'),
      }),
    ),
    advice: childText(b, 'acquis-conseils') ?? '',
    homework: childText(b, 'devoirs-faits'),
    schoolLife: defined({
      lateArrivals: Number(requiredAttr(life, 'nb-retards', 'vie-scolaire')),
      justifiedAbsences: Number(requiredAttr(life, 'nb-abs-justifiees', 'vie-scolaire')),
      unjustifiedAbsences: Number(requiredAttr(life, 'nb-abs-injustifiees', 'vie-scolaire')),
      missedHours: intAttr(life, 'nb-heures-manquees'),
      comment: childText(life, 'commentaire'),
    }),
    socle: socle ? domains(socle) : undefined,
    guardians: guardians(b),
  });
}

function cycleBilan(b: XmlObject): LsuCycleBilan {
  const where = 'bilan-cycle';
  const complement = child(b, 'enseignement-complement');
  const regional = child(b, 'langue-culture-regionale');
  return defined({
    pupilRef: requiredAttr(b, 'eleve-ref', where),
    cycle: Number(requiredAttr(b, 'cycle', where)),
    millesime: requiredAttr(b, 'millesime', where),
    createdOn: requiredAttr(b, 'date-creation', where),
    lockDate: attr(b, 'date-verrou'),
    headRef: requiredAttr(b, 'responsable-etab-ref', where),
    mainTeacherRefs: idList(attr(b, 'prof-princ-refs')),
    socle: domains(child(b, 'socle')),
    synthesis: childText(b, 'synthese') ?? '',
    complement: complement
      ? defined({
          code: requiredAttr(complement, 'code', 'enseignement-complement'),
          positioning: intAttr(complement, 'positionnement'),
        })
      : undefined,
    guardians: guardians(b),
    regionalLanguage: regional
      ? defined({
          code: requiredAttr(regional, 'code', 'langue-culture-regionale'),
          positioning: intAttr(regional, 'positionnement'),
        })
      : undefined,
  });
}

const projects = (list: XmlObject | undefined, item: string): LsuProject[] =>
  children(list, item).map((p) =>
    defined({
      id: requiredAttr(p, 'id', item),
      title: requiredAttr(p, 'intitule', item),
      theme: attr(p, 'thematique'),
      disciplineRefs: idList(requiredAttr(p, 'discipline-refs', item)) ?? [],
      description: childText(p, 'description'),
    }),
  );

const projectGroups = (list: XmlObject | undefined, item: string, ref: string): LsuProjectGroup[] =>
  children(list, item).map((g) =>
    defined({
      id: requiredAttr(g, 'id', item),
      projectRef: requiredAttr(g, ref, item),
      title: requiredAttr(g, 'intitule', item),
      comment: childText(g, 'commentaire'),
      teacherDisciplines: children(child(g, 'enseignants-disciplines'), 'enseignant-discipline').map((td) => ({
        teacherRef: requiredAttr(td, 'enseignant-ref', 'enseignant-discipline'),
        disciplineRef: requiredAttr(td, 'discipline-ref', 'enseignant-discipline'),
      })),
    }),
  );

export function readLsu(bytes: Uint8Array): LsuDocument {
  const xml = decodeXml(bytes);
  if (!xml.includes(`"${LSU_NAMESPACE}"`)) {
    throw new XmlReadError(`ce fichier n’est pas un fichier LSU : l’espace de noms ${LSU_NAMESPACE} est absent`);
  }
  const root = child(parseXml(xml, LISTS), 'lsun-bilans');
  if (!root) throw new XmlReadError('ce fichier n’est pas un fichier LSU : élément racine lsun-bilans attendu');
  const entete = child(root, 'entete');
  const donnees = child(root, 'donnees');
  if (!entete || !donnees) throw new XmlReadError('lsun-bilans : éléments entete et donnees attendus');
  const doc = emptyLsuDocument(
    defined({
      editor: childText(entete, 'editeur') ?? '',
      application: childText(entete, 'application') ?? '',
      applicationVersion: childText(entete, 'appliVersion'),
      establishment: childText(entete, 'etablissement') ?? '',
    }),
    requiredAttr(root, 'schemaVersion', 'lsun-bilans'),
  );
  doc.heads = children(child(donnees, 'responsables-etab'), 'responsable-etab').map((r) => ({
    id: requiredAttr(r, 'id', 'responsable-etab'),
    label: requiredAttr(r, 'libelle', 'responsable-etab'),
  }));
  doc.pupils = children(child(donnees, 'eleves'), 'eleve').map((e) =>
    defined({
      id: requiredAttr(e, 'id', 'eleve'),
      idBe: requiredAttr(e, 'id-be', 'eleve'),
      lastName: attr(e, 'nom'),
      firstName: attr(e, 'prenom'),
      division: requiredAttr(e, 'code-division', 'eleve'),
    }),
  );
  doc.periods = children(child(donnees, 'periodes'), 'periode').map((p) => ({
    id: requiredAttr(p, 'id', 'periode'),
    millesime: requiredAttr(p, 'millesime', 'periode'),
    index: Number(requiredAttr(p, 'indice', 'periode')),
    count: Number(requiredAttr(p, 'nb-periodes', 'periode')),
  }));
  doc.disciplines = children(child(donnees, 'disciplines'), 'discipline').map((d) =>
    defined({
      id: requiredAttr(d, 'id', 'discipline'),
      code: requiredAttr(d, 'code', 'discipline'),
      nationalCode: attr(d, 'code-national'),
      electionMode: requiredAttr(d, 'modalite-election', 'discipline'),
      label: requiredAttr(d, 'libelle', 'discipline'),
    }),
  );
  doc.teachers = children(child(donnees, 'enseignants'), 'enseignant').map((t) =>
    defined({
      id: requiredAttr(t, 'id', 'enseignant'),
      type: requiredAttr(t, 'type', 'enseignant'),
      stsId: requiredAttr(t, 'id-sts', 'enseignant'),
      civility: attr(t, 'civilite'),
      lastName: attr(t, 'nom'),
      firstName: attr(t, 'prenom'),
    }),
  );
  doc.programmeElements = children(child(donnees, 'elements-programme'), 'element-programme').map((e) => ({
    id: requiredAttr(e, 'id', 'element-programme'),
    label: requiredAttr(e, 'libelle', 'element-programme'),
  }));
  doc.digitalSkillsCommons = children(child(donnees, 'competences-numeriques-communs'), 'competences-numeriques-commun').map(
    (c) => ({
      id: requiredAttr(c, 'id', 'competences-numeriques-commun'),
      structureCode: requiredAttr(c, 'code-structure', 'competences-numeriques-commun'),
      structureType: requiredAttr(c, 'type-structure', 'competences-numeriques-commun'),
      text: text(c) ?? '',
    }),
  );
  doc.commonParcours = children(child(donnees, 'parcours-communs'), 'parcours-commun').map((c) => ({
    periodRef: requiredAttr(c, 'periode-ref', 'parcours-commun'),
    division: requiredAttr(c, 'code-division', 'parcours-commun'),
    parcours: children(c, 'parcours').map((p) => ({ code: requiredAttr(p, 'code', 'parcours'), text: text(p) ?? '' })),
  }));
  doc.commonSchoolLife = children(child(donnees, 'vies-scolaires-communs'), 'vie-scolaire-commun').map((c) => ({
    periodRef: requiredAttr(c, 'periode-ref', 'vie-scolaire-commun'),
    division: requiredAttr(c, 'code-division', 'vie-scolaire-commun'),
    comment: childText(c, 'commentaire') ?? '',
  }));
  doc.epiThemes = children(child(donnees, 'epis-thematiques'), 'epi-thematique').map((t) => ({
    code: requiredAttr(t, 'code', 'epi-thematique'),
    label: requiredAttr(t, 'libelle', 'epi-thematique'),
  }));
  doc.epis = projects(child(donnees, 'epis'), 'epi');
  doc.epiGroups = projectGroups(child(donnees, 'epis-groupes'), 'epi-groupe', 'epi-ref');
  doc.aps = projects(child(donnees, 'acc-persos'), 'acc-perso');
  doc.apGroups = projectGroups(child(donnees, 'acc-persos-groupes'), 'acc-perso-groupe', 'acc-perso-ref');
  doc.periodicBilans = children(child(donnees, 'bilans-periodiques'), 'bilan-periodique').map(periodicBilan);
  doc.cycleBilans = children(child(donnees, 'bilans-cycle'), 'bilan-cycle').map(cycleBilan);
  return doc;
}
