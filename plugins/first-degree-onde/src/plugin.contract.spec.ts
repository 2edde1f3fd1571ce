import { PLUGIN_API_VERSION } from '@liaison/domain';
import { describePluginContract } from '@liaison/domain/testing';
import { sampleSnapshot } from './__fixtures__/sample-school';
import { createPlugin } from './index';

describePluginContract(() => createPlugin(), { sample: sampleSnapshot, formatFamilies: ['onde'] });

describe('the first-degree-onde plugin', () => {
  it('declares its manifest, formats, control and statuses', () => {
    const plugin = createPlugin();
    expect(plugin.manifest).toEqual({
      id: 'first-degree-onde',
      degree: 'first',
      displayName: 'Premier degré — ONDE',
      apiVersion: PLUGIN_API_VERSION,
      tablePrefix: 'onde_',
    });
    expect(plugin.importers!.map((i) => [i.formatId, i.status])).toEqual([
      ['onde.formations', 'adapter'],
      ['onde.extraction', 'official'],
    ]);
    expect(plugin.exporters!.map((e) => [e.formatId, e.status])).toEqual([['onde.be1d', 'adapter']]);
    expect(plugin.controls!.map((c) => c.id)).toEqual(['first-degree-onde']);
  });
});
