import { type SchoolSnapshot } from '@liaison/domain';
import { expectWellFormedReport } from '@liaison/domain/testing';
import { sampleSnapshot, snapshotOf, UAI, YEAR } from '../export/__fixtures__/sample-college';
import { importPriveExporter } from '../export/import-prive-exporter';
import { runSiecleControl, siecleControl } from './siecle-control';

const control = siecleControl();
const broken = (): SchoolSnapshot => structuredClone(sampleSnapshot());

describe('the SIECLE control', () => {
  it('checks the pupils the file would hold and lists the pre-enrolled apart', () => {
    const snapshot = sampleSnapshot();
    const report = control.run(snapshot);
    expectWellFormedReport(report, snapshot, 'second-degree-siecle');
    expect(report.counts).toEqual({ checked: 4, compliant: 4, nonCompliant: 0, excluded: 1 });
    expect(report.excluded).toEqual([{ pupilId: 'P005', label: 'ROUX Inès (6e A)', reason: 'préinscrit : non envoyé à SIECLE' }]);
    expect(report.anomalies.every((a) => a.severity === 'warning')).toBe(true);
  });

  it('reports each SIECLE default applied as a warning, naming the field', () => {
    const report = control.run(sampleSnapshot());
    expect(report.anomalies.map((a) => [a.rule, a.entity.id, a.field])).toEqual([
      ['defaut-regime', 'P002', `years.${YEAR}.schooling.regime`],
      ['defaut-transport', 'P002', `years.${YEAR}.schooling.transport`],
      ['defaut-doublement', 'P002', `years.${YEAR}.schooling.doublement`],
      ['defaut-statut', 'P002', `years.${YEAR}.schooling.statut`],
      ['defaut-etablissement-origine', 'P002', 'identity.previousSchool'],
      ['defaut-profession', 'G2', 'profession'],
    ]);
  });

  it('blocks the export on exactly its errors', () => {
    const s = broken();
    s.pupils.find((p) => p.pupilId === 'P001')!.years[YEAR]!.exitMotive = '05';
    s.pupils.find((p) => p.pupilId === 'P002')!.years[YEAR]!.schooling.statut = '1';
    const errors = control.run(s).anomalies.filter((a) => a.severity === 'error');
    expect(importPriveExporter().plan(s).blocking).toEqual(errors);
  });

  it('counts a pupil non-compliant for an error on its class, its guardian or the establishment', () => {
    const s = broken();
    s.guardians.G6!.person!.profession = '7';
    let report = control.run(s);
    expect(report.counts).toMatchObject({ checked: 4, compliant: 3, nonCompliant: 1 });
    s.classes.find((c) => c.classCode === '5A')!.contractType = 'simple';
    report = control.run(s);
    expect(report.counts).toMatchObject({ compliant: 1, nonCompliant: 3 });
    s.establishment.contract = 'simple';
    expect(control.run(s).counts).toMatchObject({ compliant: 0, nonCompliant: 4 });
  });

  it('survives an empty snapshot with establishment-level errors only', () => {
    const empty = snapshotOf([]);
    const report = control.run(empty);
    expectWellFormedReport(report, empty, 'second-degree-siecle');
    expect(report.anomalies.map((a) => [a.rule, a.entity.kind])).toEqual([['etablissement-non-enregistre', 'establishment']]);
    expect(report.counts).toEqual({ checked: 0, compliant: 0, nonCompliant: 0, excluded: 0 });
  });

  it('treats a pupil who left without legal guardian as a warning (the XSD lets a leaving pupil go without)', () => {
    const s = broken();
    s.pupils.find((p) => p.pupilId === 'P004')!.guardians = {};
    const run = runSiecleControl(s);
    expect(run.report.anomalies.filter((a) => a.entity.id === 'P004' && a.severity === 'error')).toEqual([]);
    expect(run.send.run.document.pupils.find((p) => p.pupilId === 'P004')!.responsables).toBeUndefined();
  });

  it('reads its UAI and year from the snapshot', () => {
    const report = control.run(sampleSnapshot());
    expect([report.uai, report.year]).toEqual([UAI, YEAR]);
  });
});
