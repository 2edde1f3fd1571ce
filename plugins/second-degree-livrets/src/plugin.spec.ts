import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { PLUGIN_API_VERSION } from '@liaison/domain';
import * as publicEvents from './events';
import { createPlugin } from './index';

describe('the second-degree-livrets plugin', () => {
  const plugin = createPlugin();

  it('declares a manifest the server accepts, requiring the SIECLE plugin', () => {
    expect(plugin.manifest).toEqual({
      id: 'second-degree-livrets',
      degree: 'second',
      displayName: expect.stringMatching(/livrets/),
      apiVersion: PLUGIN_API_VERSION,
      tablePrefix: 'livrets_',
      requires: ['second-degree-siecle'],
    });
  });

  it('imports evaluations and end-of-cycle bilans (our CSV templates) and exports LSU, LSL (official XSDs) and Parcoursup (adapter)', () => {
    expect(plugin.importers!.map((i) => [i.formatId, i.status])).toEqual([
      ['livrets.evaluations', 'adapter'],
      ['livrets.bilans-cycle', 'adapter'],
    ]);
    expect(plugin.exporters!.map((e) => [e.formatId, e.status])).toEqual([
      ['lsu.bilans', 'official'],
      ['lsl.livret', 'official'],
      ['parcoursup.notes', 'adapter'],
    ]);
    for (const e of plugin.exporters!) expect(typeof e.scope).toBe('function');
  });

  it('brings its events, its commands, the livret and livretannee aggregates, checklist steps 8 and 9 and a demo', () => {
    expect(plugin.events!.map((e) => e.type)).toEqual(
      expect.arrayContaining([
        'LivretSubjectAssessed',
        'LivretCycleBilanRecorded',
        'LivretRecordWithdrawn',
        'LivretProjectDeclared',
        'LivretClassStatisticsRecorded',
      ]),
    );
    expect(plugin.commands!.map((c) => c.type)).toEqual(
      expect.arrayContaining([
        'RecordSubjectAssessment',
        'RecordPeriodSynthesis',
        'RecordAttendance',
        'RecordCycleBilan',
        'RecordPupilOpinion',
        'WithdrawLivretRecord',
      ]),
    );
    expect(plugin.commands!.every((c) => !c.internal)).toBe(true);
    expect(Object.keys(plugin.aggregates!).sort()).toEqual(['livret', 'livretannee']);
    expect(plugin.checklist!.map((s) => s.id)).toEqual(['second-degree-livrets:8', 'second-degree-livrets:9']);
    expect(typeof plugin.demo).toBe('function');
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
      exports: Record<string, { types: string; default: string }>;
      files: string[];
    };
    expect(pkg.exports['./events']).toEqual({ types: './dist/events/index.d.ts', default: './dist/events/index.js' });
    expect(pkg.files).toEqual(expect.arrayContaining(['dist', 'xsd']));
    for (const xsd of [
      'import-bilan-complet.xsd',
      'import-bilan-complet_20190427.xsd',
      'import-complet-strict.xsd',
      'import-lsl_1.xsd',
      'import-lsl.xsd',
    ]) {
      expect(readFileSync(path.resolve(__dirname, '../xsd', xsd)).length).toBeGreaterThan(10_000);
    }
  });
});
