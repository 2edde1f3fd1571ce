import { type LiaisonPlugin, PLUGIN_API_VERSION } from '@liaison/domain';

/**
 * Second-degree plugin. This release registers its identity only: SIECLE and STS-web imports
 * and exports arrive with the second-degree issue, without touching the server.
 */
export function createPlugin(): LiaisonPlugin {
  return {
    manifest: {
      id: 'second-degree-siecle',
      degree: 'second',
      displayName: 'Second degré — SIECLE / STS-web',
      apiVersion: PLUGIN_API_VERSION,
      tablePrefix: 'siecle_',
    },
  };
}
