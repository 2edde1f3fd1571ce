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
