import { type Anomaly, defaultExportScope, streamIds } from '@liaison/domain';
import { stream, type StreamHistory } from '@liaison/domain/testing';
import { ClassCoded, PupilClassChanged } from '@liaison/events';
import { referenceStreamId, StsTeachersDeclared } from '@liaison/plugin-second-degree-siecle/events';
import {
  collegeTerm,
  cycle4Bilan,
  projectsHistory,
  PRODUCED_AT,
  pupil,
  referenceHistory,
  sampleHistory,
  snapshotOf,
  TEACHERS,
  UAI,
  YEAR,
} from '../__fixtures__/sample-school';
import { LSU_XSD_2019, LSU_XSD_2020, LSU_XSD_7, xsdErrors } from '../__fixtures__/xsd-validate';
import {
  LivretHeadDeclared,
  LivretAttendanceRecorded,
  LivretCycleBilanRecorded,
  LivretPeriodSynthesisRecorded,
  LivretRecordWithdrawn,
  LivretSchemasChosen,
  LivretSubjectAssessed,
  LivretSubjectAssessmentWithdrawn,
  livretStreamId,
  livretYearStreamId,
} from '../events';
import { readLsu } from './lsu-reader';
import { lsuExporter, lsuPath } from './lsu-exporter';
import { LSU_RULES } from './lsu-rules';

const exporter = lsuExporter();
const context = { exportId: 'lsu-spec', producedAt: PRODUCED_AT };
const without = (history: StreamHistory[], streamId: string) => history.filter((s) => s.streamId !== streamId);
const rules = (anomalies: Anomaly[]) => anomalies.map((a) => `${a.entity.id}:${a.rule}`);
const livret = (pupilId: string, ...events: Parameters<typeof stream>[1][]) =>
  stream(livretStreamId(UAI, YEAR, pupilId), ...events);
const year = { uai: UAI, year: YEAR };

describe('the LSU export (lsu.bilans)', () => {
  it('writes the collège’s bilans, namespaced and ordered as import-bilan-complet.xsd requires', async () => {
    const snapshot = snapshotOf([...sampleHistory(), ...projectsHistory()]);
    const plan = exporter.plan(snapshot);
    expect(plan.blocking).toEqual([]);
    // The 6e without any bilan is left out, and said so; the lycéens are LSL's.
    expect(rules(plan.warnings)).toEqual(['P3:lsu-eleve-sans-bilan']);
    const build = await exporter.build(snapshot, context);
    expect(build.files.map((f) => f.path)).toEqual([lsuPath(UAI, YEAR)]);
    expect(build.counts).toEqual({ pupils: 2, periodicBilans: 2, cycleBilans: 1, withoutBilan: 1 });
    const [file] = build.files;
    expect(build.xmlDocuments).toEqual([{ name: 'LSU-0750680G-2024.xml', bytes: file!.bytes, xsdPath: LSU_XSD_2020 }]);
    expect(await xsdErrors(file!.bytes, LSU_XSD_2020)).toEqual([]);
    const xml = Buffer.from(file!.bytes).toString('utf8');
    expect(xml).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<lsun-bilans xmlns="urn:fr:edu:scolarite:lsun:bilans:import"/,
    );
    expect(xml).toContain('schemaVersion="3.0"');
    const order = [
      '<responsables-etab>',
      '<eleves>',
      '<periodes>',
      '<disciplines>',
      '<enseignants>',
      '<elements-programme>',
      '<epis>',
      '<epis-groupes>',
      '<acc-persos>',
      '<acc-persos-groupes>',
      '<bilans-periodiques>',
      '<bilans-cycle>',
    ];
    expect(order.map((tag) => xml.indexOf(tag))).toEqual(order.map((tag) => xml.indexOf(tag)).sort((a, b) => a - b));
  });

  it('takes id-be from SIECLE’s ELEVE_ID (not the INE), id-sts from STS-web, ids that never start with a digit', async () => {
    const doc = readLsu((await exporter.build(snapshotOf(), context)).files[0]!.bytes);
    expect(doc.pupils).toEqual([
      { id: 'EL_P1', idBe: '1001', lastName: 'Lefèvre', firstName: 'Éloïse', division: '3A' },
      { id: 'EL_P2', idBe: '1002', lastName: 'Ménard', firstName: 'Noé', division: '3A' },
    ]);
    expect(doc.teachers.map((t) => [t.id, t.type, t.stsId, t.civility])).toEqual([
      ['ENS_12345', 'epp', '12345', 'MME'],
      ['ENS_23456', 'epp', '23456', 'M'],
      ['ENS_34567', 'local', '34567', 'MME'],
    ]);
    expect(doc.heads).toEqual([{ id: 'RESP_1', label: 'Mme Renée CŒUR' }]);
    expect(doc.periods).toEqual([{ id: 'P_T1', millesime: '2024', index: 1, count: 3 }]);
    expect(doc.disciplines.map((d) => [d.id, d.label])).toEqual([
      ['DI_020700_S', 'Français'],
      ['DI_030201_S', 'Anglais LV1'],
      ['DI_061300_S', 'Mathématiques'],
    ]);
    const [first] = doc.periodicBilans;
    expect(first).toMatchObject({
      pupilRef: 'EL_P1',
      councilDate: '2024-12-05',
      schoolingDate: '2024-09-02',
      lockDate: '2025-06-20T10:15:00',
      mainTeacherRefs: ['ENS_12345'],
      advice: 'Un bon premier trimestre : continuez ainsi.',
      schoolLife: { lateArrivals: 1, justifiedAbsences: 2, unjustifiedAbsences: 0 },
    });
    expect(first!.acquis.find((a) => a.disciplineRef === 'DI_061300_S')).toEqual({
      disciplineRef: 'DI_061300_S',
      teacherRefs: ['ENS_23456'],
      positioning: 4,
      appraisal: 'Travail régulier & sérieux.',
    });
    expect(first!.guardians).toEqual([
      {
        civility: 'MME',
        lastName: 'Lefèvre',
        firstName: 'Hélène',
        legal1: true,
        legal2: false,
        link: 'Mère',
        address: { line1: '4 rue Saint-Jacques', postalCode: '75005', commune: 'Paris' },
      },
    ]);
    expect(doc.cycleBilans).toEqual([
      expect.objectContaining({
        pupilRef: 'EL_P1',
        cycle: 4,
        millesime: '2024',
        createdOn: '2025-06-16',
        complement: { code: 'LCA', positioning: 1 },
      }),
    ]);
  });

  it('is the same file for the same snapshot and instant, and its date-verrou follows the export’s instant', async () => {
    const snapshot = snapshotOf();
    const a = (await exporter.build(snapshot, context)).files[0]!.bytes;
    expect(Buffer.from((await exporter.build(snapshot, context)).files[0]!.bytes).equals(Buffer.from(a))).toBe(true);
    const later = (await exporter.build(snapshot, { ...context, producedAt: '2025-07-01T12:00:00.000Z' })).files[0]!.bytes;
    expect(Buffer.from(later).toString('utf8')).toContain('date-verrou="2025-07-01T14:00:00"');
  });

  describe('the pre-export control names every pupil who would make the file invalid', () => {
    it('a pupil without ELEVE_ID (LSU wants SIECLE’s id, never the INE)', async () => {
      const history = [...without(sampleHistory(), streamIds.pupil(UAI, 'P2')), pupil('P2', 'Ménard', 'Noé', '3A', undefined)];
      const plan = exporter.plan(snapshotOf(history));
      expect(plan.blocking).toEqual([
        expect.objectContaining({
          rule: LSU_RULES.eleveId,
          entity: { kind: 'pupil', id: 'P2', label: 'MÉNARD Noé (3A)' },
          message: expect.stringMatching(/ELEVE_ID\) manquant/),
        }),
      ]);
      await expect(async () => exporter.build(snapshotOf(history), context)).rejects.toThrow(/MÉNARD Noé \(3A\)/);
    });

    it('a subject without positioning, mark or « non noté », a teacher STS-web does not know, a non-numeric STS id', () => {
      const r = { ...year, pupilId: 'P2', classCode: '3A', period: 'T1' as const, electionMode: 'S' as const };
      const history = [
        ...without(sampleHistory(), livretStreamId(UAI, YEAR, 'P2')),
        livret(
          'P2',
          ...collegeTerm('P2', '3A', [2, 2, 3]),
          LivretSubjectAssessed.create({
            ...r,
            subjectCode: '020700',
            teacherIds: ['12345'],
            appraisal: 'Seulement un commentaire.',
          }),
          LivretSubjectAssessed.create({ ...r, subjectCode: '061300', teacherIds: ['99999'], positioning: 2 }),
        ),
      ];
      const plan = exporter.plan(snapshotOf(history));
      expect(plan.blocking.map((a) => [a.rule, a.entity.id, a.message])).toEqual([
        [LSU_RULES.evaluation, 'P2', '1er trimestre, matière 020700 : ni positionnement, ni moyenne, ni « non noté »'],
        [
          LSU_RULES.teacher,
          'P2',
          '1er trimestre, matière 061300 : enseignant 99999 absent des données STS-web 2024-2025 (importez sts_emp)',
        ],
      ]);
      const local = stream(
        referenceStreamId(UAI, YEAR),
        StsTeachersDeclared.create({ ...year, source: 'test', teachers: [{ ...TEACHERS[2]!, stsId: 'L34567' }] }),
      );
      const r2 = { ...year, pupilId: 'P1', classCode: '3A', period: 'T1' as const, electionMode: 'S' as const };
      const plan2 = exporter.plan(
        snapshotOf([
          ...sampleHistory(),
          local,
          livret('P1', LivretSubjectAssessed.create({ ...r2, subjectCode: '030201', teacherIds: ['L34567'], positioning: 3 })),
        ]),
      );
      expect(plan2.blocking.map((a) => a.message)).toEqual([expect.stringMatching(/identifiant STS « L34567 » non numérique/)]);
    });

    it('a period without the council’s synthesis or the vie scolaire', () => {
      const r = { ...year, pupilId: 'P2', classCode: '3A' };
      const history = [
        ...without(sampleHistory(), livretStreamId(UAI, YEAR, 'P2')),
        livret('P2', ...collegeTerm('P2', '3A', [2, 2, 3]).filter((e) => e.type === 'LivretSubjectAssessed')),
        livret('P2', LivretPeriodSynthesisRecorded.create({ ...r, period: 'T2', councilDate: '2025-03-10', synthesis: 'Bien.' })),
      ];
      const plan = exporter.plan(snapshotOf(history));
      expect(plan.blocking.map((a) => a.message)).toEqual([
        '1er trimestre : synthèse et date du conseil de classe manquantes',
        '1er trimestre : vie scolaire (retards, absences) manquante',
        '2e trimestre : aucune matière évaluée (le bilan périodique en demande au moins une)',
        '2e trimestre : vie scolaire (retards, absences) manquante',
      ]);
    });

    it('a period recorded by mistake, until it is withdrawn as a whole (an S1 in a school of trimesters)', () => {
      const r = { ...year, pupilId: 'P2', classCode: '3A', period: 'S1' as const };
      const subject = { ...r, subjectCode: '061300', electionMode: 'S' as const };
      const wrongPeriod = [
        LivretSubjectAssessed.create({ ...subject, teacherIds: ['23456'], positioning: 3, appraisal: 'Bien.' }),
        LivretPeriodSynthesisRecorded.create({ ...r, councilDate: '2025-01-20', synthesis: 'Bien.' }),
        LivretAttendanceRecorded.create({ ...r, lateArrivals: 0, justifiedAbsences: 0, unjustifiedAbsences: 0 }),
        LivretSubjectAssessmentWithdrawn.create(subject),
      ];
      const blocked = [...sampleHistory(), livret('P2', ...wrongPeriod)];
      expect(exporter.plan(snapshotOf(blocked)).blocking.map((a) => [a.rule, a.message])).toEqual([
        [
          LSU_RULES.periods,
          'trimestres et semestres mêlés : retirez les périodes enregistrées par erreur (WithdrawLivretRecord, record period)',
        ],
        [LSU_RULES.acquis, '1er semestre : aucune matière évaluée (le bilan périodique en demande au moins une)'],
      ]);
      const withdrawn = livret(
        'P2',
        ...wrongPeriod,
        LivretRecordWithdrawn.create({ ...year, pupilId: 'P2', classCode: '3A', record: 'period', period: 'S1' }),
      );
      expect(exporter.plan(snapshotOf([...sampleHistory(), withdrawn])).blocking).toEqual([]);
      // A period its subjects alone were withdrawn from is no bilan either.
      const emptied = livret('P2', wrongPeriod[0]!, wrongPeriod[3]!);
      expect(exporter.plan(snapshotOf([...sampleHistory(), emptied])).blocking).toEqual([]);
    });

    it('an end-of-cycle bilan of a cycle that does not end in the pupil’s level, until it is withdrawn', () => {
      const wrong = LivretCycleBilanRecorded.create({
        ...(cycle4Bilan('P3').data as Parameters<typeof LivretCycleBilanRecorded.create>[0]),
        classCode: '6A',
      });
      const plan = exporter.plan(snapshotOf([...sampleHistory(), livret('P3', wrong)]));
      expect(rules(plan.blocking)).toEqual([`P3:${LSU_RULES.cycle}`]);
      expect(plan.blocking[0]!.message).toBe(
        'CŒURDACIER Zoé (6A) : bilan de fin de cycle 4 pour un élève de 6e (le cycle 3 se termine en 6e, le cycle 4 en 3e ; seul le bilan de fin de cycle 3 est attendu en 6e) : retirez-le (WithdrawLivretRecord, record cycleBilan, cycle 4) ou corrigez la formation de l’élève',
      );
      const withdrawn = LivretRecordWithdrawn.create({ ...year, pupilId: 'P3', classCode: '6A', record: 'cycleBilan', cycle: 4 });
      const fixed = exporter.plan(snapshotOf([...sampleHistory(), livret('P3', wrong, withdrawn)]));
      expect(fixed.blocking).toEqual([]);
      expect(rules(fixed.warnings)).toEqual(['P3:lsu-eleve-sans-bilan']);
    });

    it('a division SIECLE and STS-web do not know, or longer than the 2019 XSD allows', () => {
      const klass = stream(
        streamIds.class(UAI, YEAR, '3A'),
        ClassCoded.create({ ...year, classCode: '3A', rectoratCode: '3EME-A-BILANGUE' }),
      );
      const plan = exporter.plan(snapshotOf([...sampleHistory(), klass]));
      expect(plan.blocking.map((a) => [a.rule, a.entity.id])).toEqual([
        [LSU_RULES.division, 'P1'],
        [LSU_RULES.division, 'P2'],
      ]);
      expect(plan.blocking[0]!.message).toMatch(/division 3EME-A-BILANGUE inconnue de SIECLE \/ STS-web/);
    });

    it('no head to sign, an invalid UAI, nothing to export', async () => {
      const noDirector = stream(
        referenceStreamId(UAI, YEAR),
        StsTeachersDeclared.create({ ...year, source: 'test', teachers: [{ ...TEACHERS[4]!, function: 'ENS' }] }),
      );
      expect(rules(exporter.plan(snapshotOf([...sampleHistory(), noDirector])).blocking)).toEqual([`${UAI}:${LSU_RULES.head}`]);
      const declared = stream(
        livretYearStreamId(UAI, YEAR),
        LivretHeadDeclared.create({ ...year, lastName: 'Delorme', firstName: 'Claire', civility: 'MME' }),
      );
      const doc = readLsu(
        (await exporter.build(snapshotOf([...sampleHistory(), noDirector, declared]), context)).files[0]!.bytes,
      );
      expect(doc.heads).toEqual([{ id: 'RESP_1', label: 'Mme Claire DELORME' }]);
      const empty = snapshotOf(sampleHistory().filter((s) => !s.streamId.startsWith('livret-')));
      expect(exporter.plan(empty).blocking.map((a) => a.rule)).toEqual([LSU_RULES.nothing]);
    });

    it('warns when a class mixes positionings and marks, and when a subject has no appraisal', () => {
      const r = { ...year, pupilId: 'P2', classCode: '3A', period: 'T1' as const, electionMode: 'S' as const };
      const history = [
        ...sampleHistory(),
        livret('P2', LivretSubjectAssessed.create({ ...r, subjectCode: '061300', teacherIds: ['23456'], average: '12.5' })),
      ];
      const plan = exporter.plan(snapshotOf(history));
      expect(plan.blocking).toEqual([]);
      expect(rules(plan.warnings)).toEqual(expect.arrayContaining(['P2:lsu-appreciation', '3A:lsu-mode-evaluation']));
    });

    it('warns when the pupils of a class carry two class averages for one subject and period', () => {
      const assessed = (pupilId: string, classAverage: string) =>
        livret(
          pupilId,
          LivretSubjectAssessed.create({
            ...year,
            pupilId,
            classCode: '3A',
            period: 'T1',
            subjectCode: '061300',
            electionMode: 'S',
            teacherIds: ['23456'],
            positioning: 3,
            appraisal: 'Bien.',
            classAverage,
          }),
        );
      const same = exporter.plan(snapshotOf([...sampleHistory(), assessed('P1', '11.5'), assessed('P2', '11.5')]));
      expect(same.warnings.filter((w) => w.rule === LSU_RULES.classAverage)).toEqual([]);
      const diverging = exporter.plan(snapshotOf([...sampleHistory(), assessed('P1', '11.5'), assessed('P2', '12')]));
      expect(diverging.blocking).toEqual([]);
      expect(diverging.warnings.filter((w) => w.rule === LSU_RULES.classAverage).map((w) => w.message)).toEqual([
        'division 3A, 1er trimestre, matière 061300 : moyennes de la classe différentes selon les élèves (11.5, 12) ; réimportez la période entière depuis le carnet de notes',
      ]);
    });
  });

  it('follows the campaign’s schema: the 2019 XSD has no appliVersion and wants programme elements; 7.0 is an option', async () => {
    const choose = (lsu: '2019' | '7.0') => stream(livretYearStreamId(UAI, YEAR), LivretSchemasChosen.create({ ...year, lsu }));
    const plan2019 = exporter.plan(snapshotOf([...sampleHistory(), choose('2019')]));
    expect(new Set(plan2019.blocking.map((a) => a.rule))).toEqual(new Set([LSU_RULES.programme]));
    expect(plan2019.blocking.map((a) => a.message)).toContain(
      '1er trimestre, matière 061300 : le schéma LSU 2019 exige au moins un élément de programme',
    );
    const withElements = sampleHistory().map((s) =>
      s.streamId.startsWith('livret-')
        ? {
            ...s,
            events: s.events.map((e) =>
              e.type === 'LivretSubjectAssessed' ? { ...e, data: { ...(e.data as object), programmeElements: ['Élément'] } } : e,
            ),
          }
        : s,
    );
    const build2019 = await exporter.build(snapshotOf([...withElements, choose('2019')]), context);
    expect(build2019.xmlDocuments![0]!.xsdPath).toBe(LSU_XSD_2019);
    expect(Buffer.from(build2019.files[0]!.bytes).toString('utf8')).not.toContain('appliVersion');
    expect(await xsdErrors(build2019.files[0]!.bytes, LSU_XSD_2019)).toEqual([]);
    const build7 = await exporter.build(snapshotOf([...sampleHistory(), choose('7.0')]), context);
    expect(build7.xmlDocuments![0]!.xsdPath).toBe(LSU_XSD_7);
    expect(Buffer.from(build7.files[0]!.bytes).toString('utf8')).toContain('schemaVersion="7.0"');
    expect(await xsdErrors(build7.files[0]!.bytes, LSU_XSD_7)).toEqual([]);
  });

  it('counts the livrets, the year’s livret data and the SIECLE reference among an export’s changes, not the lycée’s pupils', () => {
    const snapshot = snapshotOf();
    const inScope = exporter.scope!(snapshot, defaultExportScope(snapshot));
    expect(inScope(livretStreamId(UAI, YEAR, 'P1'))).toBe(true);
    expect(inScope(livretStreamId(UAI, YEAR, 'P4'))).toBe(false);
    expect(inScope(livretStreamId(UAI, YEAR - 1, 'P1'))).toBe(false);
    expect(inScope(livretYearStreamId(UAI, YEAR))).toBe(true);
    expect(inScope(referenceStreamId(UAI, YEAR))).toBe(true);
    expect(inScope(streamIds.pupil(UAI, 'P1'))).toBe(true);
    expect(inScope(streamIds.pupil(UAI, 'P4'))).toBe(false);
    expect(inScope(streamIds.guardian(UAI, 'G1'))).toBe(true);
    expect(inScope(streamIds.class(UAI, YEAR, '3A'))).toBe(true);
    expect(inScope(streamIds.establishment(UAI))).toBe(true);
  });

  it('uses the class the pupil is in at the time of the export', async () => {
    const moved = stream(
      streamIds.pupil(UAI, 'P2'),
      PupilClassChanged.create({ ...year, pupilId: 'P2', classCode: '6A', previousClassCode: '3A', date: '2025-01-06' }),
    );
    // A 6e now: LSU still takes them (collège), with their new division.
    const doc = readLsu(
      (await exporter.build(snapshotOf([...sampleHistory(), moved, referenceHistory()]), context)).files[0]!.bytes,
    );
    expect(doc.pupils.find((p) => p.id === 'EL_P2')?.division).toBe('6A');
  });
});
