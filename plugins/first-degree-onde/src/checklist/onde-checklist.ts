import { type ChecklistStep, completedByExport, completedByImport } from '@liaison/domain';
import { BE1D_FORMAT_ID, FORMATS_FORMAT_ID, PLUGIN_ID } from '../plugin-id';

const REFERENCE = 'Aide en ligne « Liaison Rectorat 1er degré »';

/**
 * The first-degree procedure of the seed (« Liaison Rectorat 1er degré »), as the checklist of
 * each école's year shows it. The seed gives these steps no window, so they have no due date.
 * Liaison does the import and the export, whose events complete steps 1 and 3b; the others are
 * ticked. Step 2 is not derived from the classes: « every class set up » can become false again
 * (a class opened in October) and the control already reports incomplete classes, while a
 * checklist records that the step was done, once, on a date.
 */
export function ondeChecklist(): ChecklistStep[] {
  return [
    {
      id: `${PLUGIN_ID}:1`,
      order: 1,
      title: 'Importation des formations du 1er degré',
      reference: `${REFERENCE}, p. 2`,
      note: 'À effectuer chaque année pour mettre à jour les tables (formations, langues).',
      completedBy: completedByImport(FORMATS_FORMAT_ID, 'import des formations du 1er degré (onde.formations)'),
    },
    {
      id: `${PLUGIN_ID}:2`,
      order: 2,
      title: 'Affectation des classes',
      reference: `${REFERENCE}, p. 4`,
      note: 'Code Rectorat, type de contrat, type de classe et formation(s) de chaque classe ; la formation des élèves des classes à plusieurs niveaux.',
    },
    {
      id: `${PLUGIN_ID}:3a`,
      order: 3,
      title: 'Contrôle de la base élèves',
      reference: `${REFERENCE}, 3. a)`,
      note: 'Relancer le contrôle jusqu’à ce que « Élève(s) non conforme(s) » soit égal à zéro.',
    },
    {
      id: `${PLUGIN_ID}:3b`,
      order: 4,
      title: 'Exporter la base élèves',
      reference: `${REFERENCE}, p. 8`,
      completedBy: completedByExport(BE1D_FORMAT_ID, 'export de la base élèves vers ONDE (onde.be1d)'),
    },
    {
      id: `${PLUGIN_ID}:3c`,
      order: 5,
      title: 'Importer le fichier dans ONDE',
      reference: `${REFERENCE}, p. 10`,
      note: 'Sur le portail de l’académie : « Accès directeur », puis « Effectuer un nouvel import » du fichier <UAI>.zip.',
    },
  ];
}
