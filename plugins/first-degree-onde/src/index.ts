import { type LiaisonPlugin, PLUGIN_API_VERSION } from '@liaison/domain';

/**
 * First-degree plugin. This release registers its identity only: formations, controls and the
 * BE1D export arrive with the first-degree issue, without touching the server.
 */
export function createPlugin(): LiaisonPlugin {
  return {
    manifest: {
      id: 'first-degree-onde',
      degree: 'first',
      displayName: 'Premier degré — ONDE',
      apiVersion: PLUGIN_API_VERSION,
      tablePrefix: 'onde_',
    },
  };
}
