import { type ChecklistStep, completedByExport, completedByImport, completedByRollover } from '@liaison/domain';
import { EFFECTIFS_FORMAT_ID, IMPORT_PRIVE_FORMAT_ID, PLUGIN_ID } from '../export/format-ids';
import { NOMENCLATURE_FORMAT_ID, STRUCTURES_FORMAT_ID, STS_EMP_FORMAT_ID } from '../imports/format-ids';

const step = (n: number, fields: Omit<ChecklistStep, 'id' | 'order'>): ChecklistStep => ({
  id: `${PLUGIN_ID}:${n}`,
  order: n,
  ...fields,
});

const REPEAT = 'Selon les directives rectorales, répétez périodiquement les opérations 21 à 23.';
const EXCHANGE = 'Importation des identifiants nationaux élèves et des identifiants familles dans Liaison, puis envoi des élèves';

/**
 * Steps 1-7 and 10-23 of the seed's second-degree calendar (« TRAITEMENT POUR LE SECOND
 * DEGRÉ »), with its REFERENCE and « A FAIRE » columns; Liaison stands where the seed says
 * Charlemagne. Steps 8 and 9 (Parcoursup, LSU) belong to the livrets plugin. Liaison's own
 * events complete the steps it does: the nomenclature import (7), the rollover into the year
 * (13), the rectorat files imported into the new year (14), the head-count export (18) and each
 * send of the pupils (21 or 22, by exchange mode). Steps done in STS-web or SIECLE, and the
 * checks of 15, 16 and 23, are ticked.
 */
export function siecleChecklist(): ChecklistStep[] {
  return [
    step(1, { title: 'Bascule d’année dans STSweb', reference: 'Conseils = Siècle 2 p. 1', window: 'Dès que possible' }),
    step(2, {
      title: 'Informations et conseils : dates dans les fiches élèves, ouverture de classe, élèves sortis, dossier d’échange',
      reference: 'Conseils = Siècle 2 p. 3',
      window: 'Informations à lire',
    }),
    step(3, {
      title: 'Profilage des nomenclatures dans SIECLE',
      reference: 'Conseils = Siècle 3 p. 1',
      window: 'Avant début juillet',
    }),
    step(4, {
      title: 'Mise à jour des structures dans STSweb',
      reference: 'Conseils = Siècle 3 p. 5',
      window: 'Avant début juillet',
    }),
    step(5, { title: 'Envoi des structures vers SIECLE', reference: 'Conseils = Siècle 3 p. 6', window: 'Avant début juillet' }),
    step(6, {
      title: 'Exportation des nomenclatures et structures de SIECLE si vous n’utilisez pas le web service OMOGEN',
      reference: 'Conseils = Siècle 3 p. 7',
      window: 'Avant début juillet',
    }),
    step(7, {
      title: 'Importation des nomenclatures et structures dans Liaison',
      reference: 'Conseils = Siècle 3 p. 8',
      window: 'Après la bascule d’année',
      completedBy: completedByImport(NOMENCLATURE_FORMAT_ID, 'import de Nomenclature.xml (siecle.nomenclature) pour l’année'),
    }),
    step(10, {
      title: 'Saisir les inscriptions ou transférer les préinscriptions',
      reference: 'TFA-Ouverture année p. 2',
      window: 'Avant la rentrée',
    }),
    step(11, {
      title: 'Saisir les dates et motifs de sortie',
      reference: 'TFA-Ouverture année p. 3',
      window: 'Avant la rentrée',
    }),
    step(12, {
      title: 'Renseigner l’onglet An prochain (N+1)',
      reference: 'TFA-Ouverture année p. 4',
      window: 'Avant la rentrée',
    }),
    step(13, {
      title: 'Ouvrir la nouvelle année (N+1)',
      reference: 'TFA-Ouverture année p. 7',
      window: 'Avant la rentrée',
      completedBy: completedByRollover('bascule d’année dans Liaison (liaison year rollover) vers l’année'),
    }),
    step(14, {
      title: 'Importer les fichiers du rectorat dans la nouvelle année (N+1)',
      reference: 'TFA-Ouverture année p. 10',
      window: 'Avant la rentrée',
      completedBy: completedByImport(
        [STRUCTURES_FORMAT_ID, STS_EMP_FORMAT_ID],
        'import de Structures.xml (siecle.structures) ou de sts_emp (sts.emp) pour l’année',
      ),
    }),
    step(15, {
      title: 'Contrôler la structure et les formations sur les classes',
      reference: 'TFA-Ouverture année p. 12',
      window: 'Avant la rentrée',
    }),
    step(16, {
      title: 'Contrôler et finaliser les fiches élèves',
      reference: 'TFA-Ouverture année p. 13',
      window: 'Avant la rentrée',
    }),
    step(17, {
      title: 'Mise à jour des effectifs réels dans STSweb',
      reference: 'Conseils = Siècle 4 p. 1',
      window: 'Début septembre',
    }),
    step(18, {
      title: 'Exportation vers SCONET',
      reference: 'Conseils = Siècle 4 p. 1',
      window: 'Début septembre',
      completedBy: completedByExport(EFFECTIFS_FORMAT_ID, 'export des effectifs (siecle.effectifs) de l’année'),
    }),
    step(19, { title: 'Envoi des effectifs depuis SIECLE', reference: 'Conseils = Siècle 4 p. 2', window: 'Début septembre' }),
    step(20, { title: 'Contrôle de la réception dans la BEA', reference: 'Conseils = Siècle 4 p. 3', window: 'Après envoi EVA' }),
    step(21, {
      title: `Cas n° 1 : avec le web service OMOGEN — ${EXCHANGE}`,
      reference: 'Conseils = Siècle 5 p. 2',
      window: 'De la mi-septembre à fin mai',
      note: REPEAT,
      repeatable: true,
      exchangeMode: 'web-service',
      completedBy: completedByExport(
        IMPORT_PRIVE_FORMAT_ID,
        'envoi des élèves à SIECLE (siecle.import-prive) par le web service',
      ),
    }),
    step(22, {
      title: `Cas n° 2 : sans le web service OMOGEN — ${EXCHANGE}`,
      reference: 'Conseils = Siècle 5 p. 4',
      window: 'De la mi-septembre à fin mai',
      note: REPEAT,
      repeatable: true,
      exchangeMode: 'files',
      completedBy: completedByExport(IMPORT_PRIVE_FORMAT_ID, 'export des élèves pour SIECLE (siecle.import-prive) en fichier'),
    }),
    step(23, {
      title: 'Contrôle de l’intégration des élèves dans la BEE',
      reference: 'Conseils = Siècle 5 p. 8',
      window: 'De la mi-septembre à fin mai',
      note: REPEAT,
      repeatable: true,
    }),
  ];
}
