import { type CommandRegistry } from '@liaison/domain';
import { z } from 'zod';
import { loginSchema } from './auth.controller';
import { rolloverBody } from './years.controller';
import { MAX_BATCH_COMMANDS } from './commands.controller';

type JsonSchema = Record<string, unknown>;

/** What `POST /api/commands` answers for one command (and the batch for each of its commands). */
const COMMAND_RESULT: JsonSchema = {
  type: 'object',
  properties: {
    type: { type: 'string' },
    streamId: { type: 'string' },
    version: { type: 'integer' },
    positions: { type: 'array', items: { type: 'integer' } },
    warnings: { type: 'array', items: { type: 'string' } },
  },
};

const toSchema = (schema: z.ZodType): JsonSchema =>
  z.toJSONSchema(schema, { target: 'openapi-3.0', io: 'input', unrepresentable: 'any' }) as JsonSchema;

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

const json = (schema: JsonSchema, description = 'OK') => ({
  description,
  content: { 'application/json': { schema } },
});

const queryParam = (name: string, description: string, type = 'string') => ({
  name,
  in: 'query',
  required: false,
  description,
  schema: { type },
});

const pathParam = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } });

/** `{"uai", "year"}`: the body of the requests that act on one establishment's year. */
const schoolYearBody = {
  required: true,
  content: {
    'application/json': {
      schema: { type: 'object', required: ['uai', 'year'], properties: { uai: { type: 'string' }, year: { type: 'integer' } } },
    },
  },
};

const asOfParam = queryParam('asOf', 'tel qu’à cette position globale (voyage dans le temps)', 'integer');

/**
 * The OpenAPI 3 document, generated from the same zod schemas that validate the commands, so
 * the published contract cannot drift from what the server accepts.
 */
export function buildOpenApiDocument(commands: CommandRegistry, version: string): JsonSchema {
  const commandSchemas: Record<string, JsonSchema> = {};
  for (const def of commands.all()) {
    commandSchemas[`${def.type}Command`] = {
      type: 'object',
      required: ['type', 'payload'],
      properties: {
        type: { type: 'string', enum: [def.type] },
        payload: toSchema(def.payload),
        occurredAt: { type: 'string', format: 'date-time', description: 'quand le fait a eu lieu, s’il précède l’envoi' },
      },
    };
  }
  const commandRefs = Object.keys(commandSchemas).map((name) => ({ $ref: `#/components/schemas/${name}` }));
  const anyCommand = { oneOf: commandRefs, discriminator: { propertyName: 'type' } };
  return {
    openapi: '3.0.3',
    info: {
      title: 'Liaison API',
      version,
      description: 'Commandes du domaine, journal des événements et modèles de lecture de Liaison.',
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: {
        ...commandSchemas,
        Error: {
          type: 'object',
          required: ['error', 'message'],
          properties: {
            error: { type: 'string', enum: ['invalid', 'rule', 'stale', 'http', 'internal'] },
            code: { type: 'string' },
            message: { type: 'string', description: 'raison en français' },
            details: {},
          },
        },
        Login: toSchema(loginSchema),
        Rollover: toSchema(rolloverBody.unwrap()),
      },
    },
    security: [{ bearer: [] }],
    paths: {
      '/api/commands': {
        post: {
          summary: 'Applique une commande du domaine',
          parameters: [
            { name: 'If-Match', in: 'header', required: false, schema: { type: 'string' }, description: 'version (ETag) éditée' },
          ],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: anyCommand } },
          },
          responses: {
            200: json(COMMAND_RESULT),
            400: errorResponse('entrée invalide'),
            401: errorResponse('non connecté'),
            403: errorResponse('rôle insuffisant'),
            409: errorResponse('règle métier violée'),
            412: errorResponse('If-Match périmé'),
          },
        },
      },
      '/api/commands/batch': {
        post: {
          summary: 'Applique plusieurs commandes ensemble : toutes ou aucune (la première refusée est nommée par son rang)',
          parameters: [
            {
              name: 'If-Match',
              in: 'header',
              required: false,
              schema: { type: 'string' },
              description: 'version (ETag) de la ressource éditée, vérifiée avant la première commande',
            },
          ],
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['commands'],
                  properties: {
                    commands: {
                      type: 'array',
                      minItems: 1,
                      maxItems: MAX_BATCH_COMMANDS,
                      items: anyCommand,
                    },
                  },
                },
              },
            },
          },
          responses: {
            200: json({
              type: 'object',
              properties: {
                results: { type: 'array', items: COMMAND_RESULT },
              },
            }),
            400: errorResponse('entrée invalide (details.index : la commande refusée)'),
            401: errorResponse('non connecté'),
            403: errorResponse('rôle insuffisant'),
            409: errorResponse('règle métier violée (details.index : la commande refusée)'),
            412: errorResponse('If-Match périmé'),
          },
        },
      },
      '/api/events': {
        get: {
          summary: 'Journal des événements, paginé par position globale',
          parameters: [
            queryParam('after', 'position après laquelle lire (page suivante)', 'integer'),
            queryParam('asOf', 'jusqu’à cette position incluse', 'integer'),
            queryParam('limit', 'taille de page (100 par défaut, 1000 au plus)', 'integer'),
            queryParam('stream', 'un flux, ex. pupil-0750680G-E001'),
            queryParam('uai', 'les flux d’un établissement'),
            queryParam('type', 'types d’événement, séparés par des virgules'),
            queryParam('actor', 'auteur'),
            queryParam('order', 'asc (défaut) ou desc'),
          ],
          responses: { 200: json({ type: 'object' }), 400: errorResponse('paramètre invalide') },
        },
      },
      '/api/health': {
        get: { summary: 'État du serveur et des projections', security: [], responses: { 200: json({ type: 'object' }) } },
      },
      '/api/auth/login': {
        post: {
          summary: 'Connexion ; renvoie un jeton bearer',
          security: [],
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Login' } } } },
          responses: { 200: json({ type: 'object' }), 401: errorResponse('identifiant ou mot de passe incorrect') },
        },
      },
      '/api/auth/logout': {
        post: { summary: 'Déconnexion : le jeton cesse d’être valide', responses: { 200: json({ type: 'object' }) } },
      },
      '/api/auth/me': { get: { summary: 'L’utilisateur connecté et son rôle', responses: { 200: json({ type: 'object' }) } } },
      '/api/establishments': { get: { summary: 'Établissements', responses: { 200: json({ type: 'array' }) } } },
      '/api/establishments/{uai}/years/{year}/nomenclature': {
        get: {
          summary: 'Nomenclatures de l’année : formations, langues, types de classe',
          parameters: [pathParam('uai'), pathParam('year'), asOfParam],
          responses: { 200: json({ type: 'object' }) },
        },
      },
      '/api/establishments/{uai}/years/{year}/classes': {
        get: {
          summary: 'Classes de l’année, avec leur effectif',
          parameters: [pathParam('uai'), pathParam('year'), asOfParam],
          responses: { 200: json({ type: 'array' }) },
        },
      },
      '/api/establishments/{uai}/years/{year}/classes/{classCode}': {
        get: {
          summary: 'Une classe, avec son ETag',
          parameters: [pathParam('uai'), pathParam('year'), pathParam('classCode'), asOfParam],
          responses: { 200: json({ type: 'object' }), 404: errorResponse('classe inconnue') },
        },
      },
      '/api/establishments/{uai}/years/{year}/pupils': {
        get: {
          summary: 'Élèves de l’année (inscrits, préinscrits, sortis), ordre alphabétique français',
          parameters: [
            pathParam('uai'),
            pathParam('year'),
            queryParam('status', 'preinscrit, inscrit ou sorti'),
            queryParam('classCode', 'une classe'),
            queryParam('formationCode', 'une formation'),
            queryParam('q', 'recherche dans les noms et l’INE, sans accents ni casse'),
            asOfParam,
          ],
          responses: { 200: json({ type: 'array' }) },
        },
      },
      '/api/establishments/{uai}/pupils/{pupilId}': {
        get: {
          summary: 'Un élève : identité, chaque année, responsables ; ETag sur l’élève et ses responsables',
          parameters: [pathParam('uai'), pathParam('pupilId'), asOfParam],
          responses: { 200: json({ type: 'object' }), 404: errorResponse('élève inconnu') },
        },
      },
      '/api/establishments/{uai}/pupils/{pupilId}/history': {
        get: {
          summary: 'Historique de l’élève et de ses responsables, avec avant → après',
          parameters: [pathParam('uai'), pathParam('pupilId')],
          responses: { 200: json({ type: 'array' }) },
        },
      },
      '/api/establishments/{uai}/activity': {
        get: {
          summary:
            'Les fiches (flux) de l’établissement, la plus récemment modifiée d’abord : dernier auteur, dernier événement, nombre d’événements (index asynchrone : position et retard)',
          parameters: [
            pathParam('uai'),
            {
              name: 'kind',
              in: 'query',
              required: false,
              schema: { type: 'string' },
              description: 'pupil, class, guardian, year…',
            },
            { name: 'actor', in: 'query', required: false, schema: { type: 'string' } },
            { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 200, default: 20 } },
          ],
          responses: {
            200: json({
              type: 'object',
              properties: {
                position: { type: 'integer' },
                behind: { type: 'integer' },
                streams: { type: 'array', items: { type: 'object' } },
              },
            }),
            400: errorResponse('paramètre invalide'),
          },
        },
      },
      '/api/establishments/{uai}/guardians/{guardianId}': {
        get: {
          summary: 'Un responsable et les enfants dont il est responsable ; ETag',
          parameters: [pathParam('uai'), pathParam('guardianId'), asOfParam],
          responses: { 200: json({ type: 'object' }), 404: errorResponse('responsable inconnu') },
        },
      },
      '/api/establishments/{uai}/years': {
        get: {
          summary: 'Années scolaires ouvertes',
          parameters: [{ name: 'uai', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { 200: json({ type: 'array' }) },
        },
      },
      '/api/establishments/{uai}/years/{year}/rollover': {
        post: {
          summary: 'Bascule d’année : construit l’année suivante depuis celle-ci (dryRun : simulation, rien n’est écrit)',
          parameters: [pathParam('uai'), pathParam('year')],
          requestBody: {
            required: false,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Rollover' } } },
          },
          responses: {
            200: json({ type: 'object' }, 'le plan (et, bascule réelle, son identifiant et ses positions)'),
            400: errorResponse('entrée invalide'),
            409: json({ type: 'object' }, 'élèves sans projet utilisable : le plan, rien n’est écrit'),
          },
        },
      },
      '/api/establishments/{uai}/years/{year}/checklist': {
        get: {
          summary: 'Liste des étapes de l’année, avec échéances et « Fait le »',
          parameters: [
            pathParam('uai'),
            pathParam('year'),
            queryParam('asOf', 'telle qu’elle était à cette position', 'integer'),
            queryParam('today', 'jour auquel juger les retards (AAAA-MM-JJ)'),
          ],
          responses: { 200: json({ type: 'object' }), 409: errorResponse('établissement inconnu') },
        },
      },
      '/api/formats': {
        get: {
          summary: 'Plugins chargés : formats (import, export), contrôles, rapports et canaux d’échange avec leurs réglages',
          responses: { 200: json({ type: 'object' }) },
        },
      },
      '/api/imports/{format}': {
        post: {
          summary: 'Importe un fichier national (tout ou rien, idempotent par empreinte)',
          parameters: [pathParam('format')],
          requestBody: {
            required: true,
            content: {
              'multipart/form-data': {
                schema: {
                  type: 'object',
                  required: ['uai', 'year'],
                  properties: {
                    file: {
                      type: 'string',
                      format: 'binary',
                      description: 'facultatif quand le format fournit un fichier par défaut',
                    },
                    uai: { type: 'string' },
                    year: { type: 'integer' },
                    skipRejected: { type: 'boolean' },
                  },
                },
              },
            },
          },
          responses: {
            200: json({ type: 'object' }, 'le compte rendu d’import'),
            400: errorResponse('fichier illisible, autre UAI ou autre année'),
            409: json({ type: 'object' }, 'lignes refusées : le compte rendu, rien n’est écrit'),
          },
        },
      },
      '/api/establishments/{uai}/years/{year}/anomalies': {
        get: {
          summary: 'Rapports des contrôles du degré de l’établissement (ou d’un plugin)',
          parameters: [
            pathParam('uai'),
            pathParam('year'),
            queryParam('plugin', 'un seul contrôle'),
            queryParam('asOf', 'tel qu’à cette position', 'integer'),
          ],
          responses: { 200: json({ type: 'array' }), 409: errorResponse('établissement inconnu') },
        },
      },
      '/api/establishments/{uai}/years/{year}/reports': {
        get: {
          summary: 'Rapports (chiffres en JSON) du degré de l’établissement, avec leurs paramètres',
          parameters: [pathParam('uai'), pathParam('year')],
          responses: { 200: json({ type: 'array' }), 409: errorResponse('établissement inconnu') },
        },
      },
      '/api/establishments/{uai}/years/{year}/reports/{id}': {
        get: {
          summary: 'Un rapport, ex. siecle.effectifs (effectifs par MEF et par division) ; les autres paramètres vont au rapport',
          parameters: [
            pathParam('uai'),
            pathParam('year'),
            pathParam('id'),
            queryParam('asOf', 'tel qu’à cette position', 'integer'),
            queryParam('date', 'siecle.effectifs : jour compté (AAAA-MM-JJ)'),
          ],
          responses: {
            200: json({ type: 'object' }, '{reportId, displayName, uai, year, asOf, asOfTime, data}'),
            400: errorResponse('paramètre inconnu ou invalide'),
            404: errorResponse('rapport inconnu'),
            409: errorResponse('établissement inconnu ou d’un autre degré'),
          },
        },
      },
      '/api/exports/{format}': {
        post: {
          summary: 'Produit un export (la requête vaut confirmation)',
          parameters: [pathParam('format')],
          requestBody: schoolYearBody,
          responses: {
            200: json({ type: 'object' }, 'le manifeste et les avertissements'),
            409: json({ type: 'object' }, 'bloqué par des anomalies : {error: "blocked", anomalies}'),
          },
        },
      },
      '/api/exports': {
        get: {
          summary: 'Registre des exports, du plus récent au plus ancien',
          parameters: [queryParam('uai', 'un établissement')],
          responses: { 200: json({ type: 'array' }) },
        },
      },
      '/api/exports/{id}': {
        get: {
          summary: 'Manifeste d’un export',
          parameters: [pathParam('id')],
          responses: { 200: json({ type: 'object' }), 404: errorResponse('export inconnu') },
        },
      },
      '/api/exports/{id}/download': {
        get: {
          summary: 'Copie conservée du fichier de l’export (le téléchargement est enregistré)',
          parameters: [pathParam('id'), queryParam('file', 'un des fichiers de l’export')],
          responses: { 200: { description: 'le fichier' }, 404: errorResponse('export ou fichier inconnu') },
        },
      },
      '/api/exchanges/{channel}/{action}': {
        post: {
          summary: 'Échange par un service web (canal), ex. siecle.omogen pull | send | sync',
          parameters: [pathParam('channel'), pathParam('action')],
          requestBody: schoolYearBody,
          responses: {
            200: json({ type: 'object' }, 'terminé : {channel, action, status, steps, details}'),
            202: json({ type: 'object' }, 'en attente de l’accusé de traitement'),
            404: errorResponse('canal ou action inconnus'),
            502: json({ type: 'object' }, 'échec de l’échange (le compte rendu) ; nos données sont inchangées'),
            503: json({ type: 'object' }, 'canal non configuré : {missing: [variables]}'),
          },
        },
      },
      '/api/exports/{id}/changes': {
        get: {
          summary: 'Changements emportés par un export, à plat et par élève et classe (since=1 : ceux survenus depuis)',
          parameters: [pathParam('id'), queryParam('since', '1 : ce qui a changé dans le périmètre depuis l’export')],
          responses: { 200: json({ type: 'object' }), 409: errorResponse('export inconnu') },
        },
      },
      '/api/exports/{id}/diff/{otherId}': {
        get: {
          summary: 'Comparaison de deux exports du même format : élèves ajoutés, retirés, modifiés',
          parameters: [pathParam('id'), pathParam('otherId')],
          responses: { 200: json({ type: 'object' }), 409: errorResponse('exports inconnus ou pas comparables') },
        },
      },
      '/api/exports/preview/{format}': {
        get: {
          summary: 'Aperçu du prochain export : ce qui a changé depuis le précédent, et par qui',
          parameters: [pathParam('format'), queryParam('uai', 'UAI'), queryParam('year', 'année scolaire', 'integer')],
          responses: { 200: json({ type: 'object' }), 400: errorResponse('paramètre invalide') },
        },
      },
    },
  };
}
