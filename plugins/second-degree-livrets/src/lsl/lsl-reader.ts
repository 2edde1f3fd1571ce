import {
  attr,
  child,
  childText,
  children,
  decodeXml,
  parseXml,
  requiredAttr,
  text,
  type XmlObject,
  XmlReadError,
} from '../xml/xml-read';
import { LSL_NAMESPACE, type LslDocument, type LslOpinion } from './lsl-document';

/** Reads an LSL import file (the constructed reference example, our exports) back into the document model. */

const LISTS = ['eleve', 'engagement', 'scolarite', 'evaluation', 'periode', 'competence', 'enseignant'];

const defined = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

function opinion(node: XmlObject | undefined, name: string): LslOpinion | undefined {
  if (!node) return undefined;
  return defined({
    text: text(node) ?? '',
    lastName: requiredAttr(node, 'nom', name),
    firstName: requiredAttr(node, 'prenom', name),
    date: attr(node, 'date'),
  });
}

export function readLsl(bytes: Uint8Array): LslDocument {
  const xml = decodeXml(bytes);
  if (!xml.includes(`"${LSL_NAMESPACE}"`)) {
    throw new XmlReadError(`ce fichier n’est pas un fichier LSL : l’espace de noms ${LSL_NAMESPACE} est absent`);
  }
  const root = child(parseXml(xml, LISTS), 'lsl');
  if (!root) throw new XmlReadError('ce fichier n’est pas un fichier LSL : élément racine lsl attendu');
  const entete = child(root, 'entete');
  return {
    schemaVersion: requiredAttr(root, 'schemaVersion', 'lsl'),
    header: {
      editor: childText(entete, 'editeur') ?? '',
      application: childText(entete, 'application') ?? '',
      establishment: childText(entete, 'etablissement') ?? '',
    },
    pupils: children(child(root, 'donnees'), 'eleve').map((e) => {
      const engagements = child(e, 'engagements');
      const exam = child(e, 'avisExamen');
      return defined({
        id: requiredAttr(e, 'id', 'eleve'),
        engagements: engagements
          ? defined({
              codes: children(engagements, 'engagement').map((g) => requiredAttr(g, 'code', 'engagement')),
              other: childText(engagements, 'engagement-autre'),
            })
          : undefined,
        examOpinion: exam ? requiredAttr(exam, 'code', 'avisExamen') : undefined,
        schoolYears: children(child(e, 'scolarites'), 'scolarite').map((s) =>
          defined({
            year: requiredAttr(s, 'annee-scolaire', 'scolarite'),
            periodType: requiredAttr(s, 'code-periode', 'scolarite'),
            engagementOpinion: opinion(child(s, 'avisEngagement'), 'avisEngagement'),
            investmentOpinion: opinion(child(s, 'avisInvestissement'), 'avisInvestissement'),
            headOpinion: opinion(child(s, 'avisChefEtab'), 'avisChefEtab'),
            evaluations: children(s, 'evaluation').map((v) => {
              const st = child(v, 'structure');
              return defined({
                electionMode: requiredAttr(v, 'modalite-election', 'evaluation'),
                subjectCode: requiredAttr(v, 'code-matiere', 'evaluation'),
                date: attr(v, 'date'),
                structure: defined({
                  headcount: attr(st, 'effectif'),
                  average: attr(st, 'moyenne'),
                  below8: attr(st, 'repar-moins-huit'),
                  between8and12: attr(st, 'repar-huit-douze'),
                  above12: attr(st, 'repar-plus-douze'),
                }),
                annual: childText(v, 'annuelle'),
                periods: children(child(v, 'periodiques'), 'periode').map((p) => ({
                  number: Number(requiredAttr(p, 'numero', 'periode')),
                  average: requiredAttr(p, 'moyenne', 'periode'),
                })),
                competences: children(child(v, 'competences'), 'competence').map((c) =>
                  defined({ code: attr(c, 'code'), level: text(c) ?? '' }),
                ),
                teachers: children(child(v, 'enseignants'), 'enseignant').map((t) =>
                  defined({ lastName: attr(t, 'nom'), firstName: attr(t, 'prenom') }),
                ),
              });
            }),
          }),
        ),
      });
    }),
  };
}
