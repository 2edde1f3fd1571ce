import { defaultExportScope, streamIds } from '@liaison/domain';
import { stream } from '@liaison/domain/testing';
import { PRODUCED_AT, pupil, sampleHistory, snapshotOf, UAI, YEAR } from '../__fixtures__/sample-school';
import { LSL_XSD_2015, LSL_XSD_2016, referenceFile, xsdErrors } from '../__fixtures__/xsd-validate';
import {
  LivretAnnualAssessmentRecorded,
  LivretClassStatisticsRecorded,
  LivretSchemasChosen,
  LivretSubjectAssessed,
  livretStreamId,
  livretYearStreamId,
} from '../events';
import { lslExporter, lslPath } from './lsl-exporter';
import { readLsl } from './lsl-reader';
import { LSL_RULES } from './lsl-rules';
import { writeLsl } from './lsl-writer';

const exporter = lslExporter();
const context = { exportId: 'lsl-spec', producedAt: PRODUCED_AT };
const year = { uai: UAI, year: YEAR };

describe('the LSL export (lsl.livret)', () => {
  it('writes the classes de première’s livrets, only the root in the namespace, valid against import-lsl_1.xsd', async () => {
    const snapshot = snapshotOf();
    const plan = exporter.plan(snapshot);
    expect(plan.blocking).toEqual([]);
    expect(plan.counts).toEqual({ pupils: 2, evaluations: 4, withoutLivret: 0 });
    const build = await exporter.build(snapshot, context);
    expect(build.files.map((f) => f.path)).toEqual([lslPath(UAI, YEAR)]);
    expect(build.xmlDocuments).toEqual([{ name: 'LSL-0750680G-2024.xml', bytes: build.files[0]!.bytes, xsdPath: LSL_XSD_2016 }]);
    expect(await xsdErrors(build.files[0]!.bytes, LSL_XSD_2016)).toEqual([]);
    const xml = Buffer.from(build.files[0]!.bytes).toString('utf8');
    expect(xml).toMatch(/<lsl:lsl xmlns:lsl="urn:ac-grenoble\.fr:lsl:import" [^>]*schemaVersion="1\.0">\n {2}<entete>/);
    expect(xml).not.toMatch(/<lsl:(?!lsl)/);
    expect(xml).not.toMatch(/ xmlns="/);
  });

  it('takes eleve/@id from ELEVE_ID, marks with two decimals, teachers from STS-web, the class’s statistics', async () => {
    const doc = readLsl((await exporter.build(snapshotOf(), context)).files[0]!.bytes);
    expect(doc.pupils.map((p) => p.id)).toEqual(['2001', '2002']);
    const [claire] = doc.pupils;
    expect(claire).toMatchObject({ engagements: { codes: ['C'], other: 'Tutorat d’élèves de seconde' }, examOpinion: 'F' });
    const scolarite = claire!.schoolYears[0]!;
    expect(scolarite).toMatchObject({
      year: '2024',
      periodType: 'T',
      headOpinion: { text: 'Vu.', lastName: 'CŒUR', firstName: 'Renée', date: '2025-06-10' },
    });
    expect(scolarite.evaluations[0]).toEqual({
      electionMode: 'S',
      subjectCode: '020700',
      // Computed from the class: Claire 12.75, Minh 15.75 → mean 14.25, both above 12.
      structure: { headcount: '2', average: '14.25', below8: '0.00', between8and12: '0.00', above12: '100.00' },
      annual: 'Élève sérieuse, à l’aise à l’oral.',
      periods: [
        { number: 1, average: '12.50' },
        { number: 2, average: '13.00' },
      ],
      competences: [
        { code: '0001', level: '3' },
        { code: '0005', level: '4' },
      ],
      teachers: [{ lastName: 'GARNIER', firstName: 'Paul' }],
    });
    expect(scolarite.evaluations[1]!.structure).toEqual({
      headcount: '2',
      average: '9.13',
      below8: '50.00',
      between8and12: '50.00',
      above12: '0.00',
    });
  });

  it('prefers the statistics the grade book recorded for the class', async () => {
    const stats = stream(
      livretYearStreamId(UAI, YEAR),
      LivretClassStatisticsRecorded.create({
        ...year,
        classCode: '1A',
        subjectCode: '061300',
        electionMode: 'S',
        headcount: 31,
        average: '10.4',
        below8: 19.35,
        between8and12: 48.39,
        above12: 32.26,
      }),
    );
    const doc = readLsl((await exporter.build(snapshotOf([...sampleHistory(), stats]), context)).files[0]!.bytes);
    expect(doc.pupils[0]!.schoolYears[0]!.evaluations[1]!.structure).toEqual({
      headcount: '31',
      average: '10.40',
      below8: '19.35',
      between8and12: '48.39',
      above12: '32.26',
    });
  });

  it('blocks a pupil without ELEVE_ID, a modality LSL does not know, trimesters mixed with semesters', () => {
    const r = { ...year, pupilId: 'P5', classCode: '1A' };
    const history = [
      ...sampleHistory().filter((s) => s.streamId !== streamIds.pupil(UAI, 'P4')),
      pupil('P4', 'Bernard', 'Claire', '1A', undefined),
      stream(
        livretStreamId(UAI, YEAR, 'P5'),
        LivretSubjectAssessed.create({
          ...r,
          period: 'S1',
          subjectCode: '043700',
          electionMode: 'L',
          teacherIds: ['12345'],
          average: '11',
        }),
      ),
    ];
    const plan = exporter.plan(snapshotOf(history));
    expect(plan.blocking.map((a) => [a.entity.id, a.rule, a.message])).toEqual([
      ['P4', LSL_RULES.eleveId, expect.stringMatching(/ELEVE_ID\) manquant/)],
      ['P5', LSL_RULES.mode, 'matière 043700 (L) : modalité d’élection L : le LSL n’accepte que O, F et S'],
      ['P5', LSL_RULES.periods, expect.stringMatching(/trimestres et semestres mêlés/)],
    ]);
  });

  it('follows the campaign’s schema: the 2015 XSD wants an annual appraisal for every subject', async () => {
    const choose = stream(livretYearStreamId(UAI, YEAR), LivretSchemasChosen.create({ ...year, lsl: '2015' }));
    const plan = exporter.plan(snapshotOf([...sampleHistory(), choose]));
    expect(plan.blocking.map((a) => a.message)).toEqual([
      'matière 061300 (S) : le schéma LSL 2015 exige une appréciation annuelle',
      'matière 061300 (S) : le schéma LSL 2015 exige une appréciation annuelle',
    ]);
    const annual = (pupilId: string) =>
      stream(
        livretStreamId(UAI, YEAR, pupilId),
        LivretAnnualAssessmentRecorded.create({
          ...year,
          pupilId,
          classCode: '1A',
          subjectCode: '061300',
          electionMode: 'S',
          teacherIds: ['23456'],
          appraisal: 'Des efforts.',
        }),
      );
    const build = await exporter.build(snapshotOf([...sampleHistory(), choose, annual('P4'), annual('P5')]), context);
    expect(build.xmlDocuments![0]!.xsdPath).toBe(LSL_XSD_2015);
    expect(await xsdErrors(build.files[0]!.bytes, LSL_XSD_2015)).toEqual([]);
  });

  it('leaves out the collège’s pupils and blocks when no première has anything', () => {
    const snapshot = snapshotOf();
    expect(exporter.scope!(snapshot, defaultExportScope(snapshot))(livretStreamId(UAI, YEAR, 'P4'))).toBe(true);
    expect(exporter.scope!(snapshot, defaultExportScope(snapshot))(livretStreamId(UAI, YEAR, 'P1'))).toBe(false);
    const empty = snapshotOf(sampleHistory().filter((s) => !s.streamId.startsWith('livret-')));
    expect(exporter.plan(empty).blocking.map((a) => a.rule)).toEqual([LSL_RULES.nothing]);
  });
});

describe('reading LSL files back', () => {
  it('reads the constructed reference example, writes it and reads it again without loss, valid against both XSDs', async () => {
    const doc = readLsl(referenceFile('lsl', 'constructed-minimal-lsl.xml'));
    expect(doc.pupils[0]).toMatchObject({
      id: '1234567',
      examOpinion: 'T',
      engagements: { codes: ['C'], other: "Tutorat d'élèves de seconde" },
    });
    expect(doc.pupils[0]!.schoolYears[0]!.evaluations[0]!.structure).toEqual({
      headcount: '32',
      average: '11.25',
      below8: '12.50',
      between8and12: '46.88',
      above12: '40.62',
    });
    const written = writeLsl(doc);
    expect(readLsl(written)).toEqual(doc);
    expect(await xsdErrors(written, LSL_XSD_2016)).toEqual([]);
    expect(await xsdErrors(written, LSL_XSD_2015)).toEqual([]);
  });
});
