import { PLUGIN_API_VERSION } from '@liaison/domain';
import { createPlugin } from './index';

describe('the first-degree-onde plugin', () => {
  it('declares a manifest the server accepts', () => {
    expect(createPlugin().manifest).toEqual({
      id: 'first-degree-onde',
      degree: 'first',
      displayName: expect.any(String),
      apiVersion: PLUGIN_API_VERSION,
      tablePrefix: 'onde_',
    });
  });
});
