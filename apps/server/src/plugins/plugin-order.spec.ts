import { type LiaisonPlugin, PLUGIN_API_VERSION } from '@liaison/domain';
import { orderByRequirements } from './plugin-order';
import { PluginRegistry } from './plugin-registry';

const plugin = (id: string, requires?: string[]): LiaisonPlugin => ({
  manifest: {
    id,
    degree: 'second',
    displayName: id,
    apiVersion: PLUGIN_API_VERSION,
    tablePrefix: `${id.replace(/-/g, '')}_`,
    requires,
  },
});
const ids = (plugins: readonly LiaisonPlugin[]) => plugins.map((p) => p.manifest.id);

describe('plugins ordered by what they require', () => {
  it('puts a required plugin before the plugin reading its events, whatever the folder order', () => {
    const ordered = orderByRequirements([plugin('a-onde'), plugin('b-livrets', ['c-siecle']), plugin('c-siecle')]);
    expect(ids(ordered)).toEqual(['a-onde', 'c-siecle', 'b-livrets']);
  });

  it('keeps the discovery order when nothing is required', () => {
    expect(ids(orderByRequirements([plugin('b'), plugin('a')]))).toEqual(['b', 'a']);
  });

  it('refuses a plugin whose requirement is not installed', () => {
    expect(() => new PluginRegistry([plugin('livrets', ['siecle'])])).toThrow(
      'Plugin livrets requires the plugin siecle, which is not installed',
    );
  });

  it('refuses plugins requiring each other', () => {
    expect(() => orderByRequirements([plugin('a', ['b']), plugin('b', ['a'])])).toThrow('cycle: a → b → a');
  });

  it('the registry keeps the ordered list', () => {
    const registry = new PluginRegistry([plugin('x', ['y']), plugin('y')]);
    expect(ids(registry.plugins)).toEqual(['y', 'x']);
  });
});

describe('the registry checks what a plugin declares', () => {
  it('refuses a plugin built for another contract version', () => {
    const old = { ...plugin('old'), manifest: { ...plugin('old').manifest, apiVersion: 1 } };
    expect(() => new PluginRegistry([old])).toThrow(
      `Plugin old targets plugin API v1; this server speaks v${PLUGIN_API_VERSION}`,
    );
  });

  it('refuses a channel without actions, or reading a variable outside LIAISON_*', () => {
    const channel = {
      id: 'x.ws',
      displayName: 'x',
      status: 'adapter' as const,
      run: () => Promise.resolve({ status: 'done' as const, steps: [] }),
    };
    expect(() => new PluginRegistry([{ ...plugin('a'), channels: [{ ...channel, actions: [] }] }])).toThrow(
      'declares no actions',
    );
    expect(
      () =>
        new PluginRegistry([
          {
            ...plugin('b'),
            channels: [{ ...channel, actions: ['pull'], settings: [{ key: 'url', variable: 'HOME', description: 'x' }] }],
          },
        ]),
    ).toThrow('reads HOME, which must look like LIAISON_…');
  });
});
