import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { PLUGIN_API_VERSION } from '@liaison/domain';
import * as publicEvents from './events';
import { createPlugin } from './index';

describe('the second-degree-siecle plugin', () => {
  const plugin = createPlugin();

  it('declares a manifest the server accepts', () => {
    expect(plugin.manifest).toEqual({
      id: 'second-degree-siecle',
      degree: 'second',
      displayName: expect.any(String),
      apiVersion: PLUGIN_API_VERSION,
      tablePrefix: 'siecle_',
    });
  });

  it('exports the private import (official) and the head-counts (adapter), the send events being bookkeeping', () => {
    expect(plugin.exporters!.map((e) => [e.formatId, e.status])).toEqual([
      ['siecle.import-prive', 'official'],
      ['siecle.effectifs', 'adapter'],
    ]);
    const importPrive = plugin.exporters![0]!;
    expect(importPrive.bookkeepingEventTypes).toEqual([
      'SieclePupilIdsAssigned',
      'SiecleGuardianIdsAssigned',
      'SiecleSendNumbered',
      'SiecleSendRecorded',
    ]);
    expect(typeof importPrive.prepare).toBe('function');
    expect(plugin.controls!.map((c) => c.id)).toEqual(['second-degree-siecle']);
  });

  it('brings its send events, internal commands and the siecle / siecleref aggregates', () => {
    const events = plugin.events!.map((e) => e.type);
    expect(events).toEqual(
      expect.arrayContaining(['SieclePupilIdsAssigned', 'SiecleGuardianIdsAssigned', 'SiecleSendNumbered', 'SiecleSendRecorded']),
    );
    const commands = plugin.commands!.filter((c) => ['AssignSiecleIds', 'NumberSiecleSend', 'RecordSiecleSend'].includes(c.type));
    expect(commands.map((c) => c.internal)).toEqual([true, true, true]);
    expect(Object.keys(plugin.aggregates!).sort()).toEqual(['siecle', 'siecleref']);
  });

  it('publishes every event schema it registers through its events entry point', () => {
    const published = new Set(
      (Object.values(publicEvents) as unknown[])
        .filter(
          (v): v is { type: string } => typeof v === 'object' && v !== null && 'type' in v && 'version' in v && 'schema' in v,
        )
        .map((e) => e.type),
    );
    for (const e of plugin.events!) expect(published.has(e.type)).toBe(true);
  });

  it('exposes « . » and « ./events » in package.json, and ships its XSDs', () => {
    const pkg = JSON.parse(readFileSync(path.resolve(__dirname, '../package.json'), 'utf8')) as {
      main: string;
      exports: Record<string, { types: string; default: string }>;
      files: string[];
    };
    expect(pkg.exports['.']).toEqual({ types: './dist/index.d.ts', default: './dist/index.js' });
    expect(pkg.exports['./events']).toEqual({ types: './dist/events/index.d.ts', default: './dist/events/index.js' });
    expect(pkg.main).toBe('dist/index.js');
    expect(pkg.files).toEqual(expect.arrayContaining(['dist', 'xsd']));
  });
});
