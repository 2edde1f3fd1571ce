import { PLUGIN_API_VERSION } from '@liaison/domain';
import { createPlugin } from './index';

describe('the second-degree-siecle plugin', () => {
  it('declares a manifest the server accepts', () => {
    expect(createPlugin().manifest).toEqual({
      id: 'second-degree-siecle',
      degree: 'second',
      displayName: expect.any(String),
      apiVersion: PLUGIN_API_VERSION,
      tablePrefix: 'siecle_',
    });
  });
});
